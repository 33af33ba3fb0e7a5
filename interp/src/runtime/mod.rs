//! The runtime that drives fibers: who runs them, on which OS thread, and how they wait.
//!
//! - `host`: the `Host` trait natives and the VM see (clock, spawning, the current thread),
//!   and `SoloHost`, the host of a single fiber on the caller's thread (unit tests, nested
//!   runs).
//!
//! The blocking protocol itself (`Blocked`, `WaitQueue`, wakers) is in
//! `teras_stdlib::sched`; see its module doc.

pub mod host;

pub use host::{Host, SoloHost};

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
