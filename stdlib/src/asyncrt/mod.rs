//! The cores of tokio-shaped async channels and locks, generic over their payload, on the
//! blocking protocol of `crate::sched` (a poll that cannot finish registers the task's
//! `Waker` and answers `Pending`; the task polls again once woken).
//!
//! Every waiting operation keeps a small record (`Acquire`, `Notified`, a receiver position)
//! that the future owning it holds between polls; when the future dies unfinished it calls
//! the core's `cancel`, which gives back what the record reserved (permits already assigned
//! to a queued acquire, a `notify_one` notification) and forgets its waker, so nothing is lost
//! or leaked. The mpsc and oneshot channels reuse `crate::chan::Chan`.
//!
//! - `semaphore`: a fair (FIFO) counting semaphore; tokio's `Semaphore`, and the base of the
//!   async `Mutex` (1 permit) and `RwLock` (`MAX_READS` permits, a writer takes them all).
//! - `notify`: `Notify` (`notify_one` stores one permit, `notify_waiters` wakes the futures
//!   created before it).
//! - `broadcast`: a ring of `capacity` (rounded up to a power of two) messages, every receiver
//!   sees every message or learns how many it missed (`Lagged(n)`).
//! - `watch`: one value with a version; receivers wait for a version they have not seen.

pub mod broadcast;
pub mod notify;
pub mod semaphore;
pub mod watch;

pub use broadcast::{BRecv, Broadcast};
pub use notify::{Notified, Notify};
pub use semaphore::{Acquire, AcquirePoll, Semaphore, TryAcquire, MAX_READS};
pub use watch::Watch;
