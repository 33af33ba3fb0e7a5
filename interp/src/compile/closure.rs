//! Closures and the analyses they need.
//!
//! A closure is compiled as its own function: parameters in registers `0..arity`, captured
//! values in `arity..arity+ncaptures`. Captures are found before compiling the body (the
//! free names of the body that are locals of the enclosing function). A captured local that
//! the closure assigns is shared through a box (`Ref(Place::Local)`): the enclosing
//! function's local is boxed when declared (names assigned inside a closure, or of which
//! `&mut` is taken, are boxed: `collect_boxed_*`); a `move` closure that assigns its capture
//! gets a fresh box of its own (its state persists across calls), holding a copy of the
//! enclosing value even when the enclosing local is itself boxed: the enclosing local never
//! sees the closure's assignments, as in Rust.

use super::scope::{FnCx, Local};
use super::Compiler;
use crate::ast::{self, Expr, ExprKind, MacroArgs, Span, StmtKind};
use crate::vm::bytecode::{FuncProto, Instr, Reg};
use rustc_hash::FxHashSet;

/// Visit every expression under `e` (closure bodies too), with whether it is inside a
/// closure.
pub(crate) fn walk_expr(e: &Expr, in_closure: bool, f: &mut dyn FnMut(&Expr, bool)) {
    f(e, in_closure);
    let mut w = |x: &Expr| walk_expr(x, in_closure, f);
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Path(_) | ExprKind::Continue { .. } | ExprKind::Error => {}
        ExprKind::Unary(_, a) | ExprKind::Paren(a) | ExprKind::Await(a) | ExprKind::Try(a) | ExprKind::Cast(a, _) => w(a),
        ExprKind::Ref { expr, .. } => w(expr),
        ExprKind::Field(a, _) | ExprKind::TupleField(a, _, _) => w(a),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) | ExprKind::AssignOp(_, a, b) | ExprKind::Index(a, b) | ExprKind::ArrayRepeat(a, b) => {
            w(a);
            w(b);
        }
        ExprKind::Call(c, args) => {
            w(c);
            for a in args {
                w(a);
            }
        }
        ExprKind::MethodCall { receiver, args, .. } => {
            w(receiver);
            for a in args {
                w(a);
            }
        }
        ExprKind::Range { start, end, .. } => {
            if let Some(s) = start {
                w(s);
            }
            if let Some(x) = end {
                w(x);
            }
        }
        ExprKind::Tuple(xs) | ExprKind::Array(xs) => {
            for x in xs {
                w(x);
            }
        }
        ExprKind::Struct { fields, base, .. } => {
            for fi in fields {
                w(&fi.expr);
            }
            if let Some(b) = base {
                w(b);
            }
        }
        ExprKind::Block(b) | ExprKind::Loop { body: b, .. } | ExprKind::LabeledBlock { body: b, .. } => walk_block(b, in_closure, f),
        // An async block is compiled as a closure (compile/async_fn.rs).
        ExprKind::Async { body: b, .. } => walk_block(b, true, f),
        ExprKind::If { cond, then, else_ } => {
            walk_expr(cond, in_closure, f);
            walk_block(then, in_closure, f);
            if let Some(e) = else_ {
                walk_expr(e, in_closure, f);
            }
        }
        ExprKind::Let(_, x) => w(x),
        ExprKind::While { cond, body, .. } => {
            walk_expr(cond, in_closure, f);
            walk_block(body, in_closure, f);
        }
        ExprKind::For { iter, body, .. } => {
            walk_expr(iter, in_closure, f);
            walk_block(body, in_closure, f);
        }
        ExprKind::Match { scrutinee, arms } => {
            walk_expr(scrutinee, in_closure, f);
            for a in arms {
                if let Some(g) = &a.guard {
                    walk_expr(g, in_closure, f);
                }
                walk_expr(&a.body, in_closure, f);
            }
        }
        ExprKind::Closure { body, .. } => walk_expr(body, true, f),
        ExprKind::Break { value, .. } | ExprKind::Return(value) => {
            if let Some(v) = value {
                w(v);
            }
        }
        ExprKind::Macro(m) => match &m.args {
            MacroArgs::Format { target, leading, args, .. } => {
                if let Some(t) = target {
                    walk_expr(t, in_closure, f);
                }
                for l in leading {
                    walk_expr(l, in_closure, f);
                }
                for a in args {
                    walk_expr(&a.expr, in_closure, f);
                }
            }
            MacroArgs::Exprs(xs) => {
                for x in xs {
                    walk_expr(x, in_closure, f);
                }
            }
            MacroArgs::Repeat(a, b) => {
                walk_expr(a, in_closure, f);
                walk_expr(b, in_closure, f);
            }
            MacroArgs::Matches { expr, guard, .. } => {
                walk_expr(expr, in_closure, f);
                if let Some(g) = guard {
                    walk_expr(g, in_closure, f);
                }
            }
            MacroArgs::Select(arms) => walk_expr(&super::select::desugar(arms, m.span), in_closure, f),
        },
    }
}

pub(crate) fn walk_block(b: &ast::Block, in_closure: bool, f: &mut dyn FnMut(&Expr, bool)) {
    for s in &b.stmts {
        walk_stmt(s, in_closure, f);
    }
}

pub(crate) fn walk_stmt(s: &ast::Stmt, in_closure: bool, f: &mut dyn FnMut(&Expr, bool)) {
    match &s.kind {
        StmtKind::Let { init, else_, .. } => {
            if let Some(i) = init {
                walk_expr(i, in_closure, f);
            }
            if let Some(e) = else_ {
                walk_block(e, in_closure, f);
            }
        }
        StmtKind::Expr(e, _) => walk_expr(e, in_closure, f),
        StmtKind::Item(_) | StmtKind::Empty => {}
    }
}

/// The local name at the root of a place expression (`x` in `x`, `x.f`, `x[i]`).
fn place_root(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Path(p) => p.as_ident(),
        ExprKind::Paren(x) => place_root(x),
        _ => None,
    }
}

/// Names to box: those of which `&mut` is taken, and those a closure assigns (or borrows
/// mutably) that are free in it, i.e. the enclosing local and not a local of the closure's
/// own (`move || { let mut n = 0; let mut inc = || n += 1; .. }` boxes `n` in the closure,
/// not an outer `n`). Nested closures are judged by their outermost closure here (their
/// free names are its free names); an `async` block's assignments all count.
fn boxed_visitor(out: &mut FxHashSet<String>) -> impl FnMut(&Expr, bool) + '_ {
    move |e: &Expr, in_closure: bool| match &e.kind {
        ExprKind::Ref { mutable: true, expr } => {
            if let Some(n) = place_root(expr) {
                out.insert(n.to_string());
            }
        }
        // A `move` closure assigns its own copy (`closure` gives it a box of its own), so
        // its assignments do not box the enclosing local.
        ExprKind::Closure { is_move: false, params, body, .. } if !in_closure => {
            let free = super::free_names::closure_free_names(params, body);
            for n in assigned_names(body) {
                if free.contains(&n) {
                    out.insert(n);
                }
            }
        }
        ExprKind::Async { is_move: false, body } if !in_closure => {
            walk_block(body, true, &mut |x, _| {
                if let ExprKind::Assign(p, _) | ExprKind::AssignOp(_, p, _) = &x.kind {
                    if let Some(n) = place_root(p) {
                        out.insert(n.to_string());
                    }
                }
            });
        }
        _ => {}
    }
}

/// Names in a function body that must be boxed.
pub(crate) fn collect_boxed_block(b: &ast::Block, out: &mut FxHashSet<String>) {
    let mut v = boxed_visitor(out);
    walk_block(b, false, &mut v);
}

pub(crate) fn collect_boxed_stmt(s: &ast::Stmt, out: &mut FxHashSet<String>) {
    let mut v = boxed_visitor(out);
    walk_stmt(s, false, &mut v);
}

fn collect_boxed_expr(e: &Expr, out: &mut FxHashSet<String>) {
    let mut v = boxed_visitor(out);
    walk_expr(e, false, &mut v);
}

/// Is a parameter of type `ty` bound by `FnOnce` (its call consumes it)? `impl FnOnce(..)`,
/// `Box<dyn FnOnce(..)>`, or a generic parameter with an `FnOnce` bound in `generics` (inline
/// or in the `where` clause).
pub(crate) fn fn_once_type(ty: &ast::Type, generics: &ast::Generics) -> bool {
    let once = |bounds: &[ast::Bound]| bounds.iter().any(|b| !b.lifetime && b.path.last().ident.name == "FnOnce");
    match &ty.kind {
        ast::TypeKind::ImplTrait(bounds) => once(bounds),
        ast::TypeKind::Path(p) if p.segments.len() == 1 => {
            let seg = &p.segments[0];
            match &seg.generics {
                Some(args) if seg.ident.name == "Box" => matches!(args.first().map(|t| &t.kind), Some(ast::TypeKind::DynTrait(b)) if once(b)),
                Some(_) => false,
                None => {
                    let name = seg.ident.name.as_str();
                    generics.params.iter().any(|g| g.name.name == name && once(&g.bounds))
                        || generics.where_clause.iter().any(|w| {
                            matches!(&w.ty.kind, ast::TypeKind::Path(q) if q.as_ident() == Some(name)) && once(&w.bounds)
                        })
                }
            }
        }
        _ => false,
    }
}

/// Names assigned (or `&mut`-borrowed) inside a closure body.
fn assigned_names(body: &Expr) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    walk_expr(body, false, &mut |e, _| match &e.kind {
        ExprKind::Assign(p, _) | ExprKind::AssignOp(_, p, _) | ExprKind::Ref { mutable: true, expr: p } => {
            if let Some(n) = place_root(p) {
                out.insert(n.to_string());
            }
        }
        _ => {}
    });
    out
}

impl Compiler {
    pub(crate) fn closure(
        &mut self,
        is_move: bool,
        params: &[ast::ClosureParam],
        ret: Option<&ast::Type>,
        body: &Expr,
        dst: Reg,
        span: Span,
    ) {
        let names = super::free_names::closure_free_names(params, body);
        let caps: Vec<Local> = names.iter().filter_map(|n| self.cx().lookup(n).cloned()).collect();
        let assigned = assigned_names(body);
        // Does the body call a `&mut self` method (on a capture, maybe)? Then a capture
        // holding an inline enum `Tag` is made an object before it is shared (`mut_self.rs`).
        let mut calls_mut_self = false;
        if !is_move {
            walk_expr(body, true, &mut |e, _| {
                if let ExprKind::MethodCall { method, .. } = &e.kind {
                    calls_mut_self |= self.mut_self_names.contains(&method.name);
                }
            });
        }
        // A body naming a type parameter of the function it is written in (`|_| T::default()`,
        // `T::ZERO`) takes the function's type arguments along: one more capture, the maker's
        // frame hint (`Instr::LoadHint`), which the closure makes its own frame's hint
        // (`Instr::SetHint`) before anything else, so that `Instr::ParamCall` finds them.
        let outer_generics = self.cx().generics.clone();
        let mut names_param = false;
        if !outer_generics.is_empty() {
            walk_expr(body, true, &mut |e, _| {
                if let ExprKind::Path(p) = &e.kind {
                    names_param |= p.segments.len() >= 2 && outer_generics.contains(&p.segments[0].ident.name);
                }
            });
        }
        let outer_name = self.cx().proto.name.clone();
        let fname = format!("{outer_name}::{{closure}}");
        let f = self.new_func(fname.clone());
        let mut cx = FnCx::new(FuncProto::new(fname, self.source.clone()));
        cx.is_closure = true;
        cx.generics = outer_generics;
        cx.ret_ty = ret.cloned();
        collect_boxed_expr(body, &mut cx.boxed_names);
        self.collect_mut_self_receivers_expr(body, &mut cx.boxed_names);
        // Which captures the enclosing function owns (an owned local, or an owned capture of
        // an enclosing closure): a `move` closure takes them over.
        let enclosing_owns: Vec<bool> = caps.iter().map(|c| c.owned || self.cx().owns_capture(c)).collect();
        let walk = self.prog.needs_drop_walk;
        self.fns.push(cx);
        let param_regs: Vec<Reg> = params.iter().map(|_| self.cx().alloc()).collect();
        let mut cap_boxed = Vec::new();
        for (i, c) in caps.iter().enumerate() {
            let r = self.cx().alloc();
            // A `move` closure owns its capture: boxed (in a box of its own) if it assigns
            // it; a non-`move` closure shares the enclosing local's box, if it has one.
            let boxed = if is_move { assigned.contains(&c.name) } else { c.boxed };
            cap_boxed.push(boxed);
            if is_move && !boxed && !c.boxed && enclosing_owns[i] && i < 64 && walk {
                // Moved in from its owner: the closure owns it (`FuncProto::owned_captures`).
                self.cx().proto.owned_captures |= 1 << i;
                self.cx().owned_caps.push((r, c.name.clone(), i as u8));
            }
            self.cx().declare(Local { name: c.name.clone(), reg: r, boxed, owned: false, ty: c.ty.clone() });
        }
        if names_param {
            let r = self.cx().alloc();
            self.emit(Instr::SetHint { src: r }, span);
        }
        let ncaps = caps.len() + usize::from(names_param);
        for (p, r) in params.iter().zip(param_regs) {
            match &p.pat.kind {
                ast::PatKind::Ident { name, sub: None, .. } => {
                    let ty = p.ty.as_ref().map(|t| super::lits::ast_to_ty(t, self.self_ty.as_deref()));
                    let owned = self.closure_param_owned(&name.name, ty.as_ref(), body);
                    self.declare_local(&name.name, r, owned, ty, p.pat.span);
                }
                _ => self.bind_irrefutable(&p.pat, r, p.pat.span),
            }
        }
        let out = self.cx().alloc();
        let ret_ty = ret.map(|t| super::lits::ast_to_ty(t, self.self_ty.as_deref()));
        self.tail_expr_to(body, out, ret_ty.as_ref());
        // Parameters taken by value die with the call.
        self.emit_scope_drops_all(span);
        self.emit(Instr::Ret { src: out }, span);
        if let Some(mut cx) = self.fns.pop() {
            cx.proto.arity = params.len() as u32;
            cx.proto.ncaptures = ncaps as u32;
            cx.proto.num_regs = cx.max_reg as u32 + 1;
            cx.proto.err_type = None;
            super::finish_proto(&mut cx.proto, !self.prog.needs_drop_walk && !self.in_prelude);
            if let Some(slot) = self.prog.funcs.get_mut(f as usize) {
                *slot = std::sync::Arc::new(cx.proto);
            }
        }
        self.fn_arity.insert(f, params.len());
        let start = self.cx().alloc_n(ncaps);
        if names_param {
            self.emit(Instr::LoadHint { dst: start + caps.len() as Reg }, span);
        }
        for (i, c) in caps.iter().enumerate() {
            let r = start + i as Reg;
            if !is_move {
                // A non-`move` closure borrows what it captures: a boxed local is shared
                // through its box, and a Copy aggregate is aliased, not copied (`total.x += n`
                // inside the closure changes `total`).
                if calls_mut_self && !c.boxed {
                    self.emit(Instr::PromoteTag { a: c.reg, b: 0, mode: 0 }, span);
                }
                self.emit(Instr::Mov { dst: r, src: c.reg }, span);
            } else {
                if c.boxed {
                    // The value in the enclosing local's box (copied if Copy): the closure's
                    // assignments change its own copy, not the enclosing local.
                    self.emit(Instr::Deref { dst: r, src: c.reg }, span);
                } else if enclosing_owns[i] && walk {
                    // Moved into the closure, which drops it (its old owner no longer does;
                    // an enclosing closure that owned it is consumed by the move).
                    self.cx().note_capture_move(c);
                    self.emit(Instr::Take { dst: r, src: c.reg }, span);
                } else {
                    self.emit(Instr::Dup { dst: r, src: c.reg }, span);
                }
                if cap_boxed[i] {
                    self.emit(Instr::BoxLocal { reg: r }, span);
                }
            }
        }
        self.emit(Instr::MakeClosure { dst, start, func: f as u16, n: ncaps as u8 }, span);
        // The closure now holds the only handle of its own boxes (`vm::values::
        // is_own_copy_state` counts on it to copy a Copy closure with its state).
        for (i, own) in cap_boxed.iter().enumerate() {
            if is_move && *own {
                self.emit(Instr::LoadUnit { dst: start + i as Reg }, span);
            }
        }
    }
}
