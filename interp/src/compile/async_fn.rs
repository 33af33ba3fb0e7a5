//! `async` and `.await`, compiled by desugaring into prelude calls.
//!
//! A TERAS task is a fiber, so a future needs no state machine: `async { body }` (and the
//! body of an `async fn`) becomes `__async(move || body)`, a future object holding the
//! closure, run only when awaited or spawned (see builtins/async_task.rs). `return` and `?`
//! inside the body leave the closure, as they leave the async block in Rust. `x.await`
//! becomes `__await(x)` (prelude/async_rt.rs): it runs a TERAS future's closure in the
//! current fiber, polls a native future through the blocking protocol, or drives a user type
//! implementing the prelude's `Future` trait with a waker of the current task.

use super::Compiler;
use crate::ast::{self, Expr, ExprKind, NodeId, Path, PathSegment, Span};
use crate::types::Ty;
use crate::vm::bytecode::Reg;

/// Ids of synthesized nodes: outside what the parser hands out, away from select!'s range.
fn fresh_id(span: Span, k: u32) -> NodeId {
    0xA000_0000 | ((span.lo & 0x3_FFFF) << 10) | (k & 0x3FF)
}

fn path(name: &str, span: Span, id: NodeId) -> Expr {
    let p = Path { segments: vec![PathSegment { ident: ast::Ident { name: name.to_string(), span }, generics: None }], global: false, span, qself: None };
    Expr { kind: ExprKind::Path(p), span, id }
}

/// `__async(move || body)` (`is_move` as written; an `async fn` body always moves).
pub(crate) fn async_expr(is_move: bool, body: &ast::Block, ret: Option<&ast::Type>, span: Span) -> Expr {
    let block = Expr { kind: ExprKind::Block(body.clone()), span: body.span, id: fresh_id(span, 1) };
    let clo = Expr { kind: ExprKind::Closure { is_move, params: Vec::new(), ret: ret.cloned(), body: Box::new(block) }, span, id: fresh_id(span, 2) };
    Expr { kind: ExprKind::Call(Box::new(path("__async", span, fresh_id(span, 3))), vec![clo]), span, id: fresh_id(span, 4) }
}

/// `__await(x)`.
pub(crate) fn await_expr(x: &Expr, span: Span) -> Expr {
    Expr { kind: ExprKind::Call(Box::new(path("__await", span, fresh_id(span, 5))), vec![x.clone()]), span, id: fresh_id(span, 6) }
}

impl Compiler {
    /// `async { .. }` / `async move { .. }` into `dst`.
    pub(crate) fn async_block(&mut self, is_move: bool, body: &ast::Block, dst: Reg, span: Span) {
        let e = async_expr(is_move, body, None, span);
        self.expr_to(&e, dst, None);
    }

    /// `x.await` into `dst`.
    pub(crate) fn await_to(&mut self, x: &Expr, dst: Reg, expect: Option<&Ty>, span: Span) {
        let e = await_expr(x, span);
        self.expr_to(&e, dst, expect);
    }
}

/// How a method takes `self`, looking through an explicit type: `self: &Self` /
/// `self: &mut Self` borrow, and so does `self: Pin<&mut Self>` (a poll is called many times
/// on the same future: it must not drop `self` at its end); `self: Box<Self>` owns.
pub(crate) fn self_kind(sp: &ast::SelfParam) -> ast::SelfKind {
    let Some(t) = &sp.ty else { return sp.kind };
    let t = match &t.kind {
        ast::TypeKind::Path(p) if p.segments.last().is_some_and(|s| s.ident.name == "Pin") => {
            match p.segments.last().and_then(|s| s.generics.as_ref()).and_then(|g| g.first()) {
                Some(inner) => inner,
                None => return sp.kind,
            }
        }
        _ => t,
    };
    match &t.kind {
        ast::TypeKind::Ref { mutable: true, .. } => ast::SelfKind::RefMut,
        ast::TypeKind::Ref { .. } => ast::SelfKind::Ref,
        _ => sp.kind,
    }
}

/// `join!(a, b, ..)` as `__join_tuple([a, b, ..])`, `try_join!` as `__try_join_tuple(..)`
/// (prelude/async_rt.rs: each future a task, the outputs a tuple in argument order).
pub(crate) fn join_expr(is_try: bool, futs: &[Expr], span: Span) -> Expr {
    let f = if is_try { "__try_join_tuple" } else { "__join_tuple" };
    let arr = Expr { kind: ExprKind::Array(futs.to_vec()), span, id: fresh_id(span, 7) };
    Expr { kind: ExprKind::Call(Box::new(path(f, span, fresh_id(span, 8))), vec![arr]), span, id: fresh_id(span, 9) }
}
