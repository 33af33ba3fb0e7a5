//! The async executor: a work-stealing pool of worker OS threads running tasks, each task a
//! fiber (see ARCHITECTURE.md, "Async: tasks are fibers").
//!
//! - Queues: one FIFO `crossbeam_deque::Worker` per worker thread, a global `Injector`
//!   (spawns and wake-ups land there) and every worker's `Stealer`: a worker pops its own
//!   deque, then steals a batch from the injector, then steals from the other workers.
//! - A task that returns `Fault::Blocked` is parked: the worker keeps nothing, the task keeps
//!   its fiber, and the task's `Waker` (the task itself, `Wake for Task`) pushes it back to the
//!   injector. A wake that comes while the task runs is remembered (`NOTIFIED`) and requeues
//!   it when it blocks, so no wake-up is lost. `Fault::Yield` (the time slice ran out)
//!   requeues it at the back of the injector.
//! - Timers: a blocked task with a deadline (`sleep`, timeouts) goes in a heap; workers fire
//!   the expired entries (a spurious wake-up is harmless: the blocking call re-checks) and
//!   park no longer than the earliest deadline.
//! - Idle workers park on their own `Parker`; a push unparks one idle worker.
//! - The pool belongs to one `Run` (created on the first spawn of the run); workers hold the
//!   run weakly and exit once it is gone.
//!
//! Under the deterministic scheduler no pool exists: `spawn_task` makes the task a fiber of
//! the seeded scheduler, as threads are, so async programs replay exactly.

use super::driver;
use super::run::{Run, RunHost};
use super::threads::{self, JoinSlot, ThreadInfo};
use crate::value::Value;
use crate::vm::fiber::Fiber;
use crate::vm::{Ctx, Fault};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use crossbeam_utils::sync::{Parker, Unparker};
use parking_lot::Mutex;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::task::{Wake, Waker};
use std::time::Duration;

/// The thread name of task panics (tokio's worker name: the same report as a tokio program).
pub const TASK_THREAD_NAME: &str = "tokio-runtime-worker";

/// Calls and backward jumps a task runs before it yields its worker.
const SLICE: u32 = 4000;

/// Worker count asked for with `teras run --workers N` (0: `available_parallelism`).
static WORKERS: AtomicUsize = AtomicUsize::new(0);

/// `--workers N`.
pub fn set_workers(n: usize) {
    WORKERS.store(n, Ordering::Relaxed);
}

/// The worker count a new pool gets.
pub fn worker_count() -> usize {
    match WORKERS.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

const IDLE: u8 = 0;
const QUEUED: u8 = 1;
const RUNNING: u8 = 2;
const NOTIFIED: u8 = 3;
const DONE: u8 = 4;

/// One task: its fiber (absent while it has not started or after it ended), its join slot
/// and its scheduling state.
pub struct Task {
    fiber: Mutex<Option<Fiber>>,
    /// The future's body (`move || fut.await`), until the task starts.
    body: Mutex<Option<Value>>,
    slot: Arc<JoinSlot>,
    state: AtomicU8,
    exec: Weak<Executor>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let mut s = self.state.load(Ordering::Acquire);
        loop {
            let next = match s {
                IDLE => QUEUED,
                RUNNING => NOTIFIED,
                _ => return,
            };
            match self.state.compare_exchange_weak(s, next, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => break,
                Err(now) => s = now,
            }
        }
        if s == IDLE {
            if let Some(e) = self.exec.upgrade() {
                e.push(self.clone());
            }
        }
    }
}

/// The pool of one run.
pub struct Executor {
    injector: Injector<Arc<Task>>,
    stealers: Vec<Stealer<Arc<Task>>>,
    unparkers: Vec<Unparker>,
    /// Indices of parked workers.
    idle: Mutex<Vec<usize>>,
    /// (deadline, sequence, task): the blocked tasks with a deadline.
    timers: Mutex<BinaryHeap<Reverse<(Duration, u64, TimerTask)>>>,
    timer_seq: AtomicUsize,
    /// Tasks spawned and not finished.
    pub live: AtomicUsize,
}

/// A task in the timer heap (ordered by deadline and sequence only).
struct TimerTask(Arc<Task>);

impl PartialEq for TimerTask {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for TimerTask {}
impl PartialOrd for TimerTask {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for TimerTask {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl std::fmt::Debug for Executor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Executor").field("workers", &self.stealers.len()).finish()
    }
}

/// The pool of the current run (one per process at a time: a new run replaces it).
static POOL: Mutex<Option<(Weak<Run>, Arc<Executor>)>> = Mutex::new(None);

impl Executor {
    /// The pool of `run`, started on first use.
    pub fn of(run: &Arc<Run>) -> Arc<Executor> {
        let mut p = POOL.lock();
        if let Some((r, e)) = &*p {
            if r.upgrade().is_some_and(|r| Arc::ptr_eq(&r, run)) {
                return e.clone();
            }
        }
        let e = Executor::start(run, worker_count());
        *p = Some((Arc::downgrade(run), e.clone()));
        e
    }

    fn start(run: &Arc<Run>, n: usize) -> Arc<Executor> {
        crate::heap::set_threaded();
        let n = n.max(1);
        let workers: Vec<Worker<Arc<Task>>> = (0..n).map(|_| Worker::new_fifo()).collect();
        let parkers: Vec<Parker> = (0..n).map(|_| Parker::new()).collect();
        let exec = Arc::new(Executor {
            injector: Injector::new(),
            stealers: workers.iter().map(Worker::stealer).collect(),
            unparkers: parkers.iter().map(|p| p.unparker().clone()).collect(),
            idle: Mutex::new(Vec::new()),
            timers: Mutex::new(BinaryHeap::new()),
            timer_seq: AtomicUsize::new(0),
            live: AtomicUsize::new(0),
        });
        for (i, (w, p)) in workers.into_iter().zip(parkers).enumerate() {
            let e = exec.clone();
            let r = Arc::downgrade(run);
            let spawned = std::thread::Builder::new().name(format!("teras-worker-{i}")).stack_size(driver::SPAWN_STACK).spawn(move || worker_main(&e, &w, &p, i, &r));
            if spawned.is_err() && i == 0 {
                // Not even one worker: tasks would never run. Leave it to the spawner's
                // join, which then reports the deadlock instead of hanging forever.
                break;
            }
        }
        exec
    }

    /// Queue a runnable task and wake an idle worker.
    fn push(&self, t: Arc<Task>) {
        self.injector.push(t);
        self.wake_one();
    }

    fn wake_one(&self) {
        let i = self.idle.lock().pop();
        if let Some(u) = i.and_then(|i| self.unparkers.get(i)) {
            u.unpark();
        }
    }

    /// Spawn `body` (a callable run as the task's first frame) as a task.
    pub fn spawn(self: &Arc<Self>, run: &Run, body: Value) -> Arc<JoinSlot> {
        let info = Arc::new(ThreadInfo::new(run.next_thread_id(), Some(TASK_THREAD_NAME.into())));
        let slot = Arc::new(JoinSlot::new(info));
        let t = Arc::new(Task { fiber: Mutex::new(None), body: Mutex::new(Some(body)), slot: slot.clone(), state: AtomicU8::new(QUEUED), exec: Arc::downgrade(self) });
        self.live.fetch_add(1, Ordering::SeqCst);
        driver::live_threads_add(1);
        self.push(t);
        slot
    }

    fn add_timer(&self, deadline: Duration, t: Arc<Task>) {
        let seq = self.timer_seq.fetch_add(1, Ordering::Relaxed) as u64;
        let earliest = {
            let mut h = self.timers.lock();
            let before = h.peek().map(|Reverse((d, _, _))| *d);
            h.push(Reverse((deadline, seq, TimerTask(t))));
            before.is_none_or(|b| deadline < b)
        };
        if earliest {
            // An idle worker may be parked for longer than this deadline.
            self.wake_one();
        }
    }

    /// Wake the tasks whose deadline passed; the time until the next deadline.
    fn fire_timers(&self, now: Duration) -> Option<Duration> {
        let mut due = Vec::new();
        let next = {
            let Some(mut h) = self.timers.try_lock() else { return Some(Duration::from_millis(1)) };
            while let Some(Reverse((d, _, _))) = h.peek() {
                if *d > now {
                    break;
                }
                if let Some(Reverse((_, _, t))) = h.pop() {
                    due.push(t.0);
                }
            }
            h.peek().map(|Reverse((d, _, _))| d.saturating_sub(now))
        };
        for t in due {
            t.wake_by_ref();
        }
        next
    }

    fn find(&self, local: &Worker<Arc<Task>>, me: usize) -> Option<Arc<Task>> {
        if let Some(t) = local.pop() {
            return Some(t);
        }
        loop {
            match self.injector.steal_batch_and_pop(local) {
                Steal::Success(t) => return Some(t),
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
        let n = self.stealers.len();
        for k in 1..n {
            let Some(s) = self.stealers.get((me + k) % n) else { continue };
            loop {
                match s.steal() {
                    Steal::Success(t) => return Some(t),
                    Steal::Retry => continue,
                    Steal::Empty => break,
                }
            }
        }
        None
    }
}

fn worker_main(exec: &Arc<Executor>, local: &Worker<Arc<Task>>, parker: &Parker, me: usize, run: &Weak<Run>) {
    loop {
        let Some(run) = run.upgrade() else { return };
        let host = RunHost { run: run.clone() };
        let mut out = run.out.handle();
        let next_timer = loop {
            let next = exec.fire_timers(run.now());
            match exec.find(local, me) {
                Some(t) => run_task(exec, &t, &host, &mut out, local),
                None => break next,
            }
        };
        drop(out);
        drop(host);
        // Park: announce idleness, look once more (a push between `find` and here unparks
        // us: the token is kept), then sleep until a push, a timer or `TICK`.
        exec.idle.lock().push(me);
        if !exec.injector.is_empty() {
            exec.idle.lock().retain(|&i| i != me);
            continue;
        }
        let t = next_timer.map_or(driver::TICK, |t| t.min(driver::TICK));
        drop(run);
        parker.park_timeout(t);
        exec.idle.lock().retain(|&i| i != me);
    }
}

/// Run `t` for one slice on this worker.
fn run_task(exec: &Arc<Executor>, t: &Arc<Task>, host: &RunHost, out: &mut super::out::OutHandle, local: &Worker<Arc<Task>>) {
    let run: &Run = &host.run;
    t.state.store(RUNNING, Ordering::Release);
    let waker = Waker::from(t.clone());
    threads::set_current(Some(t.slot.thread.clone()));
    let mut guard = t.fiber.lock();
    let fiber = guard.get_or_insert_with(|| Fiber { stack: Vec::with_capacity(16), frames: Vec::with_capacity(4), ..Fiber::default() });
    let body = t.body.lock().take();
    let r = {
        let mut cx = Ctx { prog: &run.prog, out: &mut *out, interrupt: &run.interrupt, args: &run.args, host, waker: &waker, slice: Some(SLICE) };
        match body {
            Some(f) => match driver::start(fiber, &mut cx, &f) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => crate::vm::run(fiber, &mut cx),
                Err(e) => Err(e),
            },
            None => crate::vm::run(fiber, &mut cx),
        }
    };
    match r {
        Err(Fault::Blocked(b)) if !run.interrupt.load(Ordering::Relaxed) => {
            drop(guard);
            if let Some(d) = b.deadline {
                exec.add_timer(d, t.clone());
            }
            if t.state.compare_exchange(RUNNING, IDLE, Ordering::AcqRel, Ordering::Acquire).is_err() {
                // Woken while it ran: run it again.
                t.state.store(QUEUED, Ordering::Release);
                local.push(t.clone());
            }
        }
        Err(Fault::Yield) if !run.interrupt.load(Ordering::Relaxed) => {
            drop(guard);
            t.state.store(QUEUED, Ordering::Release);
            exec.injector.push(t.clone());
        }
        r => {
            let r = match r {
                Err(Fault::Blocked(_) | Fault::Yield) => Err(Fault::Interrupted),
                r => r,
            };
            t.state.store(DONE, Ordering::Release);
            let end = driver::finish_thread(fiber, host, out, &waker, &t.slot.thread, r);
            // The captures die before the joiner sees the result.
            *guard = None;
            drop(guard);
            exec.live.fetch_sub(1, Ordering::SeqCst);
            driver::live_threads_add(-1);
            t.slot.finish(end);
        }
    }
    threads::set_current(None);
}

/// Spawn `body` (a callable: the task's first frame) as a task of the current run: on the
/// pool, or as a fiber of the deterministic scheduler.
pub fn spawn_task(host: &RunHost, body: Value) -> Arc<JoinSlot> {
    let run = &host.run;
    if let Some(det) = &run.det {
        let info = Arc::new(ThreadInfo::new(run.next_thread_id(), Some(TASK_THREAD_NAME.into())));
        let slot = Arc::new(JoinSlot::new(info));
        det.push_spawn(body, slot.clone());
        return slot;
    }
    Executor::of(run).spawn(run, body)
}

#[cfg(test)]
#[path = "executor_tests.rs"]
mod tests;
