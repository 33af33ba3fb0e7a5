//! The OS-thread driver: runs a fiber to completion on the calling OS thread, and spawns
//! TERAS threads as OS threads.
//!
//! `drive` runs the fiber with no time slice (`Ctx::slice = None`). When a native blocks
//! (`Fault::Blocked`), the driver parks the OS thread (crossbeam's `Parker`) until the
//! fiber's waker unparks it or the deadline passes, then runs the fiber again: its next
//! instruction is the blocking call, which re-checks. A parked thread also wakes every
//! `TICK` to look at the interrupt flag (Ctrl-C, or `process::exit` in another thread).
//!
//! Every OS thread that runs fibers has one `Parker` and one `Waker` that unparks it (a
//! thread runs one fiber at a time, so the waker is the fiber's). `Host::park` (nested runs)
//! parks on the same parker.
//!
//! `spawn` starts a TERAS thread: an OS thread with a large reserved stack running the
//! closure in a new fiber; its result (or panic payload) goes to a `JoinSlot`. A panic
//! prints Rust's `thread '<name>' panicked at ...` and unwinds the fiber's values with
//! `runtime::panicking()` on, so lock guards released by the unwinding poison their locks.

use super::out::OutHandle;
use super::run::{Run, RunHost};
use super::threads::{self, JoinSlot, Payload, ThreadInfo};
use super::Host;
use crate::value::Value;
use crate::vm::fiber::{Fiber, RetKind};
use crate::vm::{Ctx, Fault};
use crossbeam_utils::sync::{Parker, Unparker};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};
use std::time::Duration;

/// TERAS threads running on OS threads of their own (spawned, not yet finished), in the whole
/// process. When it is 0, a fiber blocked with no deadline on the interpreter's thread can
/// never be woken.
static LIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Async tasks count as running threads while they live (a fiber awaiting a task is not
/// alone): `runtime::executor` adds and removes them.
pub fn live_threads_add(n: isize) {
    if n >= 0 {
        LIVE_THREADS.fetch_add(n.unsigned_abs(), Ordering::SeqCst);
    } else {
        LIVE_THREADS.fetch_sub(n.unsigned_abs(), Ordering::SeqCst);
    }
}

/// How often a parked thread looks at the interrupt flag.
pub const TICK: Duration = Duration::from_millis(50);

/// The stack reserved for each spawned OS thread (reserved, not committed: natives recurse
/// on deep values; the VM itself is stackless).
pub const SPAWN_STACK: usize = 256 << 20;

/// The waker of the fibers an OS thread drives: it unparks that thread. A wake on that very
/// thread (a task `help` runs there makes the helping fiber's receive ready, as in an async
/// ping-pong) only sets the thread's `PENDING` flag, which `park_current` consumes instead of
/// parking: the thread is running, not parked, and the unpark's atomic swap (a full barrier)
/// is saved.
struct UnparkWake {
    unparker: Unparker,
    /// The address of the owner thread's `PENDING` (unique among live threads; a dead
    /// owner's reused by another thread costs that thread one park that returns at once).
    owner: usize,
}

impl UnparkWake {
    fn wake_now(&self) {
        let here = PENDING.with(|p| {
            if std::ptr::from_ref(p) as usize == self.owner {
                p.set(true);
                true
            } else {
                false
            }
        });
        if !here {
            self.unparker.unpark();
        }
    }
}

impl Wake for UnparkWake {
    fn wake(self: Arc<Self>) {
        self.wake_now();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.wake_now();
    }
}

thread_local! {
    static PARKER: (Parker, Waker) = {
        let p = Parker::new();
        let owner = PENDING.with(|f| std::ptr::from_ref(f) as usize);
        let w = Waker::from(Arc::new(UnparkWake { unparker: p.unparker().clone(), owner }));
        (p, w)
    };
    /// A wake of this thread's waker made on this thread since its last park (`UnparkWake`).
    static PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The waker of the fiber running on this OS thread.
pub fn current_waker() -> Waker {
    PARKER.with(|(_, w)| w.clone())
}

/// Park this OS thread until its waker fires, `timeout` passes or `TICK` passes, whichever
/// comes first (a wake that came before the call returns at once).
pub fn park_current(timeout: Option<Duration>) {
    // A wake made on this thread (`UnparkWake`) counts as the unpark it did not do.
    if PENDING.with(|p| p.replace(false)) {
        return;
    }
    let t = timeout.map_or(TICK, |t| t.min(TICK));
    if !t.is_zero() {
        PARKER.with(|(p, _)| p.park_timeout(t));
    }
}

/// Run `fiber` (its frames already pushed) to the end on this OS thread. `Fault::Blocked`
/// comes out only when the fiber blocked with no deadline while no other TERAS thread runs
/// (nothing could ever wake it: the lone thread deadlocked itself).
pub fn drive(fiber: &mut Fiber, host: &RunHost, out: &mut dyn Write) -> Result<Value, Fault> {
    let run: &Run = &host.run;
    let waker = current_waker();
    let mut alone_blocked = false;
    let mut helping = super::executor::Helping::default();
    loop {
        let r = {
            let mut cx = Ctx { prog: &run.prog, out: &mut *out, interrupt: &run.interrupt, args: &run.args, host, waker: &waker, slice: None };
            crate::vm::run(fiber, &mut cx)
        };
        match r {
            Err(Fault::Blocked(b)) => {
                if run.interrupt.load(Ordering::Relaxed) {
                    return Err(Fault::Interrupted);
                }
                // crossbeam timers that are due deliver now (maybe what the fiber waits for).
                if super::timers::Timers::any_armed() && crate::builtins::chan_timer::fire(host) {
                    alone_blocked = false;
                    continue;
                }
                let timer = run.timers.next_deadline();
                if b.deadline.is_none() && timer.is_none() && LIVE_THREADS.load(Ordering::SeqCst) == 0 {
                    // Run the call once more: a thread that ended just before the count was
                    // read may have changed what it waits for.
                    if alone_blocked {
                        return Err(Fault::Blocked(b));
                    }
                    alone_blocked = true;
                    continue;
                }
                alone_blocked = false;
                // An async pool runs: run its queued tasks here rather than sleep.
                if super::executor::help(host, &mut helping) {
                    continue;
                }
                // No later than the next timer's delivery (fired when the call runs again).
                let wake = match (b.deadline, timer) {
                    (Some(d), Some(t)) => Some(d.min(t)),
                    (d, t) => d.or(t),
                };
                park_current(wake.map(|d| d.saturating_sub(host.now())));
                if run.interrupt.load(Ordering::Relaxed) {
                    return Err(Fault::Interrupted);
                }
            }
            Err(Fault::Yield) => {}
            r => return r,
        }
    }
}

/// Set `fiber` up to call the callable `f` with no arguments as its bottom frame. `Some`
/// with the result when `f` finished at once (a native).
pub fn start(fiber: &mut Fiber, cx: &mut Ctx<'_>, f: &Value) -> Result<Option<Value>, Fault> {
    if fiber.stack.is_empty() {
        fiber.stack.push(Value::Unit);
    }
    match crate::vm::call::call_callable(fiber, cx, f, 0, 0, 0, 0, RetKind::Stop) {
        Ok(()) if fiber.frames.is_empty() => Ok(Some(fiber.resume.take().unwrap_or(Value::Unit))),
        Ok(()) => {
            // A fiber's body is consumed by its start (a thread's or a task's closure is
            // `FnOnce`; the caller lets `f` go right after): the bottom frame owns its owned
            // captures, whatever stale handles the spawner still has (an `Arc` moved in is
            // counted down when the thread ends).
            crate::vm::drop::own_consumed(fiber, cx, f, 0);
            Ok(None)
        }
        Err(Fault::Blocked(b)) => Err(Fault::Panic(format!("`{}` blocked as a thread's body", b.what))),
        Err(e) => Err(e),
    }
}

/// `thread::spawn` / `Builder::spawn`: start `f` as a new TERAS thread (an OS thread, or a
/// fiber of the deterministic scheduler). `Err` with the OS's reason when no thread could
/// be created.
pub fn spawn(host: &RunHost, f: Value, name: Option<String>, stack: Option<usize>) -> Result<Arc<JoinSlot>, String> {
    let run = host.run.clone();
    let info = Arc::new(ThreadInfo::new(run.next_thread_id(), name));
    let slot = Arc::new(JoinSlot::new(info));
    if let Some(det) = &run.det {
        det.push_spawn(f, slot.clone());
        return Ok(slot);
    }
    // Before the second OS thread touches the heap: contended heap locks now wait.
    crate::heap::set_threaded();
    let stack = stack.unwrap_or(0).max(SPAWN_STACK);
    let s2 = slot.clone();
    LIVE_THREADS.fetch_add(1, Ordering::SeqCst);
    // The OS thread stays unnamed (naming costs a syscall per spawn); the TERAS name is in
    // `ThreadInfo`.
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || thread_main(run, f, s2))
        .map(|_| slot)
        .map_err(|e| {
            LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
            e.to_string()
        })
}

/// The body of a spawned OS thread.
fn thread_main(run: Arc<Run>, f: Value, slot: Arc<JoinSlot>) {
    threads::set_current(Some(slot.thread.clone()));
    let host = RunHost { run: run.clone() };
    let mut out = run.out.handle();
    // Small to start with: most thread bodies are shallow; the stacks grow on demand.
    let mut fiber = Fiber { stack: Vec::with_capacity(64), frames: Vec::with_capacity(8), ..Fiber::default() };
    let started = {
        let waker = current_waker();
        let mut cx = Ctx { prog: &run.prog, out: &mut out, interrupt: &run.interrupt, args: &run.args, host: &host, waker: &waker, slice: None };
        start(&mut fiber, &mut cx, &f)
    };
    drop(f);
    let r = match started {
        Ok(Some(v)) => Ok(v),
        Ok(None) => drive(&mut fiber, &host, &mut out),
        Err(e) => Err(e),
    };
    let waker = current_waker();
    let end = finish_thread(&mut fiber, &host, &mut out, &waker, &slot.thread, r);
    crate::builtins::thread_local::drop_thread_values(&mut fiber, &host, &mut out, &waker, &slot.thread);
    // The closure's captures die before `join` sees the result, as in Rust (a captured
    // `Sender` is dropped, so the channel disconnects, by the time `join` returns).
    drop(fiber);
    slot.finish(end);
    threads::set_current(None);
    LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
}

/// A spawned thread's fiber ended with `r`: report a panic (and unwind), record an exit.
/// What `join` will return.
pub fn finish_thread(fiber: &mut Fiber, host: &RunHost, out: &mut OutHandle, waker: &Waker, info: &ThreadInfo, r: Result<Value, Fault>) -> Result<Value, Payload> {
    let run: &Run = &host.run;
    match r {
        Ok(v) => Ok(v),
        Err(Fault::Panic(m)) if m == crate::builtins::async_task::CANCELLED => {
            // An aborted async task: unwound with its drops, not a panic, nothing reported.
            cancel_unwind(fiber, host, out, waker);
            Err(Payload { msg: m, is_str: true })
        }
        Err(Fault::Panic(m)) => {
            // A panic of an inline child raised again (`runtime::inline`) keeps its payload.
            let is_str = super::inline::relocated_is_str(&m).unwrap_or_else(|| crate::vm::panic::payload_is_str(fiber, &run.prog, &m));
            report_panic(fiber, &host.run, info.display_name(), &m);
            unwind(fiber, host, out, waker, info.display_name());
            Err(Payload { msg: m, is_str })
        }
        Err(Fault::Exit(c)) => {
            run.out.flush();
            run.request_exit(c);
            Err(Payload { msg: "process::exit".into(), is_str: true })
        }
        Err(Fault::StackOverflow) => {
            // Rust aborts the process here; teras ends the run with a failure.
            run.out.flush();
            let _ = std::io::stderr().write_all(crate::vm::panic::stack_overflow_text_named(info.display_name()).as_bytes());
            run.request_exit(134);
            Err(Payload { msg: "stack overflow".into(), is_str: true })
        }
        Err(Fault::Interrupted | Fault::Blocked(_) | Fault::Yield) => Err(Payload { msg: "interrupted".into(), is_str: true }),
    }
}

/// Report a lone thread blocked for good (`drive` returned `Fault::Blocked`) as a panic at
/// its blocking call.
pub fn report_blocked(fiber: &Fiber, run: &Run, name: &str, what: &str) {
    run.out.flush();
    let note = run.take_first_panic();
    let msg = format!("deadlock: `{what}` waits forever (no other thread is running)");
    let text = crate::vm::panic::blocked_text_named(fiber, &run.prog, name, &msg, run.backtrace, note);
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Report the panic `msg` of thread `name`: the program's hook, or Rust's message (stdout
/// flushed first; `panic_hook.rs`).
pub fn report_panic(fiber: &Fiber, run: &Arc<Run>, name: &str, msg: &str) {
    super::panic_hook::report(fiber, run, name, msg);
}

/// Drop the live values of a panicked fiber's frames, with `panicking()` on (guards poison
/// their locks). A panic in a destructor while unwinding is reported (Rust aborts there).
pub fn unwind(fiber: &mut Fiber, host: &RunHost, out: &mut OutHandle, waker: &Waker, name: &str) {
    let run: &Run = &host.run;
    if !run.prog.needs_drop_walk {
        return;
    }
    super::set_panicking(true);
    let mut cx = Ctx { prog: &run.prog, out, interrupt: &run.interrupt, args: &run.args, host, waker, slice: None };
    let values = crate::vm::drop::unwind_values(fiber, &cx);
    if let Err(Fault::Panic(m)) = crate::vm::drop::drop_all(fiber, &mut cx, values) {
        report_panic(fiber, &host.run, name, &m);
    }
    super::set_panicking(false);
}

/// Drop the live values of a cancelled task's frames (not a panic: `panicking()` is off).
pub fn cancel_unwind(fiber: &mut Fiber, host: &RunHost, out: &mut OutHandle, waker: &Waker) {
    let run: &Run = &host.run;
    if !run.prog.needs_drop_walk {
        return;
    }
    super::set_panicking(false);
    let mut cx = Ctx { prog: &run.prog, out, interrupt: &run.interrupt, args: &run.args, host, waker, slice: None };
    let values = crate::vm::drop::unwind_values(fiber, &cx);
    if let Err(Fault::Panic(m)) = crate::vm::drop::drop_all(fiber, &mut cx, values) {
        report_panic(fiber, &host.run, super::executor::TASK_THREAD_NAME, &m);
    }
}
