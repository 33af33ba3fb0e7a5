//! The deterministic scheduler (`teras run --deterministic --seed N`): every TERAS thread is
//! a fiber on the calling OS thread, and a PRNG seeded with N chooses which ready fiber runs
//! next and how long its slice is (`Ctx::slice`, 50 to 199 calls and backward jumps). The
//! same seed gives the same interleaving, so the same output, byte for byte.
//!
//! - Blocking: a fiber that returns `Fault::Blocked` is marked blocked with its `Blocked`
//!   (what, deadline). Its waker sets a flag; the scheduler makes it ready again when the
//!   flag is set (a wake that arrived while the fiber was still running counts: the flag is
//!   cleared only before the fiber runs) or its deadline passed.
//! - Virtual time: `Host::now` is a clock that advances 10 ns per call or backward jump run,
//!   and, when no fiber is ready but some wait with a deadline (`sleep`, `*_timeout`), jumps
//!   straight to the earliest deadline. A program that sleeps for minutes ends at once.
//! - Deadlock: when every fiber is blocked with no deadline, the scheduler prints a report
//!   to stderr naming each thread, what it waits on and where, and the run ends with exit
//!   code 101.
//! - When `main` returns the run ends, as a Rust process does, whatever the other fibers do.

use super::driver;
use super::out::OutHandle;
use super::run::RunHost;
use super::threads::{self, JoinSlot, ThreadInfo};
use super::Host;
use crate::value::Value;
use crate::vm::fiber::Fiber;
use crate::vm::{Ctx, Fault};
use parking_lot::Mutex;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};
use std::time::Duration;
use teras_stdlib::sched::Blocked;

/// Virtual nanoseconds per call or backward jump executed.
const NS_PER_STEP: u64 = 10;
/// Slice lengths, in calls and backward jumps.
const SLICE: std::ops::Range<u32> = 50..200;

/// The scheduler state natives reach through the host: the clock and the new fibers.
pub struct Shared {
    pub seed: u64,
    clock_ns: AtomicU64,
    spawned: Mutex<Vec<(Value, Arc<JoinSlot>)>>,
    /// Every thread and task spawned (finished ones pruned at each doubling): the tasks still
    /// running are what the end of `async fn main` cancels (`live_tasks`).
    all: Mutex<Vec<std::sync::Weak<JoinSlot>>>,
    /// The other fibers when `main` panicked: the end of the run cancels the async tasks
    /// among them and runs them to their ends (`shutdown_after_main_panic`), as the pool
    /// does when tokio's runtime is dropped during the panic.
    left: Mutex<Vec<Task>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("det::Shared").field("seed", &self.seed).finish()
    }
}

impl Shared {
    pub fn new(seed: u64) -> Shared {
        Shared { seed, clock_ns: AtomicU64::new(0), spawned: Mutex::new(Vec::new()), all: Mutex::new(Vec::new()), left: Mutex::new(Vec::new()) }
    }

    /// The virtual clock.
    pub fn now(&self) -> Duration {
        Duration::from_nanos(self.clock_ns.load(Ordering::Relaxed))
    }

    fn advance_to(&self, t: Duration) {
        let ns = u64::try_from(t.as_nanos()).unwrap_or(u64::MAX);
        self.clock_ns.fetch_max(ns, Ordering::Relaxed);
    }

    fn advance_by(&self, ns: u64) {
        let _ = self.clock_ns.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |c| Some(c.saturating_add(ns)));
    }

    /// A thread was spawned: the scheduler adopts it after the current slice.
    pub fn push_spawn(&self, f: Value, slot: Arc<JoinSlot>) {
        {
            let mut all = self.all.lock();
            if all.len() >= 64 && all.len().is_power_of_two() {
                all.retain(|w| w.upgrade().is_some_and(|s| !s.is_finished()));
            }
            all.push(Arc::downgrade(&slot));
        }
        self.spawned.lock().push((f, slot));
    }

    /// The async tasks (threads named `executor::TASK_THREAD_NAME`) not finished yet, in
    /// spawn order: what the end of `async fn main` cancels under this scheduler.
    pub fn live_tasks(&self) -> Vec<Arc<JoinSlot>> {
        let all = self.all.lock();
        all.iter()
            .filter_map(std::sync::Weak::upgrade)
            .filter(|s| !s.is_finished() && s.thread.name.as_deref() == Some(super::executor::TASK_THREAD_NAME))
            .collect()
    }
}

/// A fiber's wake-up flag.
struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

enum State {
    Ready,
    Blocked(Blocked),
    /// `main` returned (only when other fibers are drained after it).
    Done,
}

struct Task {
    fiber: Fiber,
    info: Arc<ThreadInfo>,
    /// `None` for `main`.
    slot: Option<Arc<JoinSlot>>,
    flag: Arc<Flag>,
    waker: Waker,
    state: State,
    /// An async task's body until the task first runs: a task cancelled before that (at
    /// the end of `async fn main`) drops it, with what its future captured, instead of
    /// running (`unstarted_cancel`).
    body: Option<Value>,
}

impl Task {
    fn new(fiber: Fiber, info: Arc<ThreadInfo>, slot: Option<Arc<JoinSlot>>) -> Task {
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let waker = Waker::from(flag.clone());
        Task { fiber, info, slot, flag, waker, state: State::Ready, body: None }
    }
}

/// How a deterministic run ended.
#[derive(Debug)]
pub enum End {
    /// `main`'s fiber ended (its fiber is back in the caller's `Fiber`).
    Main(Result<Value, Fault>),
    /// Some thread called `process::exit`.
    Exit(i32),
    /// Every fiber was blocked for good; the report was printed.
    Deadlock,
}

/// Run `main` (frames already pushed) and every thread it spawns to the end of `main`.
/// `drain` (REPL inputs): after `main` returns, go on running the other fibers until each
/// has finished or blocked for good, since no process exit ends them.
pub fn run(main: &mut Fiber, host: &RunHost, out: &mut OutHandle, drain: bool) -> End {
    let Some(shared) = host.run.det.as_ref() else {
        return End::Main(Err(Fault::Panic("internal error: deterministic run without a scheduler".into())));
    };
    let mut rng = fastrand::Rng::with_seed(shared.seed);
    let mut tasks = vec![Task::new(std::mem::take(main), host.run.main_thread.clone(), None)];
    let end = schedule(&mut tasks, &mut rng, shared, host, out, Until::Main { drain });
    if matches!(end, End::Main(Err(Fault::Panic(_)))) {
        shared.left.lock().extend(tasks.drain(1..));
    }
    if let Some(t) = tasks.first_mut() {
        *main = std::mem::take(&mut t.fiber);
    }
    threads::set_current(Some(host.run.main_thread.clone()));
    end
}

/// `main` panicked and was unwound: tokio's runtime dies with the panic, and the tasks still
/// spawned with it. The async tasks among the fibers left (`Shared::left`) are cancelled and
/// scheduled (with a seed of their own) until each has unwound at its await point, its
/// `Drop` impls run, or `SHUTDOWN_STEPS` of virtual time passed (a task that never awaits
/// again does not keep the run alive); plain threads run meanwhile, as on the pool.
pub fn shutdown_after_main_panic(host: &RunHost, out: &mut OutHandle) {
    let Some(shared) = host.run.det.as_ref() else { return };
    let left: Vec<Task> = std::mem::take(&mut *shared.left.lock());
    let cancel = shared.live_tasks();
    if left.is_empty() || cancel.is_empty() {
        return;
    }
    for t in &cancel {
        crate::builtins::async_task::abort_slot(t);
    }
    let mut tasks = Vec::with_capacity(left.len() + 1);
    let mut main = Task::new(Fiber::new(), host.run.main_thread.clone(), None);
    main.state = State::Done;
    tasks.push(main);
    tasks.extend(left);
    let mut rng = fastrand::Rng::with_seed(shared.seed ^ 0x5eed_0f57);
    let deadline = shared.now() + Duration::from_nanos(SHUTDOWN_STEPS * NS_PER_STEP);
    let _ = schedule(&mut tasks, &mut rng, shared, host, out, Until::Finished { slots: cancel, deadline });
    threads::set_current(Some(host.run.main_thread.clone()));
}

/// How long the shutdown after a panicking `main` runs the cancelled tasks at most, in
/// calls and backward jumps (10 ms of virtual time).
const SHUTDOWN_STEPS: u64 = 1_000_000;

/// When `schedule` stops.
enum Until {
    /// When `main` (task 0) ends; `drain`: then when every other fiber finished or blocked
    /// for good (REPL inputs).
    Main { drain: bool },
    /// When every slot finished, every fiber is blocked for good, or the virtual clock
    /// passed `deadline` (task 0 is a finished `main`: `shutdown_after_main_panic`).
    Finished { slots: Vec<Arc<JoinSlot>>, deadline: Duration },
}

fn schedule(tasks: &mut Vec<Task>, rng: &mut fastrand::Rng, shared: &Shared, host: &RunHost, out: &mut OutHandle, until: Until) -> End {
    let run = &*host.run;
    let drain = matches!(until, Until::Main { drain: true });
    let mut main_result: Option<Result<Value, Fault>> = None;
    if let Until::Finished { .. } = until {
        main_result = Some(Ok(Value::Unit));
    }
    loop {
        if let Until::Finished { slots, deadline } = &until {
            if slots.iter().all(|s| s.is_finished()) || shared.now() > *deadline {
                return End::Main(Ok(Value::Unit));
            }
        }
        adopt(tasks, shared, host, out);
        // crossbeam timers due on the virtual clock deliver (waking their receivers).
        crate::builtins::chan_timer::fire(host);
        if run.interrupt.load(Ordering::Relaxed) {
            return match run.exit_requested() {
                Some(c) => End::Exit(c),
                None => End::Main(Err(Fault::Interrupted)),
            };
        }
        let now = shared.now();
        for t in tasks.iter_mut() {
            if let State::Blocked(b) = &t.state {
                if t.flag.0.load(Ordering::SeqCst) || b.deadline.is_some_and(|d| d <= now) {
                    t.state = State::Ready;
                }
            }
        }
        let ready: Vec<usize> = tasks.iter().enumerate().filter(|(_, t)| matches!(t.state, State::Ready)).map(|(i, _)| i).collect();
        if ready.is_empty() {
            let next = tasks
                .iter()
                .filter_map(|t| match &t.state {
                    State::Blocked(b) => b.deadline,
                    State::Ready | State::Done => None,
                })
                .chain(run.timers.next_deadline())
                .min();
            match next {
                Some(d) => {
                    shared.advance_to(d);
                    continue;
                }
                None => {
                    if let Some(r) = main_result.take() {
                        // Drained: what is left waits forever; the input is over anyway.
                        return End::Main(r);
                    }
                    report_deadlock(tasks, host);
                    return End::Deadlock;
                }
            }
        }
        let i = ready[rng.usize(..ready.len())];
        let slice = rng.u32(SLICE);
        let Some(t) = tasks.get_mut(i) else { continue };
        t.flag.0.store(false, Ordering::SeqCst);
        threads::set_current(Some(t.info.clone()));
        let (r, left) = match unstarted_cancel(t) {
            Some(cancelled) => (Err(cancelled), slice),
            None => {
                let mut cx = Ctx { prog: &run.prog, out: &mut *out, interrupt: &run.interrupt, args: &run.args, host, waker: &t.waker, slice: Some(slice) };
                let r = crate::vm::run(&mut t.fiber, &mut cx);
                (r, cx.slice.unwrap_or(0))
            }
        };
        shared.advance_by(u64::from(slice.saturating_sub(left)) * NS_PER_STEP);
        match r {
            Err(Fault::Yield) => t.state = State::Ready,
            Err(Fault::Blocked(b)) => {
                t.state = if t.flag.0.load(Ordering::SeqCst) { State::Ready } else { State::Blocked(b) };
            }
            Err(Fault::Exit(c)) => return End::Exit(c),
            r if i == 0 && !drain => return End::Main(r),
            r if i == 0 => {
                if r.is_err() {
                    return End::Main(r);
                }
                t.state = State::Done;
                main_result = Some(r);
            }
            r => {
                let mut t = tasks.remove(i);
                let end = driver::finish_thread(&mut t.fiber, host, out, &t.waker, &t.info, r);
                crate::builtins::thread_local::drop_thread_values(&mut t.fiber, host, out, &t.waker, &t.info);
                if let Some(c) = run.exit_requested() {
                    return End::Exit(c);
                }
                // The captures die before `join` sees the result (see `driver`).
                let slot = t.slot.take();
                drop(t);
                if let Some(s) = slot {
                    s.finish(end);
                }
            }
        }
    }
}

/// Make fibers of the threads spawned since the last look, in spawn order.
fn adopt(tasks: &mut Vec<Task>, shared: &Shared, host: &RunHost, out: &mut OutHandle) {
    let new: Vec<(Value, Arc<JoinSlot>)> = std::mem::take(&mut *shared.spawned.lock());
    let run = &*host.run;
    for (f, slot) in new {
        let mut task = Task::new(crate::vm::fiber::Fiber::new(), slot.thread.clone(), Some(slot.clone()));
        if crate::builtins::async_task::aborted(&slot.thread) {
            // A task cancelled before it started (the end of `async fn main`): its body is
            // dropped, with what its future captured, and it never runs.
            let cancelled = crate::builtins::async_shutdown::cancelled_unstarted(&mut task.fiber, f);
            let end = driver::finish_thread(&mut task.fiber, host, out, &task.waker, &task.info, Err(cancelled));
            drop(task);
            slot.finish(end);
            continue;
        }
        let started = {
            let mut cx = Ctx { prog: &run.prog, out: &mut *out, interrupt: &run.interrupt, args: &run.args, host, waker: &task.waker, slice: None };
            driver::start(&mut task.fiber, &mut cx, &f)
        };
        match started {
            Ok(None) => {
                if slot.thread.name.as_deref() == Some(super::executor::TASK_THREAD_NAME) {
                    task.body = Some(f);
                }
                tasks.push(task);
            }
            Ok(Some(v)) => {
                drop(task);
                slot.finish(Ok(v));
            }
            Err(e) => {
                let end = driver::finish_thread(&mut task.fiber, host, out, &task.waker, &task.info, Err(e));
                drop(task);
                slot.finish(end);
            }
        }
    }
}

/// A task about to run for the first time: when it was cancelled since it was adopted, its
/// frames are let go and its body becomes drop work (`async_shutdown::cancelled_unstarted`),
/// and the cancellation is returned, to be finished like any end of a thread.
fn unstarted_cancel(t: &mut Task) -> Option<Fault> {
    let body = t.body.take()?;
    if !crate::builtins::async_task::aborted(&t.info) {
        return None;
    }
    t.fiber = Fiber::new();
    Some(crate::builtins::async_shutdown::cancelled_unstarted(&mut t.fiber, body))
}

/// The deadlock report: every thread, what it waits on, and where.
fn report_deadlock(tasks: &[Task], host: &RunHost) {
    let run = &*host.run;
    run.out.flush();
    let seed = run.det.as_ref().map_or(0, |d| d.seed);
    let mut s = format!("deadlock: every thread is blocked (deterministic scheduler, seed {seed})\n");
    for t in tasks {
        let what = match &t.state {
            State::Blocked(b) => b.what.clone(),
            State::Ready | State::Done => "nothing".into(),
        };
        let at = crate::vm::panic::blocked_location(&t.fiber, &run.prog).map_or_else(|| "<unknown>".to_string(), |(f, l, c)| format!("{f}:{l}:{c}"));
        s.push_str(&format!("  thread '{}' (ThreadId({})) waits on `{}` at {}\n", t.info.display_name(), t.info.id, what, at));
    }
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// The seed of a deterministic host, `None` for other hosts.
pub fn seed_of(host: &dyn Host) -> Option<u64> {
    host.as_any().downcast_ref::<RunHost>().and_then(|h| h.run.det.as_ref().map(|d| d.seed))
}
