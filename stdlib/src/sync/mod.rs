//! The state machines of Rust's blocking sync primitives, independent of the VM's values.
//!
//! Each object follows the blocking protocol of `crate::sched`: an operation that cannot
//! proceed registers the caller's `Waker` (then re-checks, so that no wake-up is lost) and
//! reports that the caller must block; the caller's driver parks the fiber and calls the
//! operation again once woken. Whoever changes an object's state wakes its waiters. Nothing
//! here ever blocks an OS thread.
//!
//! - `lock`: `RawMutex` (lock-free owner word) and `RawRwLock`, with holder tokens (a stale
//!   or foreign release is refused) and poisoning; `sleepers`: the mutex's wait queue with
//!   its length readable without its lock.
//! - `condvar`: `CondvarState`, ticketed waiters so that `notify_one` wakes exactly one
//!   and wake-ups are never spurious except on timeout.
//! - `barrier`: `BarrierState`, generations with exactly one leader each.
//! - `once`: `OnceState` (`Once`'s incomplete/running/complete/poisoned machine) and
//!   `OnceSlot<T>` (`OnceLock<T>`: a once-initialised payload of any type).

pub mod barrier;
pub mod condvar;
pub mod lock;
pub mod once;
pub mod sleepers;
#[cfg(test)]
mod stress_tests;

pub use barrier::{Arrival, BarrierState};
pub use condvar::{CondvarState, Ticket};
pub use lock::{RawMutex, RawRwLock, Released, Token};
pub use once::{Begin, OnceSlot, OnceState};
