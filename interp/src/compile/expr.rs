//! Expressions: each is compiled into a destination register (`expr_to`), or, when it only
//! needs to be read (operands, receivers, scrutinees), into whatever register already holds
//! it (`operand`: a local's own register, no copy).

use super::Compiler;
use crate::ast::{self, BinOp, Expr, ExprKind, Span, UnOp};
use crate::types::Ty;
use crate::value::{IntTy, Value};
use crate::vm::bytecode::{BinKind, CastTo, Ctor, Instr, Reg};

pub(crate) fn bin_kind(op: BinOp) -> Option<BinKind> {
    Some(match op {
        BinOp::Add => BinKind::Add,
        BinOp::Sub => BinKind::Sub,
        BinOp::Mul => BinKind::Mul,
        BinOp::Div => BinKind::Div,
        BinOp::Rem => BinKind::Rem,
        BinOp::BitAnd => BinKind::BitAnd,
        BinOp::BitOr => BinKind::BitOr,
        BinOp::BitXor => BinKind::BitXor,
        BinOp::Shl => BinKind::Shl,
        BinOp::Shr => BinKind::Shr,
        BinOp::Eq => BinKind::Eq,
        BinOp::Ne => BinKind::Ne,
        BinOp::Lt => BinKind::Lt,
        BinOp::Le => BinKind::Le,
        BinOp::Gt => BinKind::Gt,
        BinOp::Ge => BinKind::Ge,
        BinOp::And | BinOp::Or => return None,
    })
}

/// A small integer literal usable as an immediate operand.
pub(crate) fn small_int(e: &Expr) -> Option<i16> {
    match &e.kind {
        ExprKind::Lit(ast::Lit { kind: ast::LitKind::Int(v, None), .. }) => i16::try_from(*v).ok(),
        ExprKind::Paren(inner) => small_int(inner),
        _ => None,
    }
}

impl Compiler {
    pub(crate) fn emit(&mut self, ins: Instr, span: Span) -> usize {
        self.cx().emit(ins, span)
    }

    /// Where Rust locates a panic of `base[idx]`: the whole expression for built-in
    /// indexing of arrays and slices by an integer, else (an `Index` impl: Vec, maps,
    /// ranges) the `[`.
    pub(crate) fn index_span(&mut self, e: &Expr, base: &Expr, idx: &Expr) -> Span {
        let builtin = matches!(self.inferred(base).as_ref().map(|t| t.deref()), Some(Ty::Array(..) | Ty::Slice(_)))
            && !matches!(idx.kind, ExprKind::Range { .. });
        if builtin {
            e.span
        } else {
            Span { lo: base.span.hi.min(e.span.hi), hi: e.span.hi }
        }
    }

    /// A register holding `e`'s value for reading. Locals are returned in place.
    pub(crate) fn operand(&mut self, e: &Expr) -> Reg {
        if let ExprKind::Path(p) = &e.kind {
            if let Some(name) = p.as_ident() {
                if let Some(l) = self.cx().lookup(name).cloned() {
                    if !l.boxed {
                        return l.reg;
                    }
                }
            }
        }
        if let ExprKind::Paren(inner) = &e.kind {
            return self.operand(inner);
        }
        let t = self.cx().alloc();
        if !self.access(e, t) {
            self.expr_read(e, t);
        }
        t
    }

    /// Field, element and index reads without copying (`Copy` aggregates alias: the result
    /// is used as a place or only read). False when `e` is not an access.
    fn access(&mut self, e: &Expr, dst: Reg) -> bool {
        match &e.kind {
            ExprKind::Field(base, name) => {
                self.check_field_name(base, name);
                let b = self.forced_operand(base);
                let site = self.cx().field_site(&name.name);
                self.emit(Instr::GetField { dst, obj: b, name: site }, name.span);
            }
            ExprKind::TupleField(base, idx, sp) => {
                let b = self.forced_operand(base);
                self.emit(Instr::GetElem { dst, obj: b, idx: *idx as u16 }, *sp);
            }
            ExprKind::Index(base, idx) if self.user_index(base) => self.user_index_call(e, base, idx, false, dst),
            ExprKind::Index(base, idx) => {
                let b = self.forced_operand(base);
                let i = self.operand_typed(idx, Some(&Ty::Int(IntTy::Usize)));
                let sp = self.index_span(e, base, idx);
                self.emit(Instr::Index { dst, obj: b, idx: i }, sp);
            }
            ExprKind::Unary(UnOp::Deref, inner) => {
                // `(*r).x = v`, `(*self).f()`: the referent itself, not a copy.
                let r = self.forced_operand(inner);
                self.emit(Instr::Peek { dst, src: r }, e.span);
            }
            _ => return false,
        }
        true
    }

    /// Like `expr_to` but a local is read without moving it, and a place (a boxed local, a
    /// field, an element, `*r`) without copying it: the result aliases (method receivers,
    /// operands only read).
    pub(crate) fn expr_read(&mut self, e: &Expr, dst: Reg) {
        if self.access(e, dst) {
            return;
        }
        if let ExprKind::Path(p) = &e.kind {
            if let Some(name) = p.as_ident() {
                if let Some(l) = self.cx().lookup(name).cloned() {
                    if l.boxed {
                        self.emit(Instr::Peek { dst, src: l.reg }, e.span);
                    } else {
                        self.emit(Instr::Mov { dst, src: l.reg }, e.span);
                    }
                    return;
                }
                if let Some(g) = self.repl_vars.get(name).map(|v| v.global as u16) {
                    // A REPL variable as a place (`a[0] = 5`, `t.1 += 1`): not a copy.
                    self.emit(Instr::RefGlobal { dst, idx: g }, e.span);
                    self.emit(Instr::Peek { dst, src: dst }, e.span);
                    return;
                }
            }
            if let Some(super::items::Item::Static(g)) = self.resolve_item(p) {
                // `static mut` arrays, tuples and structs written through places.
                self.emit(Instr::RefGlobal { dst, idx: g as u16 }, e.span);
                self.emit(Instr::Peek { dst, src: dst }, e.span);
                self.force_lazy_static(g, dst, e.span);
                return;
            }
        }
        self.expr_to(e, dst, None);
    }

    /// Evaluate `e` into `dst` (a by-value use).
    pub(crate) fn expr_to(&mut self, e: &Expr, dst: Reg, expect: Option<&Ty>) {
        self.cx().cur_span = e.span;
        let mark = self.cx().next_reg;
        self.expr_inner(e, dst, expect);
        // Temporaries of `e` are dead now (`dst` was allocated by the caller).
        self.cx().next_reg = mark;
    }

    fn expr_inner(&mut self, e: &Expr, dst: Reg, expect: Option<&Ty>) {
        let span = e.span;
        match &e.kind {
            ExprKind::Lit(l) => {
                let v = self.lit_value(l, Some(e), expect, false);
                self.load_value(v, dst, span);
            }
            ExprKind::Path(p) => {
                // A by-value read of a non-owned local (a pattern binding, a loop variable, a
                // closure capture) is a reference only when typed as one: a Copy aggregate it
                // holds by value is copied (`|&p| { let mut q = p; .. }` leaves the element).
                if let Some(l) = p.as_ident().and_then(|n| self.cx().lookup(n).cloned()) {
                    if !l.owned && !l.boxed && !self.cx().owns_capture(&l) && matches!(self.inferred(e), Some(t) if !matches!(t, Ty::Ref { .. })) {
                        self.emit(Instr::Dup { dst, src: l.reg }, span);
                        return;
                    }
                }
                self.path_value(p, dst, span, expect)
            }
            ExprKind::Paren(inner) => self.expr_to(inner, dst, expect),
            ExprKind::Unary(UnOp::Neg, inner) => {
                if let ExprKind::Lit(l) = &inner.kind {
                    if matches!(l.kind, ast::LitKind::Int(..) | ast::LitKind::Float(..)) {
                        let v = self.lit_value(l, Some(inner), expect.or(self.inferred(e).as_ref()), true);
                        self.load_value(v, dst, span);
                        return;
                    }
                }
                let r = self.operand_typed(inner, expect);
                self.emit(Instr::Neg { dst, a: r }, span);
            }
            ExprKind::Unary(UnOp::Not, inner) => {
                let r = self.operand_typed(inner, expect);
                self.emit(Instr::Not { dst, a: r }, span);
            }
            ExprKind::Unary(UnOp::Deref, inner) => {
                let r = self.forced_operand(inner);
                self.emit(Instr::Deref { dst, src: r }, span);
            }
            ExprKind::Ref { mutable: true, expr } => self.ref_mut(expr, dst),
            ExprKind::Ref { mutable: false, expr } => {
                // `&x` is the value itself (no copy of Copy aggregates: it aliases).
                if let ExprKind::Index(base, idx) = &expr.kind {
                    if matches!(idx.kind, ExprKind::Range { .. }) {
                        let b = self.operand(base);
                        let i = self.operand(idx);
                        let sp = Span { lo: base.span.hi.min(expr.span.hi), hi: expr.span.hi };
                        self.emit(Instr::Index { dst, obj: b, idx: i }, sp);
                        return;
                    }
                }
                let r = if self.lazy_coerced(expr, expect) { self.forced_operand(expr) } else { self.operand_typed(expr, expect.map(|t| t.deref())) };
                if r != dst {
                    self.emit(Instr::Mov { dst, src: r }, span);
                }
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, dst, span, expect),
            ExprKind::Assign(place, value) => {
                self.assign(place, value, span);
                self.load_unit(dst, span);
            }
            ExprKind::AssignOp(op, place, value) => {
                self.assign_op(*op, place, value, span);
                self.load_unit(dst, span);
            }
            ExprKind::Call(callee, args) => self.call(e, callee, args, dst, expect),
            ExprKind::MethodCall { receiver, method, args, .. } if method.name == "parse" && args.is_empty() && self.user_from_str(e).is_some() => {
                if let Some(ty) = self.user_from_str(e) {
                    self.user_from_str_call(e, ty, receiver, dst);
                }
            }
            ExprKind::MethodCall { receiver, method, turbofish, args } => {
                self.method_call(e, receiver, method, turbofish.as_deref(), args, dst, expect)
            }
            ExprKind::Field(..) | ExprKind::TupleField(..) | ExprKind::Index(..) => {
                // A by-value read of a place: Copy aggregates are copied.
                self.access(e, dst);
                self.emit(Instr::Dup { dst, src: dst }, span);
            }
            ExprKind::Range { start, end, inclusive } => {
                let r = self.cx().alloc_n(2);
                let et = self.inferred(e).and_then(|t| match t {
                    Ty::Named(_, a) => a.first().cloned(),
                    _ => None,
                });
                let other = start.as_ref().or(end.as_ref()).and_then(|x| self.inferred(x));
                let et = et.or(other);
                let mut flags = 0u8;
                if let Some(s) = start {
                    self.expr_to(s, r, et.as_ref());
                    flags |= 1;
                }
                if let Some(x) = end {
                    self.expr_to(x, r + 1, et.as_ref());
                    flags |= 2;
                }
                if *inclusive {
                    flags |= 4;
                }
                self.emit(Instr::MakeRange { dst, start: r, flags }, span);
            }
            ExprKind::Tuple(items) => {
                if items.is_empty() {
                    self.load_unit(dst, span);
                    return;
                }
                let tys: Vec<Option<Ty>> = match expect.map(|t| t.deref()) {
                    Some(Ty::Tuple(ts)) => ts.iter().cloned().map(Some).collect(),
                    _ => vec![None; items.len()],
                };
                let start = self.cx().alloc_n(items.len());
                for (i, it) in items.iter().enumerate() {
                    self.expr_to(it, start + i as u16, tys.get(i).and_then(|t| t.as_ref()));
                }
                self.emit(Instr::MakeTuple { dst, start, n: items.len() as u16 }, span);
            }
            ExprKind::Array(items) => {
                let et = expect.and_then(super::lits::elem_ty);
                let start = self.cx().alloc_n(items.len());
                for (i, it) in items.iter().enumerate() {
                    self.expr_to(it, start + i as u16, et.as_ref());
                }
                self.emit(Instr::MakeArray { dst, start, n: items.len() as u16 }, span);
            }
            ExprKind::ArrayRepeat(elem, count) => {
                let et = expect.and_then(super::lits::elem_ty);
                let r = self.cx().alloc_n(2);
                self.expr_to(elem, r, et.as_ref());
                self.expr_to(count, r + 1, Some(&Ty::Int(IntTy::Usize)));
                self.emit(Instr::MakeRepeat { dst, elem: r, count: r + 1, vec: false }, span);
            }
            ExprKind::Struct { path, fields, base } => self.struct_lit(path, fields, base.as_deref(), dst, span),
            ExprKind::Block(b) => self.block_to(b, dst, expect),
            ExprKind::Async { is_move, body } => self.async_block(*is_move, body, dst, span),
            ExprKind::Await(x) => self.await_to(x, dst, expect, span, e.id),
            ExprKind::If { cond, then, else_ } => {
                self.cx().push_scope();
                let mut temps = self.begin_arm_temps();
                let fails = self.cond(cond);
                self.pattern_done(&mut temps);
                self.body_to(then, dst, expect);
                let locals = self.cx().pop_scope();
                self.emit_drops(&locals, span);
                self.end_arm_temps(temps, span);
                match else_ {
                    Some(el) => {
                        let j = self.emit(Instr::Jump { target: 0 }, span);
                        let here = self.cx().here();
                        for f in fails {
                            self.cx().patch(f, here);
                        }
                        match &el.kind {
                            ExprKind::Block(b) => self.body_to(b, dst, expect),
                            _ => self.expr_to(el, dst, expect),
                        }
                        let end = self.cx().here();
                        self.cx().patch(j, end);
                    }
                    None => {
                        let j = self.emit(Instr::Jump { target: 0 }, span);
                        let here = self.cx().here();
                        for f in fails {
                            self.cx().patch(f, here);
                        }
                        self.load_unit(dst, span);
                        let end = self.cx().here();
                        self.cx().patch(j, end);
                    }
                }
            }
            ExprKind::Let(..) => {
                // A `let` outside `if`/`while`: evaluate as a boolean test.
                let fails = self.cond(e);
                self.emit(Instr::LoadBool { dst, v: true }, span);
                let j = self.emit(Instr::Jump { target: 0 }, span);
                let here = self.cx().here();
                for f in fails {
                    self.cx().patch(f, here);
                }
                self.emit(Instr::LoadBool { dst, v: false }, span);
                let end = self.cx().here();
                self.cx().patch(j, end);
            }
            ExprKind::While { label, cond, body } => self.while_loop(label.as_ref(), cond, body, dst, span),
            ExprKind::Loop { label, body } => self.loop_loop(label.as_ref(), body, dst, span),
            ExprKind::For { label, pat, iter, body } => self.for_loop(label.as_ref(), pat, iter, body, dst, span),
            ExprKind::LabeledBlock { label, body } => {
                let depth = self.cx().scopes.len();
                self.cx().loops.push(super::scope::LoopCx {
                    label: Some(label.name.clone()),
                    breaks: vec![],
                    continue_to: None,
                    continues: vec![],
                    result: dst,
                    scope_depth: depth,
                    is_block: true,
                    body_from: Reg::MAX,
                });
                self.mark_loop_body();
                self.block_to(body, dst, expect);
                let lp = self.cx().loops.pop();
                let here = self.cx().here();
                for b in lp.map(|l| l.breaks).unwrap_or_default() {
                    self.cx().patch(b, here);
                }
            }
            ExprKind::Match { scrutinee, arms } => self.match_expr(scrutinee, arms, dst, span, expect),
            ExprKind::Closure { is_move, params, ret, body } => self.closure(*is_move, params, ret.as_ref(), body, dst, span),
            ExprKind::Break { label, value } => self.break_expr(label.as_ref(), value.as_deref(), span),
            ExprKind::Continue { label } => self.continue_expr(label.as_ref(), span),
            ExprKind::Return(v) => {
                let r = self.cx().alloc();
                let ret_ty = self.cx().ret_ty.clone().map(|t| super::lits::ast_to_ty(&t, self.self_ty.as_deref()));
                match v {
                    Some(v) => self.expr_to(v, r, ret_ty.as_ref()),
                    None => {
                        self.emit(Instr::LoadUnit { dst: r }, span);
                    }
                }
                self.emit_drops_from(0, span);
                self.emit(Instr::Ret { src: r }, span);
            }
            ExprKind::Try(inner) => self.try_expr(inner, dst, span),
            ExprKind::Cast(inner, ty) => {
                let to = cast_target(ty);
                let hint = match to {
                    CastTo::Int(_) | CastTo::Float(_) => None,
                    _ => None,
                };
                let r = self.operand_typed(inner, hint);
                self.emit(Instr::Cast { dst, src: r, to }, span);
            }
            ExprKind::Macro(m) => self.macro_call(m, dst, span, expect),
            ExprKind::Error => {
                self.load_unit(dst, span);
            }
        }
    }

    /// An operand whose literal gets the expected type.
    pub(crate) fn operand_typed(&mut self, e: &Expr, expect: Option<&Ty>) -> Reg {
        if matches!(e.kind, ExprKind::Lit(_)) && expect.is_some() {
            let t = self.cx().alloc();
            self.expr_to(e, t, expect);
            return t;
        }
        self.operand(e)
    }

    /// `R[dst] = ()`, unless `dst` is the current statement's discarded result.
    pub(crate) fn load_unit(&mut self, dst: Reg, span: Span) {
        if self.sink != Some(dst) {
            self.emit(Instr::LoadUnit { dst }, span);
        }
    }

    /// A numeric literal operand as a constant-table index, typed as `operand_typed` would
    /// type it (`BinK`/`KBin`); `None` for anything else.
    fn const_operand(&mut self, e: &Expr, expect: Option<&Ty>) -> Option<u16> {
        let ExprKind::Lit(l) = &e.kind else { return None };
        if !matches!(l.kind, ast::LitKind::Int(..) | ast::LitKind::Float(..)) {
            return None;
        }
        let v = self.lit_value(l, Some(e), expect, false);
        if !matches!(v, Value::Int(..) | Value::Float(..)) {
            return None;
        }
        let k = self.cx().add_const(v);
        Some(k)
    }

    pub(crate) fn load_value(&mut self, v: Value, dst: Reg, span: Span) {
        match v {
            Value::Int(n, ty) if i32::try_from(n).is_ok() => {
                self.emit(Instr::LoadInt { dst, ty, v: n as i32 }, span);
            }
            Value::Bool(b) => {
                self.emit(Instr::LoadBool { dst, v: b }, span);
            }
            Value::Unit => {
                self.load_unit(dst, span);
            }
            v => {
                let k = self.cx().add_const(v);
                self.emit(Instr::LoadConst { dst, k }, span);
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, dst: Reg, span: Span, expect: Option<&Ty>) {
        match op {
            BinOp::And | BinOp::Or => {
                self.expr_to(l, dst, Some(&Ty::Bool));
                let j = if op == BinOp::And {
                    self.emit(Instr::JumpIfNot { cond: dst, target: 0 }, span)
                } else {
                    self.emit(Instr::JumpIf { cond: dst, target: 0 }, span)
                };
                self.expr_to(r, dst, Some(&Ty::Bool));
                let end = self.cx().here();
                self.cx().patch(j, end);
            }
            _ if self.user_ord_binary(op, l, r, dst, span) => {}
            _ => {
                let Some(k) = bin_kind(op) else { return };
                let lt = self.inferred(l).or_else(|| self.inferred(r)).or_else(|| if k.is_cmp() { None } else { expect.cloned() });
                let rt = if matches!(k, BinKind::Shl | BinKind::Shr) { None } else { lt.clone() };
                if small_int(r).is_none() {
                    // A numeric literal on the left: `KBin` reads it from the constant table.
                    if let Some(kc) = self.const_operand(l, lt.as_ref()) {
                        let b = self.operand_typed(r, rt.as_ref());
                        self.emit(Instr::KBin { op: k, dst, b, k: kc }, span);
                        return;
                    }
                }
                let a = self.operand_typed(l, lt.as_ref());
                if let Some(imm) = small_int(r) {
                    if !matches!(lt.as_ref().map(|t| t.deref()), Some(Ty::Float(_))) {
                        self.emit(Instr::BinI { op: k, dst, a, imm }, span);
                        return;
                    }
                }
                if let Some(kc) = self.const_operand(r, rt.as_ref()) {
                    self.emit(Instr::BinK { op: k, dst, a, k: kc }, span);
                    return;
                }
                let b = self.operand_typed(r, rt.as_ref());
                self.emit(Instr::Bin { op: k, dst, a, b }, span);
            }
        }
    }

    /// Compile a condition; returns the jumps to patch to the false branch. `let` patterns
    /// bind in the current scope.
    pub(crate) fn cond(&mut self, c: &Expr) -> Vec<usize> {
        if let Some(fails) = self.cond_with_temps(c) {
            return fails;
        }
        match &c.kind {
            ExprKind::Paren(inner) => self.cond(inner),
            ExprKind::Binary(BinOp::And, a, b) => {
                let mut f = self.cond(a);
                f.extend(self.cond(b));
                f
            }
            ExprKind::Let(pat, e) => {
                let by_mut = self.is_mut_ref_expr(e);
                let s = self.operand(e);
                self.hold_scrutinee(e, s, None);
                let mark = self.scope_mark();
                let fails = self.pattern_test(pat, s, by_mut);
                self.bind_moves(e, pat, mark);
                fails
            }
            ExprKind::Binary(op, l, r)
                if matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne) && !self.user_ord_cond(*op, l) =>
            {
                let Some(k) = bin_kind(*op) else { return vec![] };
                let lt = self.inferred(l).or_else(|| self.inferred(r));
                let a = self.operand_typed(l, lt.as_ref());
                if let Some(imm) = small_int(r) {
                    if !matches!(lt.as_ref().map(|t| t.deref()), Some(Ty::Float(_))) {
                        return vec![self.emit(Instr::JumpIfNotI { op: k, a, imm, target: 0 }, c.span)];
                    }
                }
                let b = self.operand_typed(r, lt.as_ref());
                vec![self.emit(Instr::JumpIfNot2 { op: k, a, b, target: 0 }, c.span)]
            }
            _ => {
                let r = self.operand_typed(c, Some(&Ty::Bool));
                vec![self.emit(Instr::JumpIfNot { cond: r, target: 0 }, c.span)]
            }
        }
    }

    /// Is `e` syntactically a `&mut` reference (so pattern bindings are places)?
    pub(crate) fn is_mut_ref_expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ref { mutable: true, .. } => true,
            ExprKind::Path(p) => {
                p.as_ident()
                    .and_then(|n| self.cx().lookup(n).cloned())
                    .is_some_and(|l| matches!(l.ty, Some(Ty::Ref { mutable: true, .. })))
                    // A loop variable or closure parameter typed `&mut T` by inference
                    // (`for o in v.iter_mut() { if let Some(x) = o { *x += 1 } }`).
                    || matches!(self.inferred(e), Some(Ty::Ref { mutable: true, .. }))
            }
            ExprKind::MethodCall { method, .. } => matches!(method.name.as_str(), "iter_mut" | "get_mut" | "as_mut" | "last_mut" | "first_mut" | "values_mut" | "peek_mut"),
            _ => false,
        }
    }

    fn struct_lit(&mut self, path: &ast::Path, fields: &[ast::FieldInit], base: Option<&Expr>, dst: Reg, span: Span) {
        let Some((adt, variant)) = self.resolve_ctor(path) else {
            let name = path.segments.iter().map(|s| s.ident.name.as_str()).collect::<Vec<_>>().join("::");
            self.error(
                crate::diag::Diagnostic::error(format!("cannot find struct, variant or union type `{name}` in this scope"), path.span, "not found in this scope")
                    .with_code("E0422"),
            );
            self.load_unit(dst, span);
            return;
        };
        let def = self.prog.adts[adt as usize].clone();
        let Some(var) = def.variants.get(variant as usize) else { return };
        let names = var.fields.clone();
        let decl_tys: Vec<Option<ast::Type>> =
            self.adt_fields.get(&adt).map(|f| f.iter().map(|(_, t)| t.clone()).collect()).unwrap_or_default();
        for f in fields {
            if !names.contains(&f.name.name) {
                self.error(
                    crate::diag::Diagnostic::error(format!("struct `{}` has no field named `{}`", def.name, f.name.name), f.name.span, "unknown field")
                        .with_code("E0560"),
                );
            }
        }
        let base_reg = base.map(|b| self.operand(b));
        let start = self.cx().alloc_n(names.len());
        for (i, n) in names.iter().enumerate() {
            let r = start + i as u16;
            let ety = decl_tys.get(i).and_then(|t| t.as_ref()).map(|t| super::lits::ast_to_ty(t, Some(&def.name)));
            match fields.iter().find(|f| &f.name.name == n) {
                Some(f) => self.expr_to(&f.expr, r, ety.as_ref()),
                None => match base_reg {
                    Some(b) => {
                        let site = self.cx().field_site(n);
                        self.emit(Instr::GetField { dst: r, obj: b, name: site }, span);
                        // `..base` reads the field by value: a Copy aggregate is copied.
                        self.emit(Instr::Dup { dst: r, src: r }, span);
                    }
                    None => {
                        self.error(
                            crate::diag::Diagnostic::error(format!("missing field `{n}` in initializer of `{}`", def.name), path.span, format!("missing `{n}`"))
                                .with_code("E0063"),
                        );
                    }
                },
            }
        }
        let ctor = self.add_ctor(adt, variant, names.len() as u32);
        self.emit(Instr::MakeAdt { dst, start, ctor }, span);
    }

    pub(crate) fn add_ctor(&mut self, adt: u32, variant: u32, nfields: u32) -> u16 {
        if let Some(i) = self.cx().proto.ctors.iter().position(|c| c.adt == adt && c.variant == variant) {
            return i as u16;
        }
        let def = self.prog.adts.get(adt as usize).map(crate::value::DefRef::pin);
        let ctors = &mut self.cx().proto.ctors;
        ctors.push(Ctor { adt, variant, nfields, def });
        (ctors.len() - 1) as u16
    }
}

fn cast_target(t: &ast::Type) -> CastTo {
    if let ast::TypeKind::Path(p) = &t.kind {
        let n = p.last().ident.name.as_str();
        if let Some(i) = IntTy::from_name(n) {
            return CastTo::Int(i);
        }
        return match n {
            "f64" => CastTo::Float(crate::value::FloatTy::F64),
            "f32" => CastTo::Float(crate::value::FloatTy::F32),
            "char" => CastTo::Char,
            "bool" => CastTo::Bool,
            _ => CastTo::Same,
        };
    }
    CastTo::Same
}
