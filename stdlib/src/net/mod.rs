//! Networking cores: a mio reactor and TCP sockets on it, independent of the VM.
//!
//! - `reactor`: one background OS thread running `mio::Poll`. A socket registers once and
//!   gets an `IoSlot` (a read and a write `WaitQueue`); readiness events wake the wakers
//!   registered there.
//! - `tcp`: `TcpListenerCore` and `TcpStreamCore` on mio's non-blocking sockets, with
//!   `poll_*` operations in the blocking protocol of `crate::sched`: try the operation; if
//!   the socket is not ready, register the caller's waker with the slot, try once more (so a
//!   readiness event between the two is not lost) and answer `Poll::Pending`. Whoever calls
//!   them (a blocked OS thread, a fiber of the deterministic scheduler, an async task) waits
//!   for its waker, never spins.
//!
//! `teras-interp`'s `builtins/net.rs` binds them to TERAS values, both as std's blocking
//! `std::net` API and as tokio-style futures.

pub mod reactor;
pub mod tcp;

pub use reactor::IoSlot;
pub use tcp::{Connect, TcpListenerCore, TcpStreamCore};
