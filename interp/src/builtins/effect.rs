//! Effect handlers' natives: the `__eff_*` intrinsics that the prelude's handler loop
//! (builtins/prelude/effects.rs) and the code the parser generates for `effect`, `handler`
//! and `handle ... with` are written with. The machinery is `runtime::effect`.
//!
//! - `__eff_link(effect) -> Link`: a new rendezvous for one `handle` block.
//! - `__eff_spawn(link, f)`: make `f` (which calls `__eff_enter` first) the child fiber; it
//!   runs in place, on this OS thread, whenever the handling fiber waits for it (`run_child`).
//! - `__eff_enter(link)`: the child's handler stack is its creator's plus `link`.
//! - `__eff_next(link) -> Result<R, (String, Args, usize)>`: wait for the child's next op
//!   (`Err((op, args, seq))`) or its result (`Ok`).
//! - `__eff_resume(link, seq, v)`: one-shot resumption of op `seq`.
//! - `__eff_settle(link, seq)`: after a clause returned; aborts the child when the clause did
//!   not resume, and waits for its unwinding.
//! - `__eff_perform(effect, op, args)`: perform an op (blocks until resumed).
//! - `__eff_no_clause(handler, effect, op)`: the panic of a handler without that clause.

use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::heap::Heap;
use crate::runtime::effect::{self, Child, Link, Resumed};
use crate::runtime::run::RunHost;
use crate::runtime::threads::{self, ThreadInfo};
use crate::value::Value;
use crate::vm::fiber::Fiber;
use crate::vm::{Ctx, Fault};
use std::sync::Arc;
use teras_stdlib::sched::Blocked;

/// A link's native part.
#[derive(Debug)]
struct LinkObj(Arc<Link>);

fn link_of(args: &[Value], i: usize) -> R<Arc<Link>> {
    match arg(args, i)? {
        Value::Native(b) => b.downcast_ref::<LinkObj>().map(|l| l.0.clone()).ok_or_else(|| panic("type error: effect link expected")),
        v => Err(util::type_error("effect link", &v)),
    }
}

fn seq_of(args: &[Value], i: usize) -> R<u64> {
    Ok(util::usize_of(&arg(args, i)?)? as u64)
}

fn link(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let effect = util::str_of(&arg(args, 0)?)?;
    Ok(Value::Native(Arc::new(Box::new(LinkObj(Link::new(effect))))))
}

fn run_host<'a>(cx: &'a NativeCx<'_>) -> R<&'a RunHost> {
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("effect handlers need the teras runtime (this host runs a single fiber)"))
}

fn spawn(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    let f = util::raw_arg(args, 1)?;
    let host = run_host(cx)?;
    // The child reports its panics under the name of the thread that runs the `handle`.
    let name = threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
    let info = Arc::new(ThreadInfo::new(host.run.next_thread_id(), Some(name)));
    l.put_child(Child { fiber: Fiber::default(), info, f: Some(f) });
    Ok(Value::Unit)
}

fn enter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    effect::enter(&link_of(args, 0)?);
    Ok(Value::Unit)
}

/// What running the child in place came to.
enum Step {
    /// It posted an op to this link (or has one waiting).
    Posted,
    /// It ended: its value, or its panic message (reported already).
    Done(Result<Value, String>),
    /// It waits for something else: the handling fiber waits too.
    Blocked(Blocked),
}

/// Run `l`'s child on this OS thread until it performs, ends or blocks.
fn run_child(cx: &mut NativeCx<'_>, l: &Link) -> R<Step> {
    let h: &dyn crate::runtime::Host = cx.host;
    let waker = cx.waker;
    let host = h.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("effect handlers need the teras runtime (this host runs a single fiber)"))?;
    let Some(mut c) = l.take_child() else {
        return Ok(Step::Done(Err(super::async_task::CANCELLED.to_string())));
    };
    let prev = threads::current();
    threads::set_current(Some(c.info.clone()));
    let run = &host.run;
    let r = {
        let mut ctx = Ctx { prog: &run.prog, out: &mut *cx.stdout, interrupt: &run.interrupt, args: &run.args, host, waker, slice: None };
        match c.f.take() {
            Some(f) => match crate::runtime::driver::start(&mut c.fiber, &mut ctx, &f) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => crate::vm::run(&mut c.fiber, &mut ctx),
                Err(e) => Err(e),
            },
            None => crate::vm::run(&mut c.fiber, &mut ctx),
        }
    };
    let step = match r {
        Ok(v) => Step::Done(Ok(v)),
        Err(Fault::Blocked(b)) => {
            l.put_child(c);
            threads::set_current(prev);
            return Ok(if l.has_posted() { Step::Posted } else { Step::Blocked(b) });
        }
        Err(Fault::Yield) => {
            l.put_child(c);
            threads::set_current(prev);
            return Ok(Step::Blocked(Blocked::until("handle ... with", h.now())));
        }
        Err(Fault::Panic(m)) if m != super::async_task::CANCELLED => {
            // Not reported here: the body is unwound (its `Drop` impls run, panicking) and the
            // panic goes on in the handling fiber, which reports it once, at this location.
            let is_str = crate::runtime::inline::relocated_is_str(&m).unwrap_or_else(|| crate::vm::panic::payload_is_str(&c.fiber, &run.prog, &m));
            let loc = crate::runtime::inline::take_location(&c.fiber, &run.prog, &m);
            let mut out = run.out.handle();
            crate::runtime::driver::unwind(&mut c.fiber, host, &mut out, waker, c.info.display_name());
            effect::forget(&c.info);
            drop(c);
            threads::set_current(prev);
            crate::runtime::inline::relocate(crate::runtime::inline::Panicked { msg: m.clone(), loc, is_str, skip: Vec::new() });
            return Ok(Step::Done(Err(m)));
        }
        Err(e) => {
            let mut out = run.out.handle();
            let end = crate::runtime::driver::finish_thread(&mut c.fiber, host, &mut out, waker, &c.info, Err(e));
            Step::Done(end.map_err(|p| p.msg))
        }
    };
    effect::forget(&c.info);
    drop(c);
    threads::set_current(prev);
    Ok(step)
}

fn next(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    loop {
        if let Some(op) = l.take_op() {
            return Ok(util::err(cx, Value::Tuple(Heap::new(vec![Value::str(op.op), op.args, Value::usize(op.seq as usize)]))));
        }
        match run_child(cx, &l)? {
            Step::Posted => continue,
            Step::Done(Ok(v)) => return Ok(util::ok(cx, v)),
            Step::Done(Err(m)) if m == super::async_task::CANCELLED => return Err(NativeError::Panic(m)),
            // The body panicked (not reported yet: relocated to where it happened) or ended
            // otherwise (a stack overflow, an exit): it goes on in this fiber.
            Step::Done(Err(m)) => {
                return match run_host(cx)?.run.exit_requested() {
                    Some(c) => Err(NativeError::Exit(c)),
                    None => Err(NativeError::Panic(m)),
                }
            }
            Step::Blocked(b) => return Err(NativeError::Block(b)),
        }
    }
}

fn resume(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    let seq = seq_of(args, 1)?;
    let v = util::raw_arg(args, 2)?;
    match l.resume(seq, v) {
        Ok(()) => Ok(Value::Unit),
        Err(op) => Err(panic(format!("`resume` called twice for `{}::{op}`: a handler's continuation is one-shot", l.effect))),
    }
}

fn settle(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    let seq = seq_of(args, 1)?;
    if !l.abort_unresumed(seq) {
        return Ok(Value::Unit);
    }
    // Run the aborted child until it has unwound (its pending perform fails).
    loop {
        match run_child(cx, &l)? {
            Step::Posted => {
                // An op posted while unwinding (a Drop performing): it is not handled.
                let _ = l.take_op();
                let _ = l.abort_unresumed(seq);
            }
            Step::Done(_) => return Ok(Value::Unit),
            Step::Blocked(b) => return Err(NativeError::Block(b)),
        }
    }
}

/// What a perform remembers between attempts: the link it posted to.
struct Posted(Arc<Link>);

fn perform(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = match cx.state.as_ref().and_then(|s| s.downcast_ref::<Posted>()) {
        Some(p) => p.0.clone(),
        None => {
            let eff = util::str_of(&arg(args, 0)?)?;
            let op = util::str_of(&arg(args, 1)?)?;
            let Some(l) = effect::find(&eff) else {
                let msg = format!("unhandled effect operation `{eff}::{op}`: no handler of effect `{eff}` is in scope (run this code inside `handle {{ ... }} with <a handler for {eff}>`)");
                // Reported at the operation's call, not in its generated functions.
                crate::runtime::inline::relocate_past(&msg, vec![format!("{eff}::{op}"), op]);
                return Err(panic(msg));
            };
            l.post(op, util::raw_arg(args, 2)?);
            *cx.state = Some(Box::new(Posted(l.clone())));
            l
        }
    };
    match l.poll_resumed(cx.waker) {
        Resumed::Value(v) => Ok(v),
        Resumed::Aborted => Err(NativeError::Panic(super::async_task::CANCELLED.to_string())),
        Resumed::Wait => Err(NativeError::Block(Blocked::on(format!("effect {} (waiting for resume)", l.effect)))),
    }
}

/// `__eff_exit(v)`: a `return v` of a handled body: the body stops (unwound like an aborted
/// computation, its `Drop` impls run) and its `handle` makes the enclosing function return.
fn exit(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = util::raw_arg(args, 0)?;
    leave(0, v)
}

/// `__eff_exit_to(code, v)`: a `break`/`continue` of a handled body that leaves it (code 2
/// and up: which one, see the parser's `Tunnel`).
fn exit_to(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let code = util::usize_of(&arg(args, 0)?)?;
    leave(code, util::raw_arg(args, 1)?)
}

fn leave(code: usize, v: Value) -> NativeResult {
    let Some(l) = effect::current_stack().last().cloned() else {
        return Err(panic("`return` of a handled body outside its `handle`"));
    };
    l.set_exit(code, v);
    Err(NativeError::Panic(super::async_task::CANCELLED.to_string()))
}

/// `__eff_try(x)`: `x?` in a handled body: the value of `Ok`/`Some`, else the body stops
/// and its `handle` applies `?` to the residual in the enclosing function.
fn try_(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = util::raw_arg(args, 0)?;
    match util::as_result(&x) {
        Some(Ok(v)) => return Ok(v),
        Some(Err(_)) => return leave(1, x),
        None => {}
    }
    match util::as_option(&x) {
        Some(Some(v)) => Ok(v),
        Some(None) => leave(1, x),
        None => Err(util::type_error("Result or Option", &x)),
    }
}

/// What `__eff_drive` keeps between its attempts: the handler loop's fiber.
struct Driving(crate::runtime::inline::Child);

/// `__eff_drive(link, runner) -> Result<R, (usize, X)>`: run the handler loop `runner` (the
/// prelude's `__eff_run`) as an inline child of this fiber until it ends: `Ok` with the
/// `handle`'s value, or `Err((code, x))` when the body left the enclosing function (`Link::exit`'s codes) (the
/// loop, and any clause waiting in `resume`, are unwound).
fn drive(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    use crate::runtime::inline::{Child, ParentWaker, Step};
    let l = link_of(args, 0)?;
    let host = run_host(cx)?.clone();
    let mut d = match cx.state.take().map(|b| b.downcast::<Driving>()) {
        Some(Ok(d)) => *d,
        _ => Driving(Child::new(util::raw_arg(args, 1)?, &Arc::new(ParentWaker::default()))),
    };
    d.0.set_poller(cx.waker);
    if !d.0.runnable(host.run.now()) {
        let b = match d.0.deadline() {
            Some(t) => Blocked::until("handle ... with", t),
            None => Blocked::on("handle ... with"),
        };
        *cx.state = Some(Box::new(d));
        return Err(NativeError::Block(b));
    }
    match d.0.poll(&host, &mut *cx.stdout) {
        Step::Done(v) => Ok(util::ok(cx, v)),
        Step::Pending(t, what) => {
            *cx.state = Some(Box::new(d));
            Err(NativeError::Block(match t {
                Some(t) => Blocked::until(what, t),
                None => Blocked::on(what),
            }))
        }
        Step::Panicked(p) => {
            let msg = p.msg.clone();
            crate::runtime::inline::relocate(p);
            Err(NativeError::Panic(msg))
        }
        Step::Stopped(Fault::Panic(m)) if m == super::async_task::CANCELLED => match l.take_exit() {
            Some((code, x)) => Ok(util::err(cx, util::pair(Value::usize(code), x))),
            None => Err(NativeError::Panic(m)),
        },
        Step::Stopped(Fault::Panic(m)) => Err(NativeError::Panic(m)),
        Step::Stopped(Fault::Exit(c)) => Err(NativeError::Exit(c)),
        Step::Stopped(_) => Err(NativeError::Exit(101)),
    }
}

fn unreachable_(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Err(panic("internal error: entered unreachable code: `?` of a handled body did not return"))
}

fn no_clause(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = util::str_of(&arg(args, 0)?)?;
    let eff = util::str_of(&arg(args, 1)?)?;
    let op = util::str_of(&arg(args, 2)?)?;
    Err(panic(format!("handler `{h}` for effect `{eff}` has no clause for `{op}`")))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__eff_link", link);
    r.func("__eff_spawn", spawn);
    r.func("__eff_enter", enter);
    r.func("__eff_next", next);
    r.func("__eff_resume", resume);
    r.func("__eff_settle", settle);
    r.func("__eff_perform", perform);
    r.func("__eff_no_clause", no_clause);
    r.func("__eff_exit", exit);
    r.func("__eff_exit_to", exit_to);
    r.func("__eff_try", try_);
    r.func("__eff_drive", drive);
    r.func("__eff_unreachable", unreachable_);
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    #[test]
    fn deep_handler_runs_code_after_resume_and_aborts_with_drops() {
        let src = r#"
effect E { fn op(x: i32) -> i32; }
struct D;
impl Drop for D { fn drop(&mut self) { println!("drop"); } }
handler twice for E { op(x) k => { let r: i32 = k(x * 2); r + 1 } }
handler stop for E { op(x) k => x }
fn main() {
    let a = handle { E::op(1) + E::op(2) } with twice;
    let b = handle { let _d = D; E::op(7); println!("never"); 0 } with stop;
    println!("{a} {b}");
}
"#;
        let (out, _) = run_program(src);
        assert_eq!(out, "drop\n8 7\n");
    }

    #[test]
    fn handles_run_on_spawned_threads() {
        let src = r#"
effect Ask { fn ask() -> i32; }
fn main() {
    let hs: Vec<_> = (0..3).map(|i| std::thread::spawn(move || {
        handler h for Ask { ask() k => k(i) }
        handle { Ask::ask() * 10 } with h
    })).collect();
    let v: Vec<i32> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("{v:?}");
}
"#;
        let (out, _) = run_program(src);
        assert_eq!(out, "[0, 10, 20]\n");
    }
}
