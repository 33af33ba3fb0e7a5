//! `Watch<T>`: tokio's watch channel: one current value with a version number. Receivers
//! remember the version they saw; `changed` waits for a newer one, or fails once every sender
//! is gone.

use crate::sched::WaitQueue;
use parking_lot::Mutex;
use std::task::Waker;

#[derive(Debug)]
struct State<T> {
    value: T,
    version: u64,
    senders: usize,
    receivers: usize,
}

#[derive(Debug)]
pub struct Watch<T> {
    st: Mutex<State<T>>,
    wait: WaitQueue,
}

/// One poll of `changed()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// A version newer than the one seen (now marked seen).
    Yes,
    /// No newer version and every sender is gone.
    Closed,
    Pending,
}

impl<T> Watch<T> {
    /// One sender and one receiver, the receiver having seen version 0 (`init`).
    pub fn new(init: T) -> Watch<T> {
        Watch { st: Mutex::new(State { value: init, version: 0, senders: 1, receivers: 1 }), wait: WaitQueue::new() }
    }

    /// Read the current value (and its version) through `f`.
    pub fn borrow<R>(&self, f: impl FnOnce(&T) -> R) -> (R, u64) {
        let s = self.st.lock();
        (f(&s.value), s.version)
    }

    pub fn version(&self) -> u64 {
        self.st.lock().version
    }

    /// `send`: replace the value when a receiver exists (else give it back).
    pub fn send(&self, v: T) -> Result<T, T> {
        let old = {
            let mut s = self.st.lock();
            if s.receivers == 0 {
                return Err(v);
            }
            s.version += 1;
            std::mem::replace(&mut s.value, v)
        };
        self.wait.notify_all();
        Ok(old)
    }

    /// `send_replace`: replace the value whether or not anyone listens; the old value.
    pub fn send_replace(&self, v: T) -> T {
        let old = {
            let mut s = self.st.lock();
            s.version += 1;
            std::mem::replace(&mut s.value, v)
        };
        self.wait.notify_all();
        old
    }

    /// Has a version newer than `seen` been sent? `None` when every sender is gone.
    pub fn has_changed(&self, seen: u64) -> Option<bool> {
        let s = self.st.lock();
        if s.senders == 0 {
            return None;
        }
        Some(s.version != seen)
    }

    /// One poll of `changed()` by a receiver that saw version `seen`.
    pub fn poll_changed(&self, seen: &mut u64, w: &Waker) -> Changed {
        let check = |seen: &mut u64| {
            let s = self.st.lock();
            if s.version != *seen {
                *seen = s.version;
                Changed::Yes
            } else if s.senders == 0 {
                Changed::Closed
            } else {
                Changed::Pending
            }
        };
        match check(seen) {
            Changed::Pending => {}
            r => return r,
        }
        self.wait.register(w);
        let r = check(seen);
        if r != Changed::Pending {
            self.wait.unregister(w);
        }
        r
    }

    /// A `changed()` future died: forget its waker.
    pub fn forget(&self, w: &Waker) {
        self.wait.unregister(w);
    }

    pub fn add_sender(&self) {
        self.st.lock().senders += 1;
    }

    pub fn add_receiver(&self) {
        self.st.lock().receivers += 1;
    }

    pub fn drop_sender(&self) {
        let last = {
            let mut s = self.st.lock();
            s.senders = s.senders.saturating_sub(1);
            s.senders == 0
        };
        if last {
            self.wait.notify_all();
        }
    }

    pub fn drop_receiver(&self) {
        let mut s = self.st.lock();
        s.receivers = s.receivers.saturating_sub(1);
    }

    pub fn receiver_count(&self) -> usize {
        self.st.lock().receivers
    }

    pub fn sender_count(&self) -> usize {
        self.st.lock().senders
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_sees_new_versions_then_closes() {
        let c = Watch::new(1);
        let w = Waker::noop();
        let mut seen = 0;
        assert_eq!(c.poll_changed(&mut seen, w), Changed::Pending);
        assert_eq!(c.send(2), Ok(1));
        assert_eq!(c.send(3), Ok(2));
        assert_eq!(c.poll_changed(&mut seen, w), Changed::Yes);
        assert_eq!(c.borrow(|v| *v), (3, 2));
        assert_eq!(c.poll_changed(&mut seen, w), Changed::Pending);
        c.drop_sender();
        assert_eq!(c.poll_changed(&mut seen, w), Changed::Closed);
        assert_eq!(c.has_changed(seen), None);
    }

    #[test]
    fn send_without_receivers_fails_but_send_replace_works() {
        let c = Watch::new("a");
        c.drop_receiver();
        assert_eq!(c.send("b"), Err("b"));
        assert_eq!(c.send_replace("c"), "a");
        assert_eq!(c.borrow(|v| *v).0, "c");
    }
}
