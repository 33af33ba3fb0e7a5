//! Channels: the cores of `std::sync::mpsc` and of the seed's `mpsc_channel`, `mpmc_channel`,
//! `spsc_channel` and `oneshot`, and the readiness test of `select!`. Generic over the message
//! type; `teras-interp` binds them to TERAS values (`builtins/channel*.rs`).
//!
//! - `Chan<T>` (`core.rs`): one channel. Buffered flavors queue messages in crossbeam-queue's
//!   lock-free queues (`SegQueue` unbounded, `ArrayQueue` bounded), which do nothing else;
//!   the capacity-0 flavor is a rendezvous: a sender deposits an offer and waits until a
//!   receiver took it. `Chan` counts its live senders and receivers: the last sender gone
//!   disconnects the receivers (they drain what is left, then get `Disconnected`), the last
//!   receiver gone makes every send fail and drops the queued messages.
//! - Waiting follows `crate::sched` (see its module doc): an operation that cannot proceed
//!   registers the fiber's `Waker` with the channel's `senders`/`receivers` queue, checks again
//!   and answers `Pending`; the caller turns that into `Blocked` and calls again when woken.
//!   What a blocked operation must remember between attempts (its rendezvous ticket, whether it
//!   counts as a waiting receiver) lives in `Attempt` (`poll.rs`), which the caller keeps.
//! - `select` (`select.rs`): one attempt of a `select!` over several channel operations, the
//!   ready operation chosen at random (seeded, reproducible, under the deterministic scheduler).

pub mod core;
pub mod poll;
pub mod select;
mod waiters;
#[cfg(test)]
mod stress_tests;

pub use self::core::{Chan, Flavor, TryRecv, TrySend};
pub use poll::{Attempt, RecvPoll, SendPoll};
pub use select::{select_poll, SelOp, SelReady, SelRng};
