//! Effect handlers' natives: the `__eff_*` intrinsics that the prelude's handler loop
//! (builtins/prelude/effects.rs) and the code the parser generates for `effect`, `handler`
//! and `handle ... with` are written with. The machinery is `runtime::effect`.
//!
//! - `__eff_link(effect) -> Link`: a new rendezvous for one `handle` block.
//! - `__eff_spawn(link, f)`: run `f` (which calls `__eff_enter` first) as the child fiber.
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
use crate::runtime::effect::{self, Link, Next, Resumed};
use crate::runtime::run::RunHost;
use crate::value::Value;
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

fn spawn(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    let f = util::raw_arg(args, 1)?;
    let host = cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("effect handlers need the teras runtime (this host runs a single fiber)"))?;
    // The child reports its panics under the name of the thread that runs the `handle`.
    let name = crate::runtime::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
    match crate::runtime::driver::spawn(host, f, Some(name), None) {
        Ok(slot) => {
            l.set_slot(slot);
            Ok(Value::Unit)
        }
        Err(why) => Err(panic(format!("failed to start a handled computation: {why}"))),
    }
}

fn enter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    effect::enter(&link_of(args, 0)?);
    Ok(Value::Unit)
}

fn next(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = link_of(args, 0)?;
    match l.next(cx.waker) {
        Next::Op { op, args, seq } => Ok(util::err(cx, Value::Tuple(Heap::new(vec![Value::str(op), args, Value::usize(seq as usize)])))),
        Next::Done(Ok(v)) => Ok(util::ok(cx, v)),
        Next::Done(Err(m)) if m == super::async_task::CANCELLED => Err(NativeError::Panic(m)),
        // The child reported its panic already (as this thread): end this thread too.
        Next::Done(Err(m)) => match crate::runtime::threads::current() {
            Some(t) if t.display_name() != "main" => Err(NativeError::Panic(m)),
            _ => Err(NativeError::Exit(101)),
        },
        Next::Wait => Err(NativeError::Block(Blocked::on(format!("handle ... with (effect {})", l.effect)))),
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
    if l.settle(seq, cx.waker) {
        Ok(Value::Unit)
    } else {
        Err(NativeError::Block(Blocked::on(format!("aborting a computation handled for effect {}", l.effect))))
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
                return Err(panic(format!("unhandled effect operation `{eff}::{op}`: no handler of effect `{eff}` is in scope (run this code inside `handle {{ ... }} with <a handler for {eff}>`)")));
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
}
