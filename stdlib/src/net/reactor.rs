//! The I/O reactor: one background thread blocked in `mio::Poll::poll`, and a table of
//! registrations by token.
//!
//! Registering a source gives an `IoSlot` with two wait queues. The reactor thread wakes the
//! read queue on readable, read-closed and error events, the write queue on writable,
//! write-closed and error events. Sources are registered edge-triggered (mio's model), so a
//! waiter must follow "try, register, try again" (see `tcp`): an edge that came before the
//! registration is seen by the second try; one that comes after wakes the registered waker.
//!
//! Tokens are never reused (a counter), so an event for a socket that was just closed can
//! only find no slot, never another socket's. The thread starts on first use and lives as
//! long as the process.

use crate::sched::WaitQueue;
use mio::{Events, Interest, Poll, Registry, Token};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};

/// What waits on one registered source.
#[derive(Debug, Default)]
pub struct IoSlot {
    /// Woken when the source may be readable (or accept a connection), or was closed.
    pub read: WaitQueue,
    /// Woken when the source may be writable (or a connect finished), or was closed.
    pub write: WaitQueue,
}

/// The process's reactor.
#[derive(Debug)]
pub struct Reactor {
    registry: Registry,
    slots: Mutex<HashMap<usize, Weak<IoSlot>>>,
    next: AtomicUsize,
}

/// A live registration: deregistered (by the owner of the source) with `Reactor::deregister`.
#[derive(Debug)]
pub struct Registration {
    pub slot: Arc<IoSlot>,
    pub token: Token,
}

static REACTOR: OnceLock<Result<Reactor, String>> = OnceLock::new();

/// The reactor, started on first use; `Err` when the OS refused an epoll instance or a thread.
pub fn reactor() -> io::Result<&'static Reactor> {
    let r = REACTOR.get_or_init(|| start().map_err(|e| e.to_string()));
    r.as_ref().map_err(|e| io::Error::other(e.clone()))
}

fn start() -> io::Result<Reactor> {
    let poll = Poll::new()?;
    let registry = poll.registry().try_clone()?;
    std::thread::Builder::new().name("teras-reactor".into()).spawn(move || run(poll))?;
    Ok(Reactor { registry, slots: Mutex::new(HashMap::new()), next: AtomicUsize::new(1) })
}

/// The reactor thread: wait for events, wake the waiters of each.
fn run(mut poll: Poll) {
    let mut events = Events::with_capacity(256);
    loop {
        if let Err(e) = poll.poll(&mut events, None) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            // Nothing sensible to do but stop: waiters still wake on their deadlines.
            return;
        }
        let Ok(r) = reactor() else { return };
        for ev in events.iter() {
            let slot = r.slots.lock().get(&ev.token().0).and_then(Weak::upgrade);
            let Some(slot) = slot else { continue };
            if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                slot.read.notify_all();
            }
            if ev.is_writable() || ev.is_write_closed() || ev.is_error() {
                slot.write.notify_all();
            }
        }
    }
}

impl Reactor {
    /// Register `source` for reading and writing readiness.
    pub fn register(&self, source: &mut impl mio::event::Source) -> io::Result<Registration> {
        // Relaxed: only uniqueness matters.
        let token = Token(self.next.fetch_add(1, Ordering::Relaxed));
        let slot = Arc::new(IoSlot::default());
        self.slots.lock().insert(token.0, Arc::downgrade(&slot));
        if let Err(e) = self.registry.register(source, token, Interest::READABLE | Interest::WRITABLE) {
            self.slots.lock().remove(&token.0);
            return Err(e);
        }
        Ok(Registration { slot, token })
    }

    /// Forget `source` (before it is closed).
    pub fn deregister(&self, source: &mut impl mio::event::Source, reg: &Registration) {
        // Closing the descriptor removes it from epoll anyway; an error here changes nothing.
        let _ = self.registry.deregister(source);
        self.slots.lock().remove(&reg.token.0);
        // Anyone still waiting (another handle's task) re-polls and sees the socket gone.
        reg.slot.read.notify_all();
        reg.slot.write.notify_all();
    }

    /// Whether `token` is registered (tests, diagnostics).
    pub fn is_registered(&self, token: Token) -> bool {
        self.slots.lock().contains_key(&token.0)
    }
}
