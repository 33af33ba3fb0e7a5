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

use super::util::{self, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::inline::{Child, ParentWaker, Step};
use crate::runtime::run::RunHost;
use crate::value::Value;
use crate::vm::Fault;
use std::io::Write;
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
            let run = &host.run;
            let _ = cx.stdout.flush();
            run.out.flush();
            let note = run.take_first_panic();
            let name = crate::runtime::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
            let text = crate::vm::panic::panic_text_located(&crate::vm::fiber::Fiber::default(), &run.prog, p.loc, &name, &p.msg, false, note);
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(util::err(cx, util::pair(Value::str(p.msg), Value::Bool(p.is_str))))
        }
        Step::Stopped(Fault::Panic(m)) => Err(NativeError::Panic(m)),
        Step::Stopped(Fault::Exit(c)) => Err(NativeError::Exit(c)),
        Step::Stopped(_) => Err(NativeError::Exit(101)),
    }
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__catch_unwind", catch_unwind);
}
