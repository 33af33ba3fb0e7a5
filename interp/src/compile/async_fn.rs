//! `async` and `.await`, compiled by desugaring into prelude calls.
//!
//! A TERAS task is a fiber, so a future needs no state machine: `async { body }` (and the
//! body of an `async fn`) becomes `__async(move || body)`, a future object holding the
//! closure, run only when awaited or spawned (see builtins/async_task.rs). `return` and `?`
//! inside the body leave the closure, as they leave the async block in Rust. `x.await`
//! does in place what the prelude's `__await(x)` does (prelude/async_rt.rs), by the
//! future's kind: it polls a native future through the blocking protocol, runs a TERAS
//! future's closure in the current fiber, joins a `JoinHandle`, and hands anything else (a
//! user type implementing the prelude's `Future` trait, driven with a waker of the current
//! task) to `__await`.

use super::Compiler;
use crate::ast::{self, Expr, ExprKind, NodeId, Path, PathSegment, Span};
use crate::types::Ty;
use crate::vm::bytecode::{BinKind, Instr, Reg, SiteKind};

/// Ids of synthesized nodes: outside what the parser hands out, away from select!'s range.
fn fresh_id(span: Span, k: u32) -> NodeId {
    0xA000_0000 | ((span.lo & 0x3_FFFF) << 10) | (k & 0x3FF)
}

fn path_of(name: &str, span: Span) -> Path {
    Path { segments: vec![PathSegment { ident: ast::Ident { name: name.to_string(), span }, generics: None }], global: false, span, qself: None }
}

fn path(name: &str, span: Span, id: NodeId) -> Expr {
    Expr { kind: ExprKind::Path(path_of(name, span)), span, id }
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

    /// `x.await` into `dst`: what the prelude's `__await(x)` does, in place (no `__await`
    /// frame: one frame less per await):
    ///
    /// ```text
    /// t = x; k = __await_step(&t, out)              // one native call for the common cases:
    /// if k == 1 { dst = out }                       // a native future polled to its output
    ///                                               // (blocking), or a JoinHandle whose task
    ///                                               // returned (`Ok(v)`)
    /// else if k == 0 { dst = (__async_take(&t))() } // a TERAS future: its body, here (the
    ///                                               // closure then dropped at once)
    /// else if k == 3 { dst = t.__join() }           // a JoinHandle whose task panicked or
    ///                                               // was cancelled (its `JoinError`)
    /// else { dst = __await(t) }                     // a user Future (polled in a loop)
    /// ```
    ///
    /// `__await_step` (builtins/async_task.rs) writes the output in its second argument
    /// register (`out`, the call window's second register, left alone by a native call) and
    /// returns the kind. Without the prelude's `__await` (a program compiled before the
    /// prelude) the expression is the call `__await(x)` itself.
    pub(crate) fn await_to(&mut self, x: &Expr, dst: Reg, expect: Option<&Ty>, span: Span, id: NodeId) {
        let await_fn = match self.resolve_item(&path_of("__await", span)) {
            Some(super::items::Item::Fn(f)) => Some(f),
            _ => None,
        };
        if let (Some(now), Some(_)) = (awaited_now(x, self.in_prelude, id), await_fn) {
            self.expr_to(&now, dst, expect);
            return;
        }
        let f = crate::builtins::function;
        let (Some(await_fn), Some(step), Some(take)) = (await_fn, f("__await_step"), f("__async_take")) else {
            let e = await_expr(x, span);
            self.expr_to(&e, dst, expect);
            return;
        };
        // The result-type hint `__await(x)` had: only prelude calls carry one (`call`); the
        // natives `__await` calls take their frame's hint.
        let hint = match expect {
            Some(t) if self.in_prelude => self.prog.add_hint(t.clone()),
            _ => 0,
        };
        let t = self.cx().alloc();
        self.expr_to(x, t, None);
        self.await_stepped(t, step, take, await_fn, dst, hint, span);
    }
}

impl Compiler {
    /// The rest of `await_to` (the future is in `t`).
    #[allow(clippy::too_many_arguments)]
    fn await_stepped(&mut self, t: Reg, step: u32, take: u32, await_fn: u32, dst: Reg, hint: u32, span: Span) {
        // The call window: above every live register (a frame can start at `a`); `a + 1`
        // receives the output.
        let k = self.cx().alloc();
        let a = self.cx().alloc();
        let out = self.cx().alloc();
        let mut ends = Vec::new();
        self.emit(Instr::Mov { dst: a, src: t }, span);
        let site = self.add_site(SiteKind::Native(step), hint);
        self.emit(Instr::CallSite { dst: k, site, args: a, nargs: 2 }, span);
        // Done by the native: the output.
        let next = self.emit(Instr::JumpIfNotI { op: BinKind::Eq, a: k, imm: 1, target: 0 }, span);
        self.emit(Instr::MovOut { dst, src: out }, span);
        ends.push(self.emit(Instr::Jump { target: 0 }, span));
        // TERAS future: its body runs in this frame's fiber; the future stays in `t` (as it
        // stayed in `__await`'s frame) until the statement's temporaries die.
        let here = self.cx().here();
        self.cx().patch(next, here);
        let next = self.emit(Instr::JumpIfNotI { op: BinKind::Eq, a: k, imm: 0, target: 0 }, span);
        self.emit(Instr::Mov { dst: a, src: t }, span);
        let site = self.add_site(SiteKind::Native(take), 0);
        self.emit(Instr::CallSite { dst: a, site, args: a, nargs: 1 }, span);
        self.emit(Instr::CallValue { dst, callee: a, args: out, nargs: 0 }, span);
        // The body's closure (its captures) dies as the future completes, as it died with
        // `__await`'s frame: before the rest of the statement runs.
        self.emit(Instr::Drop { reg: a }, span);
        ends.push(self.emit(Instr::Jump { target: 0 }, span));
        // A JoinHandle whose task did not return a value: `__join` builds the `JoinError`.
        let here = self.cx().here();
        self.cx().patch(next, here);
        let next = self.emit(Instr::JumpIfNotI { op: BinKind::Eq, a: k, imm: 3, target: 0 }, span);
        self.emit(Instr::MovOut { dst: a, src: t }, span);
        let sym = self.prog.symbols.intern("__join");
        let site = self.add_site(SiteKind::Method { sym, name: "__join".into() }, hint);
        self.emit(Instr::CallSite { dst, site, args: a, nargs: 1 }, span);
        ends.push(self.emit(Instr::Jump { target: 0 }, span));
        // Anything else: `__await`.
        let here = self.cx().here();
        self.cx().patch(next, here);
        self.emit(Instr::MovOut { dst: a, src: t }, span);
        if hint != 0 {
            let site = self.add_site(SiteKind::Func(await_fn), hint);
            self.emit(Instr::CallSite { dst, site, args: a, nargs: 1 }, span);
        } else {
            self.emit(Instr::Call { dst, func: await_fn as u16, args: a, nargs: 1 }, span);
        }
        let here = self.cx().here();
        for e in ends {
            self.cx().patch(e, here);
        }
    }
}

/// The methods whose `.await` right after the call is one call of a method doing both
/// (`x.recv().await` is `x.__recv_now()`): the prelude's tokio channels define them as
/// blocking natives (builtins/async_chan.rs: no future object, no poll, the output at once
/// when the channel is ready), and a blanket impl gives every other type a fallback that is
/// exactly the call and its `.await` (prelude/async_rt.rs, `__AwaitNow`).
pub(crate) const AWAITED_NOW: &[(&str, usize, &str)] = &[("recv", 0, "__recv_now"), ("send", 1, "__send_now")];

/// `x.m(args).await` as `x.m_now(args)` when `m` is one of `AWAITED_NOW` (written without
/// turbofish, with its arity); `None` for any other expression. Never in the prelude (the
/// fallback bodies await the calls themselves). The call gets `id`, the id of the `.await`
/// expression it replaces: it computes the await's value, so it has the type typeck gave
/// the `.await` (a fresh id would have none, and the statement around it would release
/// every register at its end as if the call could leave a guard).
pub(crate) fn awaited_now(x: &Expr, in_prelude: bool, id: NodeId) -> Option<Expr> {
    let ExprKind::MethodCall { receiver, method, turbofish: None, args } = &x.kind else { return None };
    if in_prelude {
        return None;
    }
    let &(_, _, now) = AWAITED_NOW.iter().find(|(m, n, _)| *m == method.name && *n == args.len())?;
    let method = ast::Ident { name: now.to_string(), span: method.span };
    let kind = ExprKind::MethodCall { receiver: receiver.clone(), method, turbofish: None, args: args.clone() };
    Some(Expr { kind, span: x.span, id })
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

#[cfg(test)]
mod tests {
    use crate::session::{Options, Session};
    use crate::test_support::run_program;

    /// `rx.recv().await` and `tx.send(v).await` compile to one method call each (no future,
    /// no `__await_step`); an `.await` of anything else keeps the general sequence.
    #[test]
    fn awaited_recv_and_send_are_one_call() {
        let src = "use tokio::sync::mpsc;\n\
                   async fn f(tx: mpsc::Sender<i32>, mut rx: mpsc::Receiver<i32>) -> Option<i32> {\n\
                   tx.send(1).await.unwrap();\n\
                   rx.recv().await\n}\n\
                   async fn g() -> i32 { 2 }\n\
                   async fn h() -> i32 { g().await }\n\
                   fn main() {}\n";
        let dump = Session::new(Options::default()).dump_bytecode("t.rs", src).unwrap_or_else(|_| panic!("compiles"));
        let body = |name: &str| dump.split("\nfn #").find(|f| f.split_whitespace().nth(1) == Some(name)).unwrap_or_default().to_string();
        let f = body("f::{closure}");
        assert!(f.contains(".__send_now") && f.contains(".__recv_now"), "{f}");
        assert!(!f.contains("__await_step") && !f.contains(".send ") && !f.contains(".recv "), "{f}");
        assert!(body("h::{closure}").contains("__await_step"), "{dump}");
    }

    /// A program's own type with async `recv`/`send` methods goes through the prelude's
    /// fallback (`__AwaitNow`): the call and its `.await`, as written.
    #[test]
    fn a_program_type_with_async_recv_and_send_keeps_its_meaning() {
        let src = r#"
struct Q { items: Vec<i32> }
impl Q {
    async fn recv(&mut self) -> Option<i32> { self.items.pop() }
    async fn send(&mut self, v: i32) -> Result<(), i32> { if v > 9 { Err(v) } else { self.items.push(v); Ok(()) } }
}
#[tokio::main]
async fn main() {
    let mut q = Q { items: vec![] };
    println!("{:?} {:?}", q.send(3).await, q.send(12).await);
    println!("{:?} {:?}", q.recv().await, q.recv().await);
}
"#;
        let (out, outcome) = run_program(src);
        assert_eq!(outcome.exit_code(), 0, "{out}");
        assert_eq!(out, "Ok(()) Err(12)\nSome(3) None\n");
    }
}
