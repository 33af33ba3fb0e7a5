//! The runtime interface every blocking primitive goes through.
//!
//! A TERAS fiber never blocks inside a native. A native that cannot proceed (a lock is held,
//! a channel is empty, a thread has not finished) registers the fiber's `Waker` with the
//! object's `WaitQueue`, checks its condition once more (so a wake-up between the first check
//! and the registration is not lost) and returns `Blocked`. The VM then stops the fiber with
//! the blocking call as its next instruction; the driver that runs the fiber decides how to
//! wait:
//! - on a real OS thread, it parks the thread until the waker fires or the deadline passes;
//! - under the deterministic scheduler, it marks the fiber blocked and runs another one;
//!   when nothing can run, the `Blocked` descriptions of every fiber make the deadlock report;
//! - (later) on the async executor, it parks the task and frees the worker.
//!
//! When the fiber resumes, the same call runs again and re-checks. Wake-ups may be spurious;
//! a native must always re-check its condition. `std::task::Waker` is the one wake-up handle
//! for all three drivers.
//!
//! Nothing here knows the VM's values: objects are generic over their payload.

pub mod blocked;
pub mod spin;
pub mod wait_queue;

pub use blocked::Blocked;
pub use wait_queue::WaitQueue;
