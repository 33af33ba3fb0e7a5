//! Inline children: futures polled inside the task that awaits them, as tokio's `join!`,
//! `try_join!`, `select!`, `timeout` and a hand-written `Future::poll` do.
//!
//! A TERAS future has no state machine: its body runs on a fiber. An inline child is such a
//! fiber that belongs to the awaiting task and is *run in place* by one of the task's natives
//! (a nested `vm::run` on the same OS thread, as effect handlers run their body): running it
//! until it finishes or blocks is one poll. It keeps the task's identity
//! (`threads::current()`, cancellation, handler stacks), so `abort` of the task cancels it.
//!
//! - Wake-ups: each child has its own waker (`ChildWake`): a flag plus the waker of whoever
//!   polls the group now (the task's waker, or the waker of a user `Context`). A blocked
//!   child runs again only when its flag was set or its deadline passed, so a wake-up polls
//!   only the children it concerns.
//! - Panics: a child's panic is not reported where it happens. The child is unwound (its
//!   `Drop` impls run with `panicking()` on) and the panic is handed to the caller with its
//!   message, its location and its payload kind; the caller unwinds the other children and
//!   raises it again in the task with `relocate`, so the task reports it once, at the
//!   original location (`driver::report_panic` looks the location up here).
//! - Cancellation: `unwind` stops a child that has not finished: a started one is unwound
//!   as an aborted task is (its `Drop` impls run), a child that never ran drops its body.

use super::driver;
use super::run::{Run, RunHost};
use crate::value::{Callable, Value};
use crate::vm::fiber::Fiber;
use crate::vm::program::Program;
use crate::vm::{Ctx, Fault};
use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};
use std::time::Duration;

/// The waker of whoever polls a group now (replaced at every poll).
#[derive(Default)]
pub struct ParentWaker(Mutex<Option<Waker>>);

impl ParentWaker {
    pub fn set(&self, w: &Waker) {
        let mut p = self.0.lock();
        if !p.as_ref().is_some_and(|o| o.will_wake(w)) {
            *p = Some(w.clone());
        }
    }
}

/// One child's waker: marks it runnable and wakes the poller.
struct ChildWake {
    woken: AtomicBool,
    parent: Arc<ParentWaker>,
}

impl Wake for ChildWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // SeqCst: pairs with the swap in `Child::runnable`.
        self.woken.store(true, Ordering::SeqCst);
        let w = self.parent.0.lock().clone();
        if let Some(w) = w {
            w.wake();
        }
    }
}

/// A panic of a child, to be raised again by the task that polls it.
#[derive(Debug, Clone)]
pub struct Panicked {
    pub msg: String,
    pub loc: Option<(String, usize, usize)>,
    pub is_str: bool,
    /// Instead of `loc`: locate the panic in the fiber, looking past the top frames of these
    /// functions (an effect operation's generated functions: the panic of an unhandled
    /// operation points at its call, as `#[track_caller]` would).
    pub skip: Vec<String>,
}

/// What one poll of a child came to.
#[derive(Debug)]
pub enum Step {
    /// It finished with this value.
    Done(Value),
    /// It waits (until the deadline at the latest); its waker brings it back.
    Pending(Option<Duration>, String),
    /// It panicked (already unwound).
    Panicked(Panicked),
    /// It stopped for good otherwise: cancelled (the task was aborted: `CANCELLED`), or the
    /// process is exiting (`Fault::Exit`, `Fault::Interrupted`, a stack overflow).
    Stopped(Fault),
}

/// One future run inline: its body until it starts, then its fiber.
pub struct Child {
    fiber: Fiber,
    body: Option<Value>,
    /// `Some(deadline)` while blocked.
    blocked: Option<Option<Duration>>,
    finished: bool,
    wake: Arc<ChildWake>,
    waker: Waker,
}

impl std::fmt::Debug for Child {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Child").field("started", &self.body.is_none()).field("finished", &self.finished).finish()
    }
}

impl Child {
    /// A child that will run `body` (a callable with no arguments) on its first poll.
    pub fn new(body: Value, parent: &Arc<ParentWaker>) -> Child {
        let wake = Arc::new(ChildWake { woken: AtomicBool::new(false), parent: parent.clone() });
        let waker = Waker::from(wake.clone());
        Child { fiber: Fiber::default(), body: Some(body), blocked: None, finished: false, wake, waker }
    }

    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Whether a poll now could make progress: never polled, woken, or past its deadline.
    pub fn runnable(&self, now: Duration) -> bool {
        match self.blocked {
            _ if self.finished => false,
            None => true,
            Some(d) => self.wake.woken.load(Ordering::SeqCst) || d.is_some_and(|d| d <= now),
        }
    }

    /// The deadline it waits for, if it is blocked with one.
    pub fn deadline(&self) -> Option<Duration> {
        self.blocked.flatten()
    }

    /// Whoever polls it from now on is woken by its wake-ups.
    pub fn set_poller(&self, w: &Waker) {
        self.wake.parent.set(w);
    }

    /// Run it in place until it finishes or blocks (one poll).
    pub fn poll(&mut self, host: &RunHost, out: &mut dyn std::io::Write) -> Step {
        let run: &Run = &host.run;
        self.wake.woken.store(false, Ordering::SeqCst);
        let r = {
            let mut ctx = Ctx { prog: &run.prog, out, interrupt: &run.interrupt, args: &run.args, host, waker: &self.waker, slice: None };
            match self.body.take() {
                Some(f) => match driver::start(&mut self.fiber, &mut ctx, &f) {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => crate::vm::run(&mut self.fiber, &mut ctx),
                    Err(e) => Err(e),
                },
                None => crate::vm::run(&mut self.fiber, &mut ctx),
            }
        };
        match r {
            Ok(v) => {
                self.finished = true;
                self.blocked = None;
                self.fiber = Fiber::default();
                Step::Done(v)
            }
            Err(Fault::Blocked(b)) => {
                self.blocked = Some(b.deadline);
                Step::Pending(b.deadline, b.what.into_owned())
            }
            Err(Fault::Yield) => {
                self.blocked = Some(Some(host.run.now()));
                Step::Pending(Some(host.run.now()), "yield".into())
            }
            Err(Fault::Panic(m)) if m == crate::builtins::async_task::CANCELLED => {
                self.finished = true;
                let mut o = run.out.handle();
                driver::cancel_unwind(&mut self.fiber, host, &mut o, &self.waker);
                self.fiber = Fiber::default();
                Step::Stopped(Fault::Panic(m))
            }
            Err(Fault::Panic(m)) => {
                self.finished = true;
                // A panic a nested group raised again keeps its original location.
                let is_str = relocated_is_str(&m).unwrap_or_else(|| crate::vm::panic::payload_is_str(&self.fiber, &run.prog, &m));
                let loc = take_location(&self.fiber, &run.prog, &m);
                let name = super::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
                let mut o = run.out.handle();
                driver::unwind(&mut self.fiber, host, &mut o, &self.waker, &name);
                self.fiber = Fiber::default();
                Step::Panicked(Panicked { msg: m, loc, is_str, skip: Vec::new() })
            }
            Err(e) => {
                self.finished = true;
                self.fiber = Fiber::default();
                Step::Stopped(e)
            }
        }
    }

    /// Stop a child that has not finished and drop what it holds: a started child is unwound
    /// (`panicking`: as part of a panic's unwinding, else as a cancellation); a child that
    /// never ran drops its body's captures.
    pub fn unwind(&mut self, host: &RunHost, panicking: bool) {
        if self.finished {
            return;
        }
        self.finished = true;
        let run: &Run = &host.run;
        let mut o = run.out.handle();
        if let Some(body) = self.body.take() {
            if !run.prog.needs_drop_walk {
                return;
            }
            let values = unstarted_values(body);
            let was = super::panicking();
            super::set_panicking(panicking);
            let mut ctx = Ctx { prog: &run.prog, out: &mut o, interrupt: &run.interrupt, args: &run.args, host, waker: &self.waker, slice: None };
            if let Err(Fault::Panic(m)) = crate::vm::drop::drop_all(&mut self.fiber, &mut ctx, values) {
                driver::report_panic(&self.fiber, &host.run, super::executor::TASK_THREAD_NAME, &m);
            }
            super::set_panicking(was);
        } else if panicking {
            let name = super::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
            driver::unwind(&mut self.fiber, host, &mut o, &self.waker, &name);
        } else {
            driver::cancel_unwind(&mut self.fiber, host, &mut o, &self.waker);
        }
        self.fiber = Fiber::default();
    }
}

/// A TERAS future polled by hand (`fut.poll(cx)`): its child and the run it belongs to. When
/// the future dies unfinished (the losing branch of a hand-written select), the child is
/// unwound there and then, so its `Drop` impls run as when tokio drops a pending future.
pub struct Polled {
    pub child: Child,
    pub host: RunHost,
}

impl std::fmt::Debug for Polled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.child.fmt(f)
    }
}

impl Drop for Polled {
    fn drop(&mut self) {
        if !self.child.finished() && !self.host.run.interrupt.load(Ordering::Relaxed) {
            self.child.unwind(&self.host, super::panicking());
        }
    }
}

/// What an unstarted body owns: the captures of its closure, looking through a captured
/// TERAS future (`AsyncObj`) to the captures of its own body.
fn unstarted_values(body: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut todo = vec![body];
    while let Some(v) = todo.pop() {
        match &v {
            Value::Func(f) => {
                if let Callable::Closure { captures, .. } = &**f {
                    todo.extend(captures.iter().cloned());
                }
            }
            Value::Native(_) => match crate::builtins::async_task::take_async_body(&v) {
                Some(b) => todo.push(b),
                None => out.push(v.clone()),
            },
            _ => out.push(v.clone()),
        }
    }
    out
}

/// Panics of inline children raised again by their task: (thread id) -> the original.
static RELOCATED: Mutex<Option<FxHashMap<u64, Panicked>>> = Mutex::new(None);

fn current_id() -> u64 {
    super::threads::current().map_or(0, |t| t.id)
}

/// The current task raises `p` again: its report shows `p`'s location.
pub fn relocate(p: Panicked) {
    RELOCATED.lock().get_or_insert_with(FxHashMap::default).insert(current_id(), p);
}

/// The original of the panic `msg` the current thread is raising again, taken.
pub fn take_relocated(msg: &str) -> Option<Panicked> {
    let mut r = RELOCATED.lock();
    let map = r.as_mut()?;
    let id = current_id();
    if map.get(&id).is_some_and(|p| p.msg == msg) {
        return map.remove(&id);
    }
    None
}

/// Where the panic `msg` of the current thread, raised in `fiber`, is reported: its
/// relocated place if it has one (taken), else the fiber's top user frame.
pub fn take_location(fiber: &Fiber, prog: &Program, msg: &str) -> Option<(String, usize, usize)> {
    match take_relocated(msg) {
        Some(p) if p.skip.is_empty() => p.loc,
        Some(p) => location_past(fiber, prog, &p.skip),
        None => crate::vm::panic::location(fiber, prog),
    }
}

/// The location of the top user frame once the top frames of the functions `skip` (by
/// name, or a path ending with `::name`) are passed.
fn location_past(fiber: &Fiber, prog: &Program, skip: &[String]) -> Option<(String, usize, usize)> {
    let named = |p: &crate::vm::bytecode::FuncProto| skip.iter().any(|s| p.name == *s || p.name.strip_suffix(s.as_str()).is_some_and(|h| h.ends_with("::")));
    for f in fiber.frames.iter().rev() {
        let Some(p) = prog.funcs.get(f.func as usize) else { continue };
        if p.source.name == "<prelude>" || named(p) {
            continue;
        }
        let span = p.span_at((f.pc as usize).saturating_sub(1));
        let (line, col) = p.source.line_col(span.lo);
        return Some((p.source.name.clone(), line, col));
    }
    crate::vm::panic::location(fiber, prog)
}

/// The current thread raises the panic `msg` on behalf of the caller of the functions
/// `skip` (see `Panicked::skip`).
pub fn relocate_past(msg: &str, skip: Vec<String>) {
    relocate(Panicked { msg: msg.to_string(), loc: None, is_str: false, skip });
}

/// Whether the payload of the relocated panic `msg` is a `&'static str`.
pub fn relocated_is_str(msg: &str) -> Option<bool> {
    let r = RELOCATED.lock();
    r.as_ref()?.get(&current_id()).filter(|p| p.msg == msg).map(|p| p.is_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relocation_is_per_thread_and_message() {
        relocate(Panicked { msg: "boom".into(), loc: Some(("a.rs".into(), 3, 5)), is_str: true, skip: Vec::new() });
        assert_eq!(relocated_is_str("boom"), Some(true));
        assert!(take_relocated("other").is_none());
        let p = take_relocated("boom");
        assert!(p.is_some_and(|p| p.loc == Some(("a.rs".into(), 3, 5))));
        assert!(take_relocated("boom").is_none());
    }

    #[test]
    fn a_child_waker_marks_the_child_and_wakes_the_poller() {
        let parent = Arc::new(ParentWaker::default());
        let c = Child::new(Value::Unit, &parent);
        assert!(c.runnable(Duration::ZERO), "a child never polled is runnable");
        let mut c = c;
        c.blocked = Some(Some(Duration::from_millis(5)));
        assert!(!c.runnable(Duration::from_millis(1)));
        assert!(c.runnable(Duration::from_millis(5)), "past its deadline");
        c.blocked = Some(None);
        c.waker.wake_by_ref();
        assert!(c.runnable(Duration::ZERO), "woken");
    }
}
