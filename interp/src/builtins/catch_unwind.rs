//! `std::panic::catch_unwind`: the closure runs as an inline child of the calling fiber
//! (`runtime::inline`, as an effect handler's body runs), so a TERAS panic inside it unwinds
//! the child's frames (their `Drop` impls run with `panicking()` on, guards poison their
//! locks) and stops there, instead of ending the thread.
//!
//! `__catch_unwind(f) -> Result<R, (String, bool)>`: `Ok` with the closure's value, or, when
//! it panicked, `Err((message, is_str))` after Rust's panic message was printed (the default
//! hook prints before the payload is caught). `f` may be an `AssertUnwindSafe(f)`. A blocking
//! call inside the closure blocks the caller (the child is kept in `cx.state` and polled again
//! when woken); a cancellation (the task was aborted) or an exit is not caught.
//!
//! Also the natives of `set_hook`/`take_hook` (`runtime/panic_hook.rs` keeps the hook and
//! calls it at every panic report, this module's included) and of `resume_unwind`.

use super::util::{self, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::inline::{Child, ParentWaker, Step};
use crate::runtime::run::RunHost;
use crate::value::Value;
use crate::vm::Fault;
use std::sync::Arc;
use teras_stdlib::sched::Blocked;

/// What `__catch_unwind` keeps between its attempts: the closure's fiber.
struct Catching(Child);

fn run_host<'a>(cx: &'a NativeCx<'_>) -> R<&'a RunHost> {
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("catch_unwind needs the teras runtime (this host runs a single fiber)"))
}

/// The closure inside an `AssertUnwindSafe(f)` (the prelude's tuple struct), else `v`.
fn unwrap_assert(v: Value) -> Value {
    if let Value::Adt(h) = &v {
        if let Ok(o) = h.read() {
            if &*o.def.name == "AssertUnwindSafe" {
                if let Some(f) = o.fields.first() {
                    return f.clone();
                }
            }
        }
    }
    v
}

fn catch_unwind(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let host = run_host(cx)?.clone();
    let mut c = match cx.state.take().map(|b| b.downcast::<Catching>()) {
        Some(Ok(c)) => *c,
        _ => Catching(Child::new(unwrap_assert(util::raw_arg(args, 0)?), &Arc::new(ParentWaker::default()))),
    };
    c.0.set_poller(cx.waker);
    let blocked = |t: Option<std::time::Duration>, what: String| match t {
        Some(t) => Blocked::until(what, t),
        None => Blocked::on(what),
    };
    if !c.0.runnable(host.run.now()) {
        let b = blocked(c.0.deadline(), "catch_unwind".into());
        *cx.state = Some(Box::new(c));
        return Err(NativeError::Block(b));
    }
    match c.0.poll(&host, &mut *cx.stdout) {
        Step::Done(v) => Ok(util::ok(cx, v)),
        Step::Pending(t, what) => {
            *cx.state = Some(Box::new(c));
            Err(NativeError::Block(blocked(t, what)))
        }
        Step::Panicked(p) => {
            let _ = cx.stdout.flush();
            let name = crate::runtime::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
            crate::runtime::panic_hook::report_at(&crate::vm::fiber::Fiber::default(), &host.run, p.loc, &name, &p.msg, p.is_str);
            Ok(util::err(cx, util::pair(Value::str(p.msg), Value::Bool(p.is_str))))
        }
        Step::Stopped(Fault::Panic(m)) => Err(NativeError::Panic(m)),
        Step::Stopped(Fault::Exit(c)) => Err(NativeError::Exit(c)),
        Step::Stopped(_) => Err(NativeError::Exit(101)),
    }
}

/// `__panic_set_hook(adapter, hook)` (`std::panic::set_hook`, `runtime/panic_hook.rs`).
fn set_hook(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let host = run_host(cx)?;
    crate::runtime::panic_hook::set(&host.run, util::raw_arg(args, 0)?, util::raw_arg(args, 1)?);
    Ok(Value::Unit)
}

/// `__panic_take_hook()`: `Some(hook)` the program set, or `None` (the default was in place);
/// the default is in place afterwards.
fn take_hook(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let host = run_host(cx)?;
    let hook = crate::runtime::panic_hook::take(&host.run);
    Ok(util::option(cx, hook))
}

/// `__panic_default_hook(msg, file, line, col)`: the default hook's message, for the closure
/// `take_hook` gives when no hook was set.
fn default_hook(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let host = run_host(cx)?.clone();
    let _ = cx.stdout.flush();
    let msg = util::str_of(&util::arg(args, 0)?)?;
    let file = util::str_of(&util::arg(args, 1)?)?;
    let (line, col) = (util::usize_of(&util::arg(args, 2)?)?, util::usize_of(&util::arg(args, 3)?)?);
    crate::runtime::panic_hook::default_report(&host.run, &msg, &file, line, col);
    Ok(Value::Unit)
}

/// `__resume_unwind(payload)` (`std::panic::resume_unwind`): panics again with the payload of
/// a caught panic or a join (the prelude's `__PanicPayload`: its message and kind), or with a
/// string (`Box::new("msg")`, a `&str`); nothing is reported (`runtime/resumed.rs`). Another
/// payload panics with the message `Box<dyn Any>`, as a `String` payload.
fn resume_unwind(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let payload = util::raw_arg(args, 0)?;
    let (msg, is_str) = match &payload {
        Value::Str(h) => (h.read().map(|s| s.to_string()).unwrap_or_default(), true),
        Value::Adt(h) => match h.read() {
            Ok(o) if &*o.def.name == "__PanicPayload" => match (o.fields.first(), o.fields.get(1)) {
                (Some(Value::Str(m)), Some(Value::Bool(s))) => (m.read().map(|m| m.to_string()).unwrap_or_default(), *s),
                _ => ("Box<dyn Any>".to_string(), false),
            },
            _ => ("Box<dyn Any>".to_string(), false),
        },
        _ => ("Box<dyn Any>".to_string(), false),
    };
    crate::runtime::resumed::set(&msg, is_str);
    Err(NativeError::Panic(msg))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__catch_unwind", catch_unwind);
    r.func("__resume_unwind", resume_unwind);
    r.func("__panic_set_hook", set_hook);
    r.func("__panic_take_hook", take_hook);
    r.func("__panic_default_hook", default_hook);
}
