//! teras-stdlib: native runtime modules of teras, independent of the VM.
//!
//! Nothing here names the interpreter's `Value`: each module works on plain Rust data and
//! `teras-interp` binds it to TERAS values.
//! - `fmt`: Rust's formatting rules.
//! - `sched`: the runtime interface of blocking primitives (`Blocked`, `WaitQueue`).
//! - `sync`: the state machines of Mutex/RwLock, Condvar, Barrier, Once/OnceLock.
//! - `asyncrt`: cores of the async (tokio-shaped) semaphore, Notify, broadcast and watch.
//! - `chan`: channel cores (mpsc/mpmc/spsc/oneshot, rendezvous) and `select!` readiness.
//! - `net`: a mio reactor and TCP listener/stream cores in the blocking protocol.

pub mod asyncrt;
pub mod chan;
pub mod fmt;
pub mod net;
pub mod sched;
pub mod sync;
