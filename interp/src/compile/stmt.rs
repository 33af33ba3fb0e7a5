//! Blocks and statements: scopes, `let` (with patterns and `else`), drops at scope end,
//! REPL top-level statements (their `let`s become session globals).

use super::scope::Local;
use super::Compiler;
use crate::ast::{self, Span, StmtKind};
use crate::types::Ty;
use crate::vm::bytecode::{FuncProto, Instr, Reg};
use crate::vm::program::Global;
use std::sync::Arc;

/// The pattern region of an arm (`begin_arm_temps`).
pub(crate) struct ArmTemps {
    pub(crate) start: Reg,
    hi: Reg,
    saved: u16,
}

impl Compiler {
    /// Compile a block, its value into `dst`. Its tail expression's temporaries live on to
    /// the end of the enclosing temporary scope (Rust 2021), guards aside (`tail_expr_to`).
    pub(crate) fn block_to(&mut self, b: &ast::Block, dst: Reg, expect: Option<&Ty>) {
        self.block_scoped(b, dst, expect, false);
    }

    /// The body of an `if` or `else`, of a loop or of a `match` arm: a temporary scope of its
    /// own (the Reference, "Temporary scopes"), so its tail expression's temporaries die at its
    /// end, after its locals (edition 2021's order): `for .. { *m.lock().unwrap() += 1 }`
    /// unlocks before the next iteration.
    pub(crate) fn body_to(&mut self, b: &ast::Block, dst: Reg, expect: Option<&Ty>) {
        self.block_scoped(b, dst, expect, true);
    }

    /// A `match` arm's body, a temporary scope of its own: a block as `body_to`; an
    /// expression (`0 => *c.lock().unwrap() += 1,`) drops its temporaries once its value is
    /// in `dst`, before the arm's bindings.
    pub(crate) fn arm_body_to(&mut self, e: &ast::Expr, dst: Reg, expect: Option<&Ty>) {
        match &e.kind {
            ast::ExprKind::Block(b) => self.body_to(b, dst, expect),
            _ => {
                let region = self.tail_region_to(e, dst, expect);
                self.drop_tail_temps(region, dst, e.span);
            }
        }
    }

    fn block_scoped(&mut self, b: &ast::Block, dst: Reg, expect: Option<&Ty>, terminating: bool) {
        let saved_floor = self.cx().floor;
        if self.cx().mono {
            let f = self.cx().region_start();
            self.cx().floor = f;
        }
        self.block_inner(b, dst, expect, terminating);
        self.cx().floor = saved_floor;
    }

    fn block_inner(&mut self, b: &ast::Block, dst: Reg, expect: Option<&Ty>, terminating: bool) {
        self.cx().push_scope();
        self.hoist_items(&b.stmts);
        let n = b.stmts.len();
        let mut has_tail = false;
        let mut region = None;
        for (i, s) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match &s.kind {
                // `println!(..)` and its kin expand to a block holding a statement: their
                // temporaries die there, as a statement's.
                StmtKind::Expr(e, false) if last && !is_print_macro(e) => {
                    region = self.tail_region_to(e, dst, expect);
                    has_tail = true;
                }
                _ => self.stmt(s),
            }
        }
        if !has_tail {
            let sp = Span { lo: b.span.hi.saturating_sub(1), hi: b.span.hi };
            self.load_unit(dst, sp);
        }
        let locals = self.cx().pop_scope();
        let sp = Span { lo: b.span.hi.saturating_sub(1), hi: b.span.hi };
        self.emit_drops(&locals, sp);
        if terminating {
            self.drop_tail_temps(region, dst, sp);
        }
    }

    /// The temporaries `region` of a tail expression die (all but `dst`), last made first.
    fn drop_tail_temps(&mut self, region: Option<(Reg, Reg)>, dst: Reg, span: Span) {
        if let Some((start, hi)) = region {
            self.drop_temps_but(start, hi, |r| r == dst, span);
        }
    }

    /// `DropTemps` of the registers `start..hi` but those `keep` names, last created first
    /// (`drop.rs`): one instruction per run of registers between kept ones.
    fn drop_temps_but(&mut self, start: Reg, hi: Reg, keep: impl Fn(Reg) -> bool, span: Span) {
        let mut r = hi;
        while r > start {
            if keep(r - 1) {
                r -= 1;
                continue;
            }
            let top = r;
            while r > start && !keep(r - 1) {
                r -= 1;
            }
            self.emit(Instr::DropTemps { lo: r, hi: top }, span);
        }
    }

    /// Items declared inside a block are visible in the whole block (and compiled later).
    fn hoist_items(&mut self, stmts: &[ast::Stmt]) {
        let items: Vec<ast::Item> = stmts
            .iter()
            .filter_map(|s| match &s.kind {
                StmtKind::Item(it) => Some((**it).clone()),
                _ => None,
            })
            .collect();
        if !items.is_empty() {
            let m = self.module.clone();
            self.collect_items(&items, &m);
        }
    }

    /// A block's tail expression (or a closure's expression body): lock and `RefCell` guards
    /// left in its temporaries (`*c.borrow_mut() += 1`, `m.lock().unwrap().len()`) are
    /// released once its value is in `dst`, as a statement's are at its `;`.
    pub(crate) fn tail_expr_to(&mut self, e: &ast::Expr, dst: Reg, expect: Option<&Ty>) {
        self.tail_region_to(e, dst, expect);
    }

    /// `tail_expr_to`, giving the registers its temporaries used (when drops are tracked).
    fn tail_region_to(&mut self, e: &ast::Expr, dst: Reg, expect: Option<&Ty>) -> Option<(Reg, Reg)> {
        if !self.prog.needs_drop_walk {
            self.expr_to(e, dst, expect);
            return None;
        }
        let borrows = self.may_make_guard(e);
        let start = self.cx().region_start();
        let saved_hw = self.cx().hw;
        let saved_mono = std::mem::replace(&mut self.cx().mono, true);
        let kept = self.cx().temp_guards;
        self.cx().hw = start;
        self.expr_to(e, dst, expect);
        let hi = self.cx().hw;
        self.release_guards(borrows, kept, (start..hi).filter(|&r| r != dst), e.span);
        self.cx().mono = saved_mono;
        self.cx().hw = saved_hw.max(hi);
        Some((start, hi))
    }

    /// Drop the owned locals of a closed scope, in reverse declaration order.
    pub(crate) fn emit_drops(&mut self, locals: &[Local], span: Span) {
        if !self.prog.needs_drop_walk {
            return;
        }
        for l in locals.iter().rev() {
            if !l.owned {
                // A binding that does not own its value (a pattern binding, a reference) lets
                // go of it: dropped when it held the last handle (a binding moved out of a
                // temporary), else left to its owner.
                if !l.boxed {
                    // A held scrutinee (`hold_scrutinee`) also lets go of the pattern's
                    // temporaries, in the registers between it (or the start of a `match`
                    // arm's pattern region, `<pattern>`) and the bindings.
                    let split = locals.iter().any(|b| b.name == "<pattern>");
                    let spans = l.name == "<pattern>" || (l.name == "<scrutinee>" && !split);
                    let hi = if spans { locals.iter().map(|b| b.reg).max().unwrap_or(l.reg).max(l.reg) + 1 } else { l.reg + 1 };
                    self.cx().emit(Instr::DropTemps { lo: l.reg, hi }, span);
                }
                continue;
            }
            if l.boxed {
                self.cx().emit(Instr::Deref { dst: l.reg, src: l.reg }, span);
            }
            self.cx().emit(Instr::Drop { reg: l.reg }, span);
        }
    }

    /// Drops for every open scope from `depth` outward (before `return`/`break`).
    pub(crate) fn emit_drops_from(&mut self, depth: usize, span: Span) {
        if !self.prog.needs_drop_walk {
            return;
        }
        let locals: Vec<Local> = self.cx().scopes.iter().skip(depth).rev().flat_map(|s| s.locals.iter().rev().cloned()).collect();
        for l in locals {
            if !l.owned {
                continue;
            }
            if l.boxed {
                self.cx().emit(Instr::Deref { dst: l.reg, src: l.reg }, span);
            }
            self.cx().emit(Instr::Drop { reg: l.reg }, span);
        }
    }

    pub(crate) fn emit_scope_drops_all(&mut self, span: Span) {
        self.emit_drops_from(0, span);
    }

    /// A statement. When drops are tracked, its temporaries live to its end and die there
    /// (Rust's rule; a `let`'s bindings excepted): registers are not reused inside it
    /// (`FnCx::mono`), guards are released (`Release`), then the rest is dropped.
    pub(crate) fn stmt(&mut self, s: &ast::Stmt) {
        if !self.prog.needs_drop_walk || matches!(s.kind, StmtKind::Item(_) | StmtKind::Empty) {
            return self.stmt_inner(s);
        }
        let borrows = self.stmt_may_make_guard(s);
        let start = {
            let cx = self.cx();
            if cx.mono {
                cx.next_reg = cx.next_reg.max(cx.floor);
            }
            cx.next_reg
        };
        let saved_hw = self.cx().hw;
        let saved_mono = std::mem::replace(&mut self.cx().mono, true);
        let kept = self.cx().temp_guards;
        self.cx().hw = start;
        self.stmt_inner(s);
        let hi = self.cx().hw;
        let keep: Vec<u16> = self.cx().scopes.last().map(|sc| sc.locals.iter().map(|l| l.reg).collect()).unwrap_or_default();
        self.release_guards(borrows, kept, (start..hi).filter(|r| !keep.contains(r)), s.span);
        // The other temporaries die too, last created first.
        self.drop_temps_but(start, hi, |r| keep.contains(&r), s.span);
        self.cx().mono = saved_mono;
        self.cx().hw = saved_hw.max(hi);
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) {
        match &s.kind {
            StmtKind::Let { pat, ty, init, else_ } => self.let_stmt(pat, ty.as_ref(), init.as_ref(), else_.as_ref(), s.span),
            StmtKind::Expr(e, _) => {
                let mark = self.cx().next_reg;
                let t = self.cx().alloc();
                // The value of a call statement is a temporary dropped at the `;` (when
                // drops are tracked): it must really be written, so no sink then.
                let drop_value = self.prog.needs_drop_walk
                    && matches!(e.kind, ast::ExprKind::Call(..) | ast::ExprKind::MethodCall { .. } | ast::ExprKind::Struct { .. })
                    && !matches!(self.inferred(e), Some(Ty::Ref { .. }) | Some(Ty::Unit));
                let saved = if drop_value { self.sink.take() } else { self.sink.replace(t) };
                self.expr_to(e, t, None);
                self.sink = saved;
                if drop_value {
                    self.cx().emit(Instr::Drop { reg: t }, s.span);
                }
                self.cx().next_reg = mark;
            }
            StmtKind::Item(_) | StmtKind::Empty => {}
        }
    }

    /// Does `for x in iter` take the elements by value (so `x` owns each one and drops it at
    /// the end of its iteration)? Only when drops are tracked and the type says so: a vector,
    /// set, deque, array or option of non-references, or `.into_iter()`/`.drain(..)` of one.
    pub(crate) fn iterates_by_value(&self, iter: &ast::Expr) -> bool {
        if !self.prog.needs_drop_walk {
            return false;
        }
        let e = match &iter.kind {
            ast::ExprKind::MethodCall { receiver, method, .. } if matches!(method.name.as_str(), "into_iter" | "drain") => receiver,
            _ => iter,
        };
        let owned_elem = |t: &Ty| !matches!(t, Ty::Ref { .. } | Ty::Infer | Ty::Param(_) | Ty::Str);
        match self.inferred(e) {
            Some(Ty::Named(n, args)) => {
                matches!(n.as_str(), "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "Option" | "BinaryHeap")
                    && args.first().is_some_and(owned_elem)
            }
            Some(Ty::Array(t, _)) => owned_elem(&t),
            _ => false,
        }
    }

    /// Does a closure parameter own its argument (drop it when the call ends)? When drops are
    /// tracked and its type (written, or inferred at a use in the body) is not a reference.
    pub(crate) fn closure_param_owned(&self, name: &str, written: Option<&Ty>, body: &ast::Expr) -> bool {
        if !self.prog.needs_drop_walk {
            return false;
        }
        let known = |t: &Ty| !matches!(t, Ty::Ref { .. } | Ty::Infer | Ty::Param(_) | Ty::Str);
        if let Some(t) = written {
            return known(t);
        }
        let mut ty = None;
        super::closure::walk_expr(body, false, &mut |e: &ast::Expr, _| {
            if ty.is_none() {
                if let ast::ExprKind::Path(p) = &e.kind {
                    if p.as_ident() == Some(name) {
                        ty = Some(self.inferred(e));
                    }
                }
            }
        });
        matches!(ty, Some(Some(t)) if known(&t))
    }

    /// An `if`/`while` condition that calls something, when drops are tracked: its
    /// temporaries die before the branch is taken (Rust drops them at the end of the
    /// condition). Returns the jump to the false branch; `None` for the ordinary compilation.
    pub(crate) fn cond_with_temps(&mut self, c: &ast::Expr) -> Option<Vec<usize>> {
        if !self.prog.needs_drop_walk || matches!(c.kind, ast::ExprKind::Let(..) | ast::ExprKind::Paren(_) | ast::ExprKind::Binary(ast::BinOp::And, ..)) {
            return None;
        }
        let mut calls = false;
        super::closure::walk_expr(c, false, &mut |e: &ast::Expr, _| {
            if matches!(e.kind, ast::ExprKind::Call(..) | ast::ExprKind::MethodCall { .. }) {
                calls = true;
            }
        });
        if !calls {
            return None;
        }
        let borrows = self.may_make_guard(c);
        let kept = self.cx().temp_guards;
        let t = self.cx().alloc();
        let saved_hw = self.cx().hw;
        self.cx().hw = t + 1;
        self.expr_to(c, t, Some(&Ty::Bool));
        let hi = self.cx().hw;
        self.release_guards(borrows, kept, t + 1..hi, c.span);
        if hi > t + 1 {
            self.emit(Instr::DropTemps { lo: t + 1, hi }, c.span);
        }
        self.cx().hw = saved_hw.max(hi);
        Some(vec![self.emit(Instr::JumpIfNot { cond: t, target: 0 }, c.span)])
    }

    /// A `match`/`if let`/`while let` on a temporary: the temporary (in register `s`) lives
    /// until the end of the arm, then what its bindings did not take is dropped. Declared as
    /// a hidden binding of the arm's scope before the pattern's own bindings, so it is let go
    /// of after them.
    /// `pattern_from`: for a `match`, whose scrutinee's own temporaries (a guard in `match
    /// m.lock().unwrap().len()`) live to the end of the statement, the first register of the
    /// arm's pattern region: only `s` and the registers from there on are let go of at the
    /// arm's end. Without it (`if let`, `while let`) everything from `s` on is, so a `while
    /// let` scrutinee's temporaries die after each iteration.
    pub(crate) fn hold_scrutinee(&mut self, scrutinee: &ast::Expr, s: Reg, pattern_from: Option<Reg>) {
        use ast::ExprKind as K;
        if !self.prog.needs_drop_walk || matches!(scrutinee.kind, K::Path(_) | K::Field(..) | K::TupleField(..) | K::Index(..) | K::Ref { .. } | K::Unary(..) | K::Paren(_) | K::Lit(_)) {
            return;
        }
        self.cx().declare(Local { name: "<scrutinee>".into(), reg: s, boxed: false, owned: false, ty: None });
        if let Some(p) = pattern_from.filter(|&p| p > s) {
            self.cx().declare(Local { name: "<pattern>".into(), reg: p, boxed: false, owned: false, ty: None });
        }
    }

    /// Start the pattern region of a `match` arm, an `if`/`if let` or a `while let`: the
    /// registers its condition and pattern test use (copies of the scrutinee's parts, such as
    /// a lock guard inside a `Result`). `pattern_done` closes it, `end_arm_temps` lets go of
    /// it at the arm's end.
    pub(crate) fn begin_arm_temps(&mut self) -> ArmTemps {
        let start = self.cx().region_start();
        let saved = self.cx().hw;
        self.cx().hw = start;
        ArmTemps { start, hi: start, saved }
    }

    /// The pattern (and guard) of the region `t` are compiled.
    pub(crate) fn pattern_done(&mut self, t: &mut ArmTemps) {
        t.hi = self.cx().hw;
    }

    /// End of the arm (after its bindings were dropped): the pattern's registers let go of
    /// what they hold, so a stale copy of a guard cannot keep it locked when the scrutinee's
    /// owner dies (`match r { Ok(g) => .. }` on a `LockResult` parameter); a guard only they
    /// still hold is released (`Release`).
    pub(crate) fn end_arm_temps(&mut self, t: ArmTemps, span: Span) {
        if self.prog.needs_drop_walk {
            for reg in t.start..t.hi {
                self.emit(Instr::Release { reg }, span);
            }
        }
        let hi = self.cx().hw;
        self.cx().hw = t.saved.max(hi);
    }

    /// How many locals the innermost scope has (a mark for `bind_moves`).
    pub(crate) fn scope_mark(&mut self) -> usize {
        self.cx().scopes.last().map_or(0, |s| s.locals.len())
    }

    /// After a `match`/`if let` pattern bound the locals declared since `mark`: when the
    /// scrutinee is an owned local matched by value, the bindings move its parts out, so they
    /// own them (dropped at the end of the arm; the local's drop then skips what was dropped).
    /// Not in programs using `Rc`/`Arc`/`Weak`, whose pointers share one handle (the local's
    /// drop would count a moved-out pointer again).
    pub(crate) fn bind_moves(&mut self, scrutinee: &ast::Expr, pat: &ast::Pat, mark: usize) {
        if !self.prog.needs_drop_walk || super::pattern::has_ref_binding(pat) {
            return;
        }
        let text = &self.source.text;
        if text.contains("Rc") || text.contains("Arc") || text.contains("Weak") {
            return;
        }
        let ast::ExprKind::Path(p) = &scrutinee.kind else { return };
        let Some(l) = p.as_ident().and_then(|n| self.cx().lookup(n).cloned()) else { return };
        if !l.owned || l.boxed || !matches!(self.inferred(scrutinee), Some(t) if !matches!(t, Ty::Ref { .. })) {
            return;
        }
        self.own_bindings(mark, |_| true);
    }

    /// Make the locals declared since `mark` (those `which` accepts, not boxed, not owned yet)
    /// owners of their values from here on: dropped at their scope end.
    fn own_bindings(&mut self, mark: usize, which: impl Fn(&str) -> bool) {
        let here = self.cx().here() as u32;
        let cx = self.cx();
        let mut slots = Vec::new();
        if let Some(sc) = cx.scopes.last_mut() {
            for b in sc.locals.iter_mut().skip(mark).filter(|b| !b.owned && !b.boxed && which(&b.name)) {
                b.owned = true;
                slots.push(crate::vm::bytecode::DropSlot { reg: b.reg, boxed: false, start: here, end: u32::MAX });
            }
        }
        cx.proto.drop_slots.extend(slots);
    }

    /// `let (a, b) = value;` where `value` is not a place: the bindings take the tuple's parts
    /// and own them (a moved `Sender` must disconnect when its thread ends; an `Rc` part gives
    /// its count back at scope end). Only names bound directly to elements whose inferred type
    /// is owned (not a reference, not unknown); everything else stays as it was.
    fn bind_tuple_parts(&mut self, pat: &ast::Pat, init: &ast::Expr, mark: usize) {
        if !self.prog.needs_drop_walk || super::pattern::has_ref_binding(pat) {
            return;
        }
        let (ast::PatKind::Tuple(parts), Some(Ty::Tuple(tys))) = (&pat.kind, self.inferred(init)) else { return };
        if parts.len() != tys.len() {
            return;
        }
        let owned_ty = |t: &Ty| !matches!(t, Ty::Ref { .. } | Ty::Infer | Ty::Param(_) | Ty::Str);
        let names: Vec<String> = parts
            .iter()
            .zip(&tys)
            .filter_map(|(p, t)| match &p.kind {
                ast::PatKind::Ident { name, sub: None, by_ref: false, .. } if owned_ty(t) => Some(name.name.clone()),
                _ => None,
            })
            .collect();
        self.own_bindings(mark, |n| names.iter().any(|x| x == n));
    }

    /// The register an iterated collection is read from: an owned local iterated by value is
    /// moved into the loop (its owner no longer drops the elements).
    pub(crate) fn iterated_operand(&mut self, iter: &ast::Expr, by_value: bool) -> Reg {
        if by_value {
            if let ast::ExprKind::Path(p) = &iter.kind {
                if let Some(l) = p.as_ident().and_then(|n| self.cx().lookup(n).cloned()) {
                    if l.owned && !l.boxed {
                        let t = self.cx().alloc();
                        self.read_local(&l, t, iter.span);
                        return t;
                    }
                }
            }
        }
        self.operand(iter)
    }

    /// Is the local bound by this `let` a reference (not owned)?
    fn let_is_ref(&self, ty: Option<&ast::Type>, init: Option<&ast::Expr>) -> bool {
        if let Some(t) = ty {
            return matches!(t.kind, ast::TypeKind::Ref { .. });
        }
        if let Some(e) = init {
            if matches!(e.kind, ast::ExprKind::Ref { .. } | ast::ExprKind::Lit(_)) {
                return true;
            }
            if let ast::ExprKind::MethodCall { method, .. } = &e.kind {
                if matches!(method.name.as_str(), "borrow" | "borrow_mut" | "lock" | "write" | "read") {
                    // A guard: owned (dropping it releases the borrow).
                    return false;
                }
            }
            if let Some(Ty::Ref { .. }) = self.inferred(e) {
                return true;
            }
        }
        false
    }

    fn let_stmt(&mut self, pat: &ast::Pat, ty: Option<&ast::Type>, init: Option<&ast::Expr>, else_: Option<&ast::Block>, span: Span) {
        let expect = ty.map(|t| super::lits::ast_to_ty(t, self.self_ty.as_deref()));
        let owned = !self.let_is_ref(ty, init);
        let local_ty = expect.clone().or_else(|| init.and_then(|e| self.inferred(e)));
        if let ast::PatKind::Ident { name, sub: None, by_ref: false, .. } = &pat.kind {
            if self.resolves_to_unit_pattern(&name.name).is_none() || init.is_none() {
                let r = self.cx().alloc();
                match init {
                    Some(e) => self.expr_to(e, r, expect.as_ref()),
                    None => {
                        self.cx().emit(Instr::LoadUnit { dst: r }, span);
                    }
                }
                self.declare_local(&name.name, r, owned, local_ty, pat.span);
                return;
            }
        }
        let Some(init) = init else {
            // `let (a, b);`: each name declared, assigned later (`(a, b) = (1, 2);`).
            let mut names = Vec::new();
            if !super::pattern::plain_names(pat, &mut names) {
                self.err("a `let` without initializer needs a plain name", pat.span, "pattern here");
                return;
            }
            for n in names {
                let r = self.cx().alloc();
                self.cx().emit(Instr::LoadUnit { dst: r }, span);
                self.declare_local(&n.name, r, owned, None, n.span);
            }
            return;
        };
        if matches!(pat.kind, ast::PatKind::Wild) && else_.is_none() {
            // `let _ = value;` drops a temporary value at once (a place is left alone).
            let t = self.cx().alloc();
            let is_place = matches!(init.kind, ast::ExprKind::Path(_) | ast::ExprKind::Field(..) | ast::ExprKind::Index(..) | ast::ExprKind::TupleField(..) | ast::ExprKind::Ref { .. });
            if is_place {
                // Not a move: `let _ = x;` leaves `x` alive.
                self.expr_read(init, t);
            } else {
                self.expr_to(init, t, expect.as_ref());
            }
            if self.prog.needs_drop_walk && !is_place && !matches!(self.inferred(init), Some(Ty::Ref { .. })) {
                self.emit(Instr::Drop { reg: t }, span);
            }
            return;
        }
        let t = self.cx().alloc();
        let owned_place = self.prog.needs_drop_walk
            && matches!(&init.kind, ast::ExprKind::Path(p) if p.as_ident().and_then(|n| self.cx().lookup(n)).is_some_and(|l| l.owned));
        if super::pattern::has_ref_binding(pat) || owned_place {
            // Destructuring a local moves only the bound parts: the local keeps the rest
            // (and drops it at its scope end).
            // `let (ref mut a, _) = pair;`: the bindings are places of `init`, not of a copy.
            self.expr_read(init, t);
        } else {
            self.expr_to(init, t, expect.as_ref());
        }
        match else_ {
            Some(eb) => {
                let bound = self.scope_mark();
                let fail = self.pattern_test(pat, t, false);
                let done = self.cx().emit(Instr::Jump { target: 0 }, span);
                let here = self.cx().here();
                for f in fail {
                    self.cx().patch(f, here);
                }
                // The `else` block does not see the pattern's bindings (`let Ok(a) = a.parse()
                // else { .. a .. }` names the outer `a`).
                let hidden = self.cx().scopes.last_mut().map(|sc| sc.locals.split_off(bound.min(sc.locals.len()))).unwrap_or_default();
                let mark = self.cx().next_reg;
                let tmp = self.cx().alloc();
                self.block_to(eb, tmp, None);
                self.cx().next_reg = mark;
                if let Some(sc) = self.cx().scopes.last_mut() {
                    sc.locals.extend(hidden);
                }
                let after = self.cx().here();
                self.cx().patch(done, after);
                // Bindings: declared by pattern_test in the current scope.
            }
            None => {
                if self.is_mut_ref_expr(init) {
                    let fails = self.pattern_test(pat, t, true);
                    let _ = fails;
                } else {
                    let mark = self.scope_mark();
                    self.bind_irrefutable(pat, t, span);
                    if !owned_place {
                        self.bind_tuple_parts(pat, init, mark);
                    }
                }
            }
        }
    }

    /// Compile REPL top-level statements into a function; `let`s become globals.
    pub(crate) fn compile_repl_stmts(&mut self, stmts: &[ast::Stmt]) -> u32 {
        let f = self.new_func("<repl>".into());
        let proto = FuncProto::new("<repl>".into(), self.source.clone());
        self.fns.push(super::scope::FnCx::new(proto));
        for s in stmts {
            super::closure::collect_boxed_stmt(s, &mut self.cx().boxed_names);
            let mut names = Default::default();
            self.collect_mut_self_receivers_stmt(s, &mut names);
            self.cx().boxed_names.extend(names);
        }
        self.hoist_items(stmts);
        self.compile_pending();
        let dst = self.cx().alloc();
        let n = stmts.len();
        let mut has_tail = false;
        for (i, s) in stmts.iter().enumerate() {
            match &s.kind {
                StmtKind::Expr(e, false) if i + 1 == n => {
                    // A variable alone is shown, not moved (`check_repl` agrees).
                    match &e.kind {
                        ast::ExprKind::Path(p) if p.as_ident().is_some_and(|x| self.repl_vars.contains_key(x)) => {
                            let idx = p.as_ident().and_then(|x| self.repl_vars.get(x)).map_or(0, |v| v.global as u16);
                            self.cx().emit(Instr::GetGlobal { dst, idx }, e.span);
                        }
                        _ => self.expr_to(e, dst, None),
                    }
                    has_tail = true;
                }
                StmtKind::Let { pat, ty, init, else_: None } if matches!(pat.kind, ast::PatKind::Ident { sub: None, .. }) => {
                    let ast::PatKind::Ident { name, .. } = &pat.kind else { continue };
                    let expect = ty.as_ref().map(|t| super::lits::ast_to_ty(t, None));
                    let r = self.cx().alloc();
                    match init {
                        Some(e) => self.expr_to(e, r, expect.as_ref()),
                        None => {
                            self.cx().emit(Instr::LoadUnit { dst: r }, s.span);
                        }
                    }
                    let vty = expect.or_else(|| init.as_ref().and_then(|e| self.inferred(e)));
                    let g = self.prog.globals.len() as u32;
                    self.prog.globals.push(Global { name: name.name.clone(), cell: crate::heap::Heap::new(crate::value::Value::Unit), ty: vty.clone() });
                    self.cx().emit(Instr::SetGlobal { idx: g as u16, src: r }, s.span);
                    self.repl_vars.insert(name.name.clone(), super::ReplVar { global: g, ty: vty, moved: false });
                    self.cx().next_reg = r;
                }
                _ => self.stmt(s),
            }
        }
        if !has_tail {
            self.cx().emit(Instr::LoadUnit { dst }, Span::DUMMY);
        }
        self.cx().emit(Instr::Ret { src: dst }, Span::DUMMY);
        if let Some(mut cx) = self.fns.pop() {
            cx.proto.num_regs = cx.max_reg as u32 + 1;
            super::finish_proto(&mut cx.proto, !self.prog.needs_drop_walk && !self.in_prelude);
            if let Some(slot) = self.prog.funcs.get_mut(f as usize) {
                *slot = Arc::new(cx.proto);
            }
        }
        f
    }
}

impl Compiler {
    /// The end of a region of temporaries (a statement, a block's tail, a condition): when it
    /// may have left a guard in one (`borrows`: `may_make_guard`; or a temporary receiver was
    /// kept since `temp_guards` was `kept`), `Release` each of the registers `regs`.
    fn release_guards(&mut self, borrows: bool, kept: u32, regs: impl Iterator<Item = Reg>, span: ast::Span) {
        if borrows || self.cx().temp_guards != kept {
            for reg in regs {
                self.emit(Instr::Release { reg }, span);
            }
        }
    }

    /// May the statement leave a guard in a temporary (`may_make_guard`)?
    fn stmt_may_make_guard(&self, s: &ast::Stmt) -> bool {
        match &s.kind {
            StmtKind::Let { init: Some(e), .. } | StmtKind::Expr(e, _) => self.may_make_guard(e),
            _ => false,
        }
    }

    /// May computing `e` leave a lock or `RefCell` guard in a temporary register: does it
    /// call a method that makes one (`borrow`, `lock`, `write`, ...), or a function whose
    /// result, as typeck knows it, may hold one (`fn guard(&self) -> MutexGuard<'_, T>`, or
    /// not known)? Such a region `Release`s its registers at its end.
    pub(crate) fn may_make_guard(&self, e: &ast::Expr) -> bool {
        let mut found = false;
        // The calls awaited at once that are compiled as one call giving the await's value
        // (`rx.recv().await` is `rx.__recv_now()`, `async_fn::awaited_now`): the future they
        // name is never made, so what counts is the `.await`'s type (the walk is pre-order:
        // the `.await` is seen before its call).
        let mut awaited: Vec<ast::NodeId> = Vec::new();
        let mut f = |x: &ast::Expr, in_closure: bool| {
            if found || in_closure {
                return;
            }
            if let ast::ExprKind::Await(inner) = &x.kind {
                if super::async_fn::awaited_now(inner, self.in_prelude, x.id).is_some() {
                    awaited.push(inner.id);
                    found = !self.inferred(x).is_some_and(|t| guard_free(&t));
                    return;
                }
            }
            if awaited.contains(&x.id) {
                return;
            }
            match &x.kind {
                // (`lock`/`read`/`write`/`try_*`: Mutex and RwLock guards; `into_inner`: the
                // guard in a `PoisonError`.)
                ast::ExprKind::MethodCall { method, .. }
                    if matches!(method.name.as_str(), "borrow" | "borrow_mut" | "lock" | "read" | "write" | "try_lock" | "try_read" | "try_write" | "into_inner") =>
                {
                    found = true;
                }
                ast::ExprKind::Call(..) | ast::ExprKind::MethodCall { .. } if !self.inferred(x).is_some_and(|t| guard_free(&t)) => {
                    found = true;
                }
                _ => {}
            }
        };
        super::closure::walk_expr(e, false, &mut f);
        found
    }
}

/// Does `t` contain a `&mut` (a view whose `Release` writes it back)?
pub(crate) fn has_mut_ref(t: &Ty) -> bool {
    match t {
        Ty::Ref { mutable, inner } => *mutable || has_mut_ref(inner),
        Ty::Array(inner, _) | Ty::Slice(inner) => has_mut_ref(inner),
        Ty::Tuple(ts) | Ty::Named(_, ts) => ts.iter().any(has_mut_ref),
        _ => false,
    }
}

/// Can a value of type `t` hold no lock or `RefCell` guard (scalars, strings, std
/// collections, handles and errors, and tuples of such)? A std type holds a guard only
/// through a type argument (`Arc<MutexGuard<..>>`, `Option<Ref<..>>`), so its arguments are
/// checked too.
pub(crate) fn guard_free(t: &Ty) -> bool {
    match t {
        Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::String | Ty::Str | Ty::Never => true,
        Ty::Ref { inner, .. } | Ty::Array(inner, _) | Ty::Slice(inner) => guard_free(inner),
        Ty::Tuple(ts) => ts.iter().all(guard_free),
        Ty::Named(n, args) => {
            matches!(
                n.as_str(),
                "Vec" | "VecDeque" | "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" | "BinaryHeap" | "Option" | "Result" | "Range" | "RangeInclusive" | "Duration" | "Instant" | "Ordering"
                    | "Box" | "Rc" | "Arc" | "Weak" | "Cell" | "RefCell" | "Mutex" | "RwLock" | "Condvar" | "Barrier"
                    | "Sender" | "SyncSender" | "Receiver" | "SendError" | "TrySendError" | "RecvError" | "TryRecvError"
                    | "RecvTimeoutError" | "JoinHandle" | "ScopedJoinHandle" | "Thread" | "ThreadId"
                    | "ParseIntError" | "ParseFloatError" | "Utf8Error" | "FromUtf8Error"
            ) && args.iter().all(guard_free)
        }
        _ => false,
    }
}

/// `println!`, `print!`, `eprintln!`, `eprint!`: macros whose expansion is a block holding
/// one statement, so a tail call of one is, for its temporaries, a statement.
fn is_print_macro(e: &ast::Expr) -> bool {
    matches!(&e.kind, ast::ExprKind::Macro(m) if matches!(m.name.name.as_str(), "println" | "print" | "eprintln" | "eprint"))
}
