//! The runtime that drives fibers: who runs them, on which OS thread, and how they wait.
//!
//! - `host`: the `Host` trait natives and the VM see (clock, spawning, the current thread),
//!   and `SoloHost`, the host of a single fiber on the caller's thread (unit tests, nested
//!   runs).
//! - `run`: `Run`, the state the threads of one run share, and `RunHost`, the host every
//!   fiber of a session's run sees; `Schedule` (OS threads or deterministic).
//! - `out`: `SharedOut`, the program's stdout shared by all threads (one print = one write).
//! - `threads`: `ThreadInfo` (`thread::current()`), `JoinSlot` (a thread's result for
//!   `join`), the panic `Payload`, the current-thread thread-local.
//! - `driver`: the OS-thread driver (runs a fiber on the calling OS thread, parking it while
//!   the fiber is blocked) and `spawn` (a TERAS thread on a new OS thread).
//! - `executor`: the async executor (a work-stealing pool of workers running tasks as
//!   fibers; under the deterministic scheduler tasks are its fibers).
//! - `live_list`: `LiveList`, the weak list of spawned tasks the runtime shutdown cancels
//!   (lock-free pushes).
//! - `task_slot`: `TaskSlot`, one task in an atomic pointer (the executor's helper slot).
//! - `det`: the deterministic scheduler (all fibers on one OS thread, a seeded PRNG, virtual
//!   time, deadlock reports).
//!
//! The blocking protocol itself (`Blocked`, `WaitQueue`, wakers) is in
//! `teras_stdlib::sched`; see its module doc.

pub mod det;
#[cfg(test)]
mod det_tests;
pub mod driver;
pub mod effect;
pub mod executor;
pub mod host;
pub mod inline;
pub mod live_list;
pub mod out;
pub mod panic_hook;
pub mod resumed;
pub mod run;
pub mod task_run;
pub mod task_slot;
pub mod timers;
pub mod threads;

pub use host::{Host, SoloHost};
pub use out::{OutHandle, SharedOut};
pub use run::{Run, RunHost, Schedule};

use std::cell::Cell;

thread_local! {
    static PANICKING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the fiber running on this OS thread is unwinding a panic (Rust's
/// `std::thread::panicking()`): lock guards released now poison their lock. The driver sets
/// it around the unwinding of a panicked fiber.
pub fn panicking() -> bool {
    PANICKING.with(Cell::get)
}

/// Set by the driver when a fiber starts and ends unwinding.
pub fn set_panicking(on: bool) {
    PANICKING.with(|p| p.set(on));
}
