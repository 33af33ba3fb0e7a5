//! What the thread running an executor task holds (`TaskRun`: its fiber, its body until it
//! starts, its `ThreadInfo` handle) in a cell without a lock (`RunCell`), and the per-thread
//! cache of finished tasks' fibers.

use super::threads::ThreadInfo;
use crate::value::Value;
use crate::vm::fiber::Fiber;
use std::cell::{RefCell, UnsafeCell};
use std::sync::Arc;

/// Finished tasks' fibers kept per OS thread for the next tasks (their buffers reused).
const FIBER_CACHE: usize = 64;

thread_local! {
    /// Cleared fibers of finished tasks (see `FIBER_CACHE`).
    static FIBERS: RefCell<Vec<Fiber>> = const { RefCell::new(Vec::new()) };
}

/// A fiber for a starting task: a cached one or a new one.
pub(super) fn new_fiber() -> Fiber {
    FIBERS.with(|c| c.borrow_mut().pop()).unwrap_or_else(|| Fiber { stack: Vec::with_capacity(16), frames: Vec::with_capacity(4), ..Fiber::default() })
}

/// Clear a finished task's fiber (its values die here, before the joiner is told) and keep
/// it for the next task, unless it grew large. A kept fiber keeps its registers, reset to
/// `Unit`: the next task's frames then fit without growing the register stack (registers
/// are written before they are read, so stale `Unit`s are never seen).
pub(super) fn recycle_fiber(mut f: Fiber) {
    let registers = f.stack.len();
    f.clear();
    if registers <= 256 {
        f.stack.resize(registers, Value::Unit);
    }
    if f.stack.capacity() <= 256 && f.frames.capacity() <= 32 {
        FIBERS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() < FIBER_CACHE {
                c.push(f);
            }
        });
    }
}

/// What the thread running a task holds.
pub(super) struct TaskRun {
    /// Absent while the task has not started or after it ended.
    pub(super) fiber: Option<Fiber>,
    /// The future's body (`move || fut.await`), until the task starts.
    pub(super) body: Option<Value>,
    /// A handle of the task's `ThreadInfo` (its join slot's), made at its first run: the
    /// current thread (`threads::replace_current`) while it runs, kept here between runs,
    /// so that a run touches no count of it (two locked instructions per hand-off).
    pub(super) thread: Option<Arc<ThreadInfo>>,
}

/// The task's `TaskRun`, reached only by the thread running the task, without a lock: the
/// state machine (`Task::state`) already makes one runner at a time. A task is run
/// (`run_task`) only when popped from a queue (a worker's slot or deque, the injector, the
/// helper slot or deque), and a task is in at most one of them at a time: it is pushed at
/// its spawn, by the wake that turns IDLE into QUEUED, and by the end of a run that found it
/// NOTIFIED or yielded, each one push; a wake that finds it QUEUED, NOTIFIED or DONE pushes
/// nothing.
pub(super) struct RunCell(UnsafeCell<TaskRun>);

// SAFETY: at most one thread reaches the `TaskRun` at a time (above), and a run hands it to
// the next with a Release/Acquire chain: `run_task` ends its use of it before the state
// transition that ends the run (the AcqRel CAS RUNNING -> IDLE, whose successful wake then
// queues it; the Acquire of a failed CAS on NOTIFIED or a yield, followed by the store of
// QUEUED and the push), and the queue's push and pop synchronise (crossbeam's deques and
// injector, the helper slot's swap), so the previous run's accesses happen before the next
// one's. A finished task (DONE) is never run again; its `TaskRun` is dropped with the last
// `Arc<Task>`. `TaskRun` is `Send` (it moves between threads with the task), as the
// `Mutex<TaskRun>` it replaces required.
unsafe impl Sync for RunCell {}

impl RunCell {
    /// A task's cell before its first run.
    pub(super) fn new(body: Value) -> RunCell {
        RunCell(UnsafeCell::new(TaskRun { fiber: None, body: Some(body), thread: None }))
    }

    /// The task's `TaskRun`.
    ///
    /// # Safety
    /// Only the thread running the task may call it (`run_task`, for a task it popped from a
    /// queue), and it must end its use of the reference before the state transition that
    /// ends the run (see the type).
    #[allow(clippy::mut_from_ref)]
    pub(super) unsafe fn get(&self) -> &mut TaskRun {
        // SAFETY: the caller is the task's only runner (the contract above), so no other
        // reference to the `TaskRun` exists while this one is used.
        unsafe { &mut *self.0.get() }
    }
}

/// Drop this thread's cached fibers (a worker that exits).
pub(super) fn clear_fiber_cache() {
    FIBERS.with(|c| c.borrow_mut().clear());
}
