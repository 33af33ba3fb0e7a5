//! `Run`: what every thread of one run shares (the program, stdout, the interrupt flag, the
//! thread-id counter, the clock), and `RunHost`, the one `Host` all of them see.
//!
//! A run is `teras run`'s whole program, or one REPL input (or one static initializer).
//! Under the deterministic scheduler the run also holds the scheduler's shared state
//! (`det::Shared`): the virtual clock and the fibers spawned but not yet adopted.

use super::det;
use super::out::SharedOut;
use super::threads::ThreadInfo;
use super::Host;
use crate::vm::program::Program;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the fibers of a run are scheduled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Schedule {
    /// Every thread on its own OS thread, truly parallel, on the real clock.
    #[default]
    Threads,
    /// Every thread a fiber on the calling OS thread, chosen by a PRNG with this seed, on a
    /// virtual clock (`teras run --deterministic --seed N`).
    Deterministic(u64),
}

/// The state shared by the threads of a run.
pub struct Run {
    pub prog: Arc<Program>,
    pub out: SharedOut,
    /// Ctrl-C in the REPL; also set when a spawned thread calls `process::exit`.
    pub interrupt: Arc<AtomicBool>,
    pub args: Arc<Vec<String>>,
    /// `RUST_BACKTRACE=1`.
    pub backtrace: bool,
    start: Instant,
    next_id: AtomicU64,
    /// `process::exit(code)` called by a thread other than the one the session waits for.
    exit: Mutex<Option<i32>>,
    /// No panic was reported yet (Rust prints the `RUST_BACKTRACE` note once per process).
    first_panic: AtomicBool,
    /// The main thread's `Thread`.
    pub main_thread: Arc<ThreadInfo>,
    /// The deterministic scheduler's shared state, when the run uses it.
    pub det: Option<det::Shared>,
    /// crossbeam-channel's `after`/`tick`/`never` timers (`timers.rs`).
    pub timers: super::timers::Timers,
    /// The program's panic hook (`std::panic::set_hook`; `panic_hook.rs`).
    pub panic_hook: Mutex<Option<super::panic_hook::Hook>>,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run").field("deterministic", &self.det.is_some()).finish()
    }
}

impl Run {
    pub fn new(prog: Arc<Program>, out: SharedOut, interrupt: Arc<AtomicBool>, args: Arc<Vec<String>>, backtrace: bool, schedule: Schedule) -> Arc<Run> {
        let det = match schedule {
            Schedule::Threads => None,
            Schedule::Deterministic(seed) => Some(det::Shared::new(seed)),
        };
        Arc::new(Run {
            prog,
            out,
            interrupt,
            args,
            backtrace,
            start: Instant::now(),
            next_id: AtomicU64::new(2),
            exit: Mutex::new(None),
            first_panic: AtomicBool::new(true),
            main_thread: Arc::new(ThreadInfo::new(1, Some("main".into()))),
            det,
            timers: super::timers::Timers::default(),
            panic_hook: Mutex::new(None),
        })
    }

    /// A fresh `ThreadId` (2, 3, ... in spawn order, as Rust numbers them).
    pub fn next_thread_id(&self) -> u64 {
        // Relaxed: only uniqueness matters; the spawner hands the id to the new thread.
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// A thread called `process::exit(code)`: stop every thread of the run (through the
    /// interrupt flag) and make the session end with that code.
    pub fn request_exit(&self, code: i32) {
        let mut e = self.exit.lock();
        if e.is_none() {
            *e = Some(code);
        }
        self.interrupt.store(true, Ordering::SeqCst);
    }

    /// The code of a `process::exit` called by some thread.
    pub fn exit_requested(&self) -> Option<i32> {
        *self.exit.lock()
    }

    /// Whether this is the first panic report of the run (and record that one was made).
    pub fn take_first_panic(&self) -> bool {
        self.first_panic.swap(false, Ordering::Relaxed)
    }

    /// The run's clock: real time since the start, or the scheduler's virtual time.
    pub fn now(&self) -> Duration {
        match &self.det {
            Some(d) => d.now(),
            None => self.start.elapsed(),
        }
    }
}

/// The host of every fiber of a run.
#[derive(Debug, Clone)]
pub struct RunHost {
    pub run: Arc<Run>,
}

impl Host for RunHost {
    fn now(&self) -> Duration {
        self.run.now()
    }

    fn deterministic(&self) -> bool {
        self.run.det.is_some()
    }

    fn park(&self, deadline: Option<Duration>) -> Result<(), String> {
        if self.run.det.is_some() {
            return Err("the deterministic scheduler cannot wait inside a nested call".into());
        }
        if self.run.interrupt.load(Ordering::Relaxed) {
            return Err("interrupted".into());
        }
        super::driver::park_current(deadline.map(|d| d.saturating_sub(self.now())));
        Ok(())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
