//! The panic hook of a run: `std::panic::set_hook`/`take_hook`. Every panic report (a
//! thread's, `main`'s, a task's, one caught by `catch_unwind`) goes through `report`: with a
//! hook set, the program's hook runs, on a fiber of its own, instead of Rust's default
//! message; without one, the default message is printed (`vm::panic`).
//!
//! The hook is kept as two values: the program's own closure (what `take_hook` gives back)
//! and the prelude's adapter around it (`builtins/prelude/thread.rs`), which the runtime calls
//! with plain values, `(message, is_str, file, line, column)`, and which builds the
//! `PanicHookInfo` the program's closure is given.

use super::driver;
use super::run::{Run, RunHost};
use crate::value::{IntTy, Value};
use crate::vm::fiber::Fiber;
use crate::vm::fiber::RetKind;
use crate::vm::{Ctx, Fault};
use std::io::Write;
use std::sync::Arc;

/// A hook set by `set_hook`.
#[derive(Clone, Debug)]
pub struct Hook {
    /// The prelude's adapter: called with `(msg, is_str, file, line, col)`.
    pub adapter: Value,
    /// The program's closure, given back by `take_hook`.
    pub user: Value,
}

/// Report the panic `msg` of thread `name`, raised in `fiber` (its location and payload kind
/// are read from it, or from an inline child's relocation).
pub fn report(fiber: &Fiber, run: &Arc<Run>, name: &str, msg: &str) {
    let is_str = super::inline::relocated_is_str(msg).unwrap_or_else(|| crate::vm::panic::payload_is_str(fiber, &run.prog, msg));
    let loc = super::inline::take_location(fiber, &run.prog, msg);
    report_at(fiber, run, loc, name, msg, is_str);
}

/// `report` of a panic already located (`loc`) whose payload kind is known.
pub fn report_at(fiber: &Fiber, run: &Arc<Run>, loc: Option<(String, usize, usize)>, name: &str, msg: &str, is_str: bool) {
    // `resume_unwind` calls no hook and prints nothing (`resumed.rs`).
    if super::resumed::take(msg) {
        run.out.flush();
        return;
    }
    run.out.flush();
    let hook = run.panic_hook.lock().clone();
    match hook {
        Some(h) => {
            let (file, line, col) = loc.unwrap_or_else(|| ("<unknown>".to_string(), 0, 0));
            let args = vec![Value::str(msg), Value::Bool(is_str), Value::str(file), Value::int(line as i64, IntTy::U32), Value::int(col as i64, IntTy::U32)];
            call_hook(run, &h.adapter, args);
            run.out.flush();
        }
        None => {
            let note = run.take_first_panic();
            let text = crate::vm::panic::panic_text_located(fiber, &run.prog, loc, name, msg, run.backtrace, note);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
    }
}

/// Run `hook(args..)` to its end on a fiber of its own. A panic inside the hook is reported
/// as Rust reports one (which then aborts; teras goes on with the first panic's unwinding);
/// a hook that blocks is abandoned.
fn call_hook(run: &Arc<Run>, hook: &Value, args: Vec<Value>) {
    let host = RunHost { run: run.clone() };
    let mut out = run.out.handle();
    let waker = driver::current_waker();
    let mut fiber = Fiber::default();
    let n = args.len();
    fiber.stack.push(Value::Unit);
    fiber.stack.extend(args);
    let mut cx = Ctx { prog: &run.prog, out: &mut out, interrupt: &run.interrupt, args: &run.args, host: &host, waker: &waker, slice: None };
    let r = match crate::vm::call::call_callable(&mut fiber, &mut cx, hook, 1, n, 0, 0, RetKind::Stop) {
        Ok(()) if fiber.frames.is_empty() => Ok(Value::Unit),
        Ok(()) => crate::vm::run(&mut fiber, &mut cx),
        Err(e) => Err(e),
    };
    if let Err(Fault::Panic(m)) = r {
        run.out.flush();
        let _ = writeln!(std::io::stderr(), "panicked while processing panic: {m}");
    }
}

/// `set_hook`: the adapter and the program's closure become the run's hook.
pub fn set(run: &Run, adapter: Value, user: Value) {
    *run.panic_hook.lock() = Some(Hook { adapter, user });
}

/// `take_hook`: the program's closure, the hook reset to the default (`None`: the default
/// was in place).
pub fn take(run: &Run) -> Option<Value> {
    run.panic_hook.lock().take().map(|h| h.user)
}

/// The default hook's report (what `take_hook` gives when no hook was set, called by the
/// program): Rust's message for the current thread.
pub fn default_report(run: &Run, msg: &str, file: &str, line: usize, col: usize) {
    run.out.flush();
    let name = super::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
    let note = run.take_first_panic();
    let text = crate::vm::panic::panic_text_located(&Fiber::default(), &run.prog, Some((file.to_string(), line, col)), &name, msg, false, note);
    let _ = std::io::stderr().write_all(text.as_bytes());
}
