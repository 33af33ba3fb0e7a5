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
//! - A worker out of work looks again for a few tens of microseconds (`SPIN_ROUNDS`) before
//!   it parks: a spawning loop feeds it without a futex wake-up per task.
//! - Idle workers park on their own `Parker`; a push unparks one idle worker. The idle
//!   count is read without the lock (`idle_count`); the pusher and the parking worker each
//!   put a SeqCst fence between their store and their load (the pusher: push the task,
//!   fence, read the count; the worker: publish itself idle, fence, look at the queues), so
//!   either the pusher sees the idle worker or the worker sees the task.
//! - Locality (the ping-pong path): a task woken on a worker by the task running there goes
//!   to the worker's LIFO slot (`SLOT`), run as soon as the current task blocks or yields,
//!   without waking another worker (at most `MAX_SLOT_RUNS` in a row, then the FIFO deque
//!   goes first). A thread outside the pool whose fiber blocked (`async fn main` on the
//!   interpreter's thread, in `driver::drive`) *helps*: `help` runs queued tasks on it,
//!   one slice at a time, until its own fiber was woken; tasks woken from such a helping
//!   thread go to the helper slot (`helper_slot`, one atomic swap; the task it held moves to
//!   the helper deque, `helper`), both taken by idle workers at their next look, so two
//!   tasks handing values back and forth stay on one OS thread, with no futex and no lock.
//! - The hand-off costs few atomic read-modify-writes (each a full barrier): the waker a
//!   task runs with borrows the task (`run_task`: no count), a wake-up made on a thread that
//!   holds the task's pool (`HOME`) schedules it there without upgrading the task's weak
//!   reference, a helping thread keeps its pool for the whole `driver::drive` (`Helping`).
//! - The pool belongs to one `Run` (created on the first spawn of the run); workers hold the
//!   run weakly and exit once it is gone.
//!
//! Under the deterministic scheduler no pool exists: `spawn_task` makes the task a fiber of
//! the seeded scheduler, as threads are, so async programs replay exactly.

use super::driver;
use super::live_list::LiveList;
use super::run::{Run, RunHost};
use super::task_run::{new_fiber, recycle_fiber, RunCell, TaskRun};
use super::task_slot::TaskSlot;
use super::threads::{self, JoinSlot, ThreadInfo};
use crate::value::Value;
use crate::vm::{Ctx, Fault};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use crossbeam_utils::sync::{Parker, Unparker};
use parking_lot::Mutex;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::mem::ManuallyDrop;
use std::sync::atomic::{fence, AtomicU8, AtomicUsize, Ordering};
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

/// Tasks a worker runs from its LIFO slot in a row before it looks at its FIFO deque (two
/// tasks waking each other would otherwise starve the rest).
const MAX_SLOT_RUNS: u32 = 3;

/// Times a worker that ran out of work looks again before it parks. A task spawned or woken
/// from outside the pool (a spawning loop in `async fn main`) usually arrives within a few
/// microseconds; a worker still looking takes it without the futex wake-up and the context
/// switch that unparking costs on both sides (a pusher only unparks a worker that
/// announced itself idle: `wake_one`). The first rounds spin on the CPU, the later ones give
/// it up (`yield_now`), so a spinning worker does not starve the thread that feeds it on a
/// machine with few cores; all of them take some tens of microseconds. These rounds do not
/// steal from the helper deque: a task ping-ponging with `async fn main` is woken there
/// between two of main's blocking calls, and a spinning worker taking it would move the
/// hand-off across OS threads for good (every wake-up then a futex).
const SPIN_ROUNDS: u32 = 40;

/// Rounds of `SPIN_ROUNDS` that busy-wait (doubling from 1 to 64 `spin_loop`s) before the
/// rest yield the CPU.
const BUSY_ROUNDS: u32 = 7;

/// One round of waiting of a worker out of work (`round` from 0).
fn spin(round: u32) {
    if round < BUSY_ROUNDS {
        for _ in 0..(1u32 << round) {
            std::hint::spin_loop();
        }
    } else {
        std::thread::yield_now();
    }
}

/// What an OS thread is to the pool whose `Executor::id` is `ROLE.0`.
const ROLE_NONE: u8 = 0;
/// One of its workers.
const ROLE_WORKER: u8 = 1;
/// A thread outside the pool that helps while its own fiber is blocked (`help`).
const ROLE_HELPER: u8 = 2;

thread_local! {
    /// (pool id, role): where the wake-ups made on this thread go.
    static ROLE: Cell<(usize, u8)> = const { Cell::new((0, ROLE_NONE)) };
    /// A worker's LIFO slot: the task woken last on this worker.
    static SLOT: RefCell<Option<Arc<Task>>> = const { RefCell::new(None) };
    /// The pool this thread holds a strong reference to while it is set: a worker's (for
    /// its whole life, `worker_main`) or a helping thread's (`Helping`, while
    /// `driver::drive` runs). Null otherwise. `Task::wake_via` schedules through it.
    static HOME: Cell<*const Executor> = const { Cell::new(std::ptr::null()) };
}

const IDLE: u8 = 0;
const QUEUED: u8 = 1;
const RUNNING: u8 = 2;
const NOTIFIED: u8 = 3;
const DONE: u8 = 4;

/// One task: its fiber and body (`RunCell`), its join slot and its scheduling state.
pub struct Task {
    run: RunCell,
    slot: Arc<JoinSlot>,
    state: AtomicU8,
    /// The body is an `async` block's closure itself (`__spawn_direct`): no await point
    /// precedes it, so the task looks at its abort mark before it starts.
    direct: bool,
    exec: Weak<Executor>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.wake_via(true);
    }
}

impl Task {
    /// Make the task runnable. `local`: through `Executor::schedule` (a worker's LIFO slot,
    /// the helper deque); else straight to the injector (timers: the due tasks keep their
    /// deadline order).
    fn wake_via(self: &Arc<Self>, local: bool) {
        // Acquire/AcqRel: pair with `run_task`'s Release store of RUNNING and its AcqRel
        // CAS RUNNING -> IDLE: a wake either sees IDLE (and queues the task, whose fiber
        // the blocking run stored before that CAS) or turns RUNNING into NOTIFIED (which
        // that CAS then sees, and requeues).
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
            let home = HOME.get();
            if local && !home.is_null() && std::ptr::eq(home, self.exec.as_ptr()) {
                // SAFETY: `HOME` is non-null only while this thread holds a strong reference
                // to that pool (`worker_main`'s `exec`, `Helping`'s), so it is alive; and the
                // weak reference `self.exec` keeps its allocation, so an equal address is
                // the same pool.
                unsafe { &*home }.schedule(self.clone());
            } else if let Some(e) = self.exec.upgrade() {
                if local {
                    e.schedule(self.clone());
                } else {
                    e.push(self.clone());
                }
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
    /// `idle.len()`, written under the `idle` lock, read without it by `wake_one`.
    idle_count: AtomicUsize,
    /// The deque of the threads that help (`help`): tasks woken on them that the helper slot
    /// had no room for; its stealer is the last of `stealers`.
    helper: Mutex<Worker<Arc<Task>>>,
    /// The task woken last on a helping thread (see `schedule`); the task it held goes to
    /// `helper`, so `helper` then this slot is the order they were woken in.
    helper_slot: TaskSlot<Task>,
    /// `helper`'s length after the last push or pop under its lock (steals by workers are
    /// not counted, so it may be too high, never too low for this thread's own pushes): a
    /// helping thread skips the lock, and the deque's emptiness test and its SeqCst fence,
    /// when it is 0.
    helper_len: AtomicUsize,
    /// Entries in `timers` (read without the lock: workers skip the clock when 0).
    timer_count: AtomicUsize,
    /// (deadline, sequence, task): the blocked tasks with a deadline.
    timers: Mutex<BinaryHeap<Reverse<(Duration, u64, TimerTask)>>>,
    timer_seq: AtomicUsize,
    /// Unique in the process (never 0): `ROLE` names the pool by it.
    id: usize,
    /// The join slots of the tasks spawned (finished ones pruned now and then): what
    /// `live_tasks` cancels when `async fn main` returns. Lock-free on the spawning path.
    spawned: LiveList<JoinSlot>,
}

/// The last `Executor::id` given.
static POOL_IDS: AtomicUsize = AtomicUsize::new(0);

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

thread_local! {
    /// The last pool `Executor::of` returned on this thread, and its run (spawning loops
    /// skip the global lock).
    static LAST_POOL: RefCell<Option<(Weak<Run>, Weak<Executor>)>> = const { RefCell::new(None) };
}

impl Executor {
    /// The pool of `run`, started on first use.
    pub fn of(run: &Arc<Run>) -> Arc<Executor> {
        let cached = LAST_POOL.with(|c| match &*c.borrow() {
            // The weak `Run` pins its allocation: the same address is the same run.
            Some((r, e)) if std::ptr::eq(r.as_ptr(), Arc::as_ptr(run)) => e.upgrade(),
            _ => None,
        });
        if let Some(e) = cached {
            return e;
        }
        let e = Executor::of_locked(run);
        LAST_POOL.with(|c| *c.borrow_mut() = Some((Arc::downgrade(run), Arc::downgrade(&e))));
        e
    }

    /// The pool of `run` if it has one already.
    fn existing(run: &Arc<Run>) -> Option<Arc<Executor>> {
        let cached = LAST_POOL.with(|c| match &*c.borrow() {
            Some((r, e)) if std::ptr::eq(r.as_ptr(), Arc::as_ptr(run)) => e.upgrade(),
            _ => None,
        });
        if cached.is_some() {
            return cached;
        }
        let p = POOL.lock();
        match &*p {
            Some((r, e)) if std::ptr::eq(r.as_ptr(), Arc::as_ptr(run)) && r.strong_count() > 0 => Some(e.clone()),
            _ => None,
        }
    }

    fn of_locked(run: &Arc<Run>) -> Arc<Executor> {
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
        let helper = Worker::new_fifo();
        let mut stealers: Vec<Stealer<Arc<Task>>> = workers.iter().map(Worker::stealer).collect();
        stealers.push(helper.stealer());
        let exec = Arc::new(Executor {
            injector: Injector::new(),
            stealers,
            unparkers: parkers.iter().map(|p| p.unparker().clone()).collect(),
            idle: Mutex::new(Vec::new()),
            idle_count: AtomicUsize::new(0),
            helper: Mutex::new(helper),
            helper_slot: TaskSlot::default(),
            helper_len: AtomicUsize::new(0),
            timer_count: AtomicUsize::new(0),
            timers: Mutex::new(BinaryHeap::new()),
            timer_seq: AtomicUsize::new(0),
            // Relaxed: only uniqueness matters.
            id: POOL_IDS.fetch_add(1, Ordering::Relaxed) + 1,
            spawned: LiveList::new(),
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

    /// A task became runnable: on a worker it goes to the worker's LIFO slot (the running
    /// task is likely about to wait for it), on a helping thread to the helper slot, and
    /// elsewhere to the injector with an idle worker woken.
    fn schedule(&self, t: Arc<Task>) {
        let (home, role) = ROLE.get();
        if home == self.id {
            if role == ROLE_WORKER {
                let before = SLOT.with(|s| s.borrow_mut().replace(t));
                if let Some(b) = before {
                    self.push(b);
                }
                return;
            }
            if role == ROLE_HELPER {
                self.to_helper(t);
                return;
            }
        }
        self.push(t);
    }

    /// Queue `t` for the helping threads: in the helper slot, the task that was there behind
    /// the others in the helper deque (no worker woken: see "Locality" above).
    fn to_helper(&self, t: Arc<Task>) {
        if let Some(before) = self.helper_slot.put(t) {
            let h = self.helper.lock();
            h.push(before);
            // Relaxed: a hint (see `helper_len`); the deque's own atomics order its content.
            self.helper_len.store(h.len(), Ordering::Relaxed);
        }
    }

    /// The next task for a helping thread: the helper deque's oldest, then the helper slot,
    /// then the injector's.
    fn for_helper(&self) -> Option<Arc<Task>> {
        // Relaxed: see `helper_len`.
        let queued = if self.helper_len.load(Ordering::Relaxed) != 0 {
            let h = self.helper.lock();
            let t = h.pop();
            self.helper_len.store(h.len(), Ordering::Relaxed);
            t
        } else {
            None
        };
        queued.or_else(|| self.helper_slot.take()).or_else(|| loop {
            match self.injector.steal() {
                Steal::Success(t) => break Some(t),
                Steal::Retry => continue,
                Steal::Empty => break None,
            }
        })
    }

    fn wake_one(&self) {
        // SeqCst fence: pairs with the fence in `worker_main` between publishing a worker
        // idle and re-checking the queues: this thread's push (before the fence) is seen
        // by that check, or the worker's idle entry is seen by the load below.
        fence(Ordering::SeqCst);
        // Relaxed: ordered by the fence above (see there).
        if self.idle_count.load(Ordering::Relaxed) == 0 {
            return;
        }
        let i = {
            let mut idle = self.idle.lock();
            let i = idle.pop();
            // Relaxed: written under the `idle` lock; readers re-check under the lock.
            self.idle_count.store(idle.len(), Ordering::Relaxed);
            i
        };
        if let Some(u) = i.and_then(|i| self.unparkers.get(i)) {
            u.unpark();
        }
    }

    /// Mark worker `me` idle (`true`) or busy.
    fn set_idle(&self, me: usize, idle: bool) {
        let mut l = self.idle.lock();
        if idle {
            l.push(me);
        } else {
            l.retain(|&i| i != me);
        }
        // Relaxed: written under the lock; `wake_one` orders its read with a fence.
        self.idle_count.store(l.len(), Ordering::Relaxed);
    }

    /// Something to run is queued where a parking worker would not look locally.
    fn has_shared_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.last().is_some_and(|s| !s.is_empty()) || !self.helper_slot.is_empty()
    }

    /// Spawn `body` (a callable run as the task's first frame) as a task.
    pub fn spawn(self: &Arc<Self>, run: &Run, body: Value, direct: bool) -> Arc<JoinSlot> {
        let info = Arc::new(ThreadInfo::named(run.next_thread_id(), TASK_THREAD_NAME));
        let slot = Arc::new(JoinSlot::new(info));
        let t = Arc::new(Task { run: RunCell::new(body), slot: slot.clone(), state: AtomicU8::new(QUEUED), direct, exec: Arc::downgrade(self) });
        driver::live_threads_add(1);
        self.remember(&slot);
        self.push(t);
        slot
    }

    /// Keep `slot` for `live_tasks` (no lock; at each doubling of the list, the finished
    /// are dropped: `LiveList`).
    fn remember(&self, slot: &Arc<JoinSlot>) {
        self.spawned.push(slot, |s| !s.is_finished());
    }

    fn add_timer(&self, deadline: Duration, t: Arc<Task>) {
        let seq = self.timer_seq.fetch_add(1, Ordering::Relaxed) as u64;
        let earliest = {
            let mut h = self.timers.lock();
            let before = h.peek().map(|Reverse((d, _, _))| *d);
            h.push(Reverse((deadline, seq, TimerTask(t))));
            // Relaxed: a hint for `fire_timers` (a worker that misses it sees it on its next
            // loop; an idle one is woken below when this deadline is the earliest).
            self.timer_count.store(h.len(), Ordering::Relaxed);
            before.is_none_or(|b| deadline < b)
        };
        if earliest {
            // An idle worker may be parked for longer than this deadline.
            self.wake_one();
        }
    }

    /// Wake the tasks whose deadline passed; the time until the next deadline.
    fn fire_timers(&self, run: &Run) -> Option<Duration> {
        // Relaxed: see `add_timer`.
        if self.timer_count.load(Ordering::Relaxed) == 0 {
            return None;
        }
        let now = run.now();
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
            // Relaxed: see `add_timer`.
            self.timer_count.store(h.len(), Ordering::Relaxed);
            h.peek().map(|Reverse((d, _, _))| d.saturating_sub(now))
        };
        for t in due {
            t.wake_via(false);
        }
        next
    }

    /// The next task for worker `me`: its LIFO slot, its deque, the injector, then the other
    /// deques; the helper deque and slot only when `helper` (not while spinning: tasks woken
    /// on a helping thread stay there while it runs them, see `SPIN_ROUNDS`).
    fn find(&self, local: &Worker<Arc<Task>>, me: usize, slot_runs: &mut u32, helper: bool) -> Option<Arc<Task>> {
        if *slot_runs < MAX_SLOT_RUNS {
            if let Some(t) = SLOT.with(|s| s.borrow_mut().take()) {
                *slot_runs += 1;
                return Some(t);
            }
        } else if let Some(t) = SLOT.with(|s| s.borrow_mut().take()) {
            // Its turn is over: behind the tasks queued before it.
            local.push(t);
        }
        *slot_runs = 0;
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
            let i = (me + k) % n;
            if !helper && i + 1 == n {
                continue;
            }
            let Some(s) = self.stealers.get(i) else { continue };
            loop {
                match s.steal() {
                    Steal::Success(t) => return Some(t),
                    Steal::Retry => continue,
                    Steal::Empty => break,
                }
            }
        }
        if helper {
            return self.helper_slot.take();
        }
        None
    }
}

fn worker_main(exec: &Arc<Executor>, local: &Worker<Arc<Task>>, parker: &Parker, me: usize, run: &Weak<Run>) {
    ROLE.set((exec.id, ROLE_WORKER));
    // `exec` is held until this function returns, where `HOME` is cleared.
    HOME.set(Arc::as_ptr(exec));
    let mut slot_runs = 0;
    loop {
        let Some(run) = run.upgrade() else { break };
        let host = RunHost { run: run.clone() };
        let mut out = run.out.handle();
        let mut spins = 0;
        let next_timer = loop {
            let next = exec.fire_timers(&run);
            match exec.find(local, me, &mut slot_runs, spins == 0) {
                Some(t) => {
                    spins = 0;
                    run_task(exec, &t, &host, &mut out, Some(local));
                }
                // Out of work: look again a few times before parking (see `spin`).
                None if spins < SPIN_ROUNDS && !run.interrupt.load(Ordering::Relaxed) => {
                    spin(spins);
                    spins += 1;
                }
                None => break next,
            }
        };
        drop(out);
        drop(host);
        // Park: announce idleness, look once more (a push between `find` and here unparks
        // us: the token is kept), then sleep until a push, a timer or `TICK`.
        exec.set_idle(me, true);
        // SeqCst fence: pairs with the fence in `wake_one` (after a push): either that
        // pusher sees this worker idle, or this check sees its task.
        fence(Ordering::SeqCst);
        if exec.has_shared_work() {
            exec.set_idle(me, false);
            continue;
        }
        let t = next_timer.map_or(driver::TICK, |t| t.min(driver::TICK));
        drop(run);
        parker.park_timeout(t);
        exec.set_idle(me, false);
    }
    ROLE.set((0, ROLE_NONE));
    HOME.set(std::ptr::null());
    SLOT.with(|s| s.borrow_mut().take());
    super::task_run::clear_fiber_cache();
}

/// What a thread outside the pool keeps while `driver::drive` runs its fiber: the pool of
/// the run once it exists (looked up once, not at every `help`), published in `HOME` while
/// held (put back as it was when this is dropped).
#[derive(Default)]
pub struct Helping {
    pool: Option<Arc<Executor>>,
    /// The tasks' writer, made once.
    out: Option<super::out::OutHandle>,
    /// `HOME` before this set it.
    before: Option<*const Executor>,
}

impl std::fmt::Debug for Helping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Helping").field("pool", &self.pool.is_some()).finish()
    }
}

impl Drop for Helping {
    fn drop(&mut self) {
        if let Some(b) = self.before {
            HOME.set(b);
        }
    }
}

/// The fiber of a thread outside the pool blocked (`driver::drive`): run one queued task
/// for a slice on this thread instead of sleeping. `true` when it ran one (the caller runs
/// its own fiber again: its blocking call re-checks, a spurious wake-up being harmless);
/// `false` when there was nothing to run (the caller parks). Never under the deterministic
/// scheduler, and never starts a pool. `helping`: the caller's, kept across its calls.
pub fn help(host: &RunHost, helping: &mut Helping) -> bool {
    let run = &host.run;
    if run.det.is_some() {
        return false;
    }
    if helping.pool.is_none() {
        let Some(e) = Executor::existing(run) else { return false };
        if helping.before.is_none() {
            helping.before = Some(HOME.get());
        }
        // Held by `helping` until it is dropped, which puts `before` back.
        HOME.set(Arc::as_ptr(&e));
        helping.pool = Some(e);
    }
    let Some(exec) = &helping.pool else { return false };
    let (home, role) = ROLE.get();
    if role == ROLE_WORKER {
        return false;
    }
    if home != exec.id {
        ROLE.set((exec.id, ROLE_HELPER));
    }
    let Some(t) = exec.for_helper() else { return false };
    let out = helping.out.get_or_insert_with(|| run.out.handle());
    run_task(exec, &t, host, out, None);
    true
}

/// Run `t` for one slice on this worker.
/// `local`: the worker's deque (`None` on a helping thread: the helper slot).
fn run_task(exec: &Executor, t: &Arc<Task>, host: &RunHost, out: &mut super::out::OutHandle, local: Option<&Worker<Arc<Task>>>) {
    let run: &Run = &host.run;
    t.state.store(RUNNING, Ordering::Release);
    // The task's waker, borrowing `t` (no count taken; its clones take theirs).
    // SAFETY: the `Arc` made from `t`'s pointer owns no count of its own: it becomes the
    // waker's data, and the `ManuallyDrop` never drops it, so the count `t` holds is never
    // given back twice; `t` outlives `waker` (both end in this function), and the waker's
    // clones increment the count as any clone of an `Arc` waker does (std's `Wake` vtable).
    let waker = ManuallyDrop::new(Waker::from(unsafe { Arc::from_raw(Arc::as_ptr(t)) }));
    // SAFETY: this thread runs the task (popped from a queue, see `RunCell`); `guard` is
    // not used after the state transition that ends this run (each branch below ends its
    // use first).
    let guard: &mut TaskRun = unsafe { t.run.get() };
    let me = guard.thread.take().unwrap_or_else(|| t.slot.thread.clone());
    let before = threads::replace_current(Some(me));
    let body = guard.body.take();
    let fiber = guard.fiber.get_or_insert_with(new_fiber);
    let r = {
        let mut cx = Ctx { prog: &run.prog, out: &mut *out, interrupt: &run.interrupt, args: &run.args, host, waker: &waker, slice: Some(SLICE) };
        match body {
            // Aborted before its first poll: cancelled without running (tokio's behaviour;
            // `finish_thread` reports it as a cancelled `JoinError`). Its body (the `async`
            // block's closure) is dropped by that unwinding, so its captures drop as tokio
            // drops the future (`async_shutdown::cancelled_unstarted`).
            Some(f) if t.direct && crate::builtins::async_task::aborted(&t.slot.thread) => Err(crate::builtins::async_shutdown::cancelled_unstarted(fiber, f)),
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
            // The helper's own thread (or none) is current again; the task's handle waits
            // in `guard` for the next run.
            guard.thread = threads::replace_current(before);
            if let Some(d) = b.deadline {
                exec.add_timer(d, t.clone());
            }
            if t.state.compare_exchange(RUNNING, IDLE, Ordering::AcqRel, Ordering::Acquire).is_err() {
                // Woken while it ran: run it again.
                t.state.store(QUEUED, Ordering::Release);
                match local {
                    Some(l) => l.push(t.clone()),
                    None => exec.to_helper(t.clone()),
                }
            }
        }
        Err(Fault::Yield) if !run.interrupt.load(Ordering::Relaxed) => {
            guard.thread = threads::replace_current(before);
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
            if let Some(f) = guard.fiber.take() {
                recycle_fiber(f);
            }
            // The joiner is woken (`finish`) before the task stops counting as live: a
            // joiner that finds the count at 0 must find the result too, or its deadlock
            // check (`driver::drive`: blocked, no live thread) would report a false deadlock.
            t.slot.finish(end);
            driver::live_threads_add(-1);
            threads::set_current(before);
        }
    }
}

/// The tasks of `run`'s pool that have not finished (none when it has no pool): what the
/// end of `async fn main` cancels, as tokio's runtime drops its tasks when it shuts down.
pub fn live_tasks(run: &Arc<Run>) -> Vec<Arc<JoinSlot>> {
    let Some(e) = Executor::existing(run) else { return Vec::new() };
    e.spawned.snapshot(|s| !s.is_finished())
}

/// Spawn `body` (a callable: the task's first frame) as a task of the current run: on the
/// pool, or as a fiber of the deterministic scheduler.
/// `direct`: `body` is an `async` block's own closure (see `Task::direct`; never under the
/// deterministic scheduler, which `__spawn_direct` leaves the `move || fut.await` body).
pub fn spawn_task(host: &RunHost, body: Value, direct: bool) -> Arc<JoinSlot> {
    let run = &host.run;
    if let Some(det) = &run.det {
        let info = Arc::new(ThreadInfo::named(run.next_thread_id(), TASK_THREAD_NAME));
        let slot = Arc::new(JoinSlot::new(info));
        det.push_spawn(body, slot.clone());
        return slot;
    }
    Executor::of(run).spawn(run, body, direct)
}

#[cfg(test)]
#[path = "executor_tests.rs"]
mod tests;
