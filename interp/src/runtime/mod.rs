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
