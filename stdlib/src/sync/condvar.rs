//! `CondvarState`: the waiters of a condition variable, as tickets.
//!
//! A waiter takes a ticket (`enqueue`) *before* it releases its mutex, so a notification
//! sent after the release always finds it. `notify_one` marks the oldest unmarked ticket
//! notified and wakes its waker; `notify_all` marks them all. A woken waiter asks `poll`
//! whether its ticket was notified: a wake-up that did not come from a notification (the
//! driver may wake a fiber for other reasons) leaves it waiting, so `wait` does not return
//! spuriously. A waiter that gives up (timeout) calls `cancel`, which also tells it whether
//! a notification arrived meanwhile.

use parking_lot::Mutex;
use std::task::Waker;

/// A waiter's place in the condvar.
pub type Ticket = u64;

#[derive(Debug)]
struct Waiter {
    ticket: Ticket,
    waker: Waker,
    notified: bool,
}

#[derive(Debug, Default)]
struct Inner {
    next: Ticket,
    waiters: Vec<Waiter>,
}

#[derive(Debug, Default)]
pub struct CondvarState {
    inner: Mutex<Inner>,
}

impl CondvarState {
    pub fn new() -> CondvarState {
        CondvarState::default()
    }

    /// Start waiting: a ticket, with `w` to wake when it is notified.
    pub fn enqueue(&self, w: &Waker) -> Ticket {
        let mut i = self.inner.lock();
        let ticket = i.next;
        i.next += 1;
        i.waiters.push(Waiter { ticket, waker: w.clone(), notified: false });
        ticket
    }

    /// Whether `ticket` was notified; if so it is done (removed). Otherwise the waiter keeps
    /// waiting and `w` replaces its waker. A ticket that is unknown counts as notified.
    pub fn poll(&self, ticket: Ticket, w: &Waker) -> bool {
        let mut i = self.inner.lock();
        match i.waiters.iter().position(|x| x.ticket == ticket) {
            Some(p) => {
                if i.waiters[p].notified {
                    i.waiters.remove(p);
                    true
                } else {
                    if !i.waiters[p].waker.will_wake(w) {
                        i.waiters[p].waker = w.clone();
                    }
                    false
                }
            }
            None => true,
        }
    }

    /// Stop waiting (timeout). `true` when the ticket had been notified anyway.
    pub fn cancel(&self, ticket: Ticket) -> bool {
        let mut i = self.inner.lock();
        match i.waiters.iter().position(|x| x.ticket == ticket) {
            Some(p) => i.waiters.remove(p).notified,
            None => true,
        }
    }

    /// Wake the oldest waiter not yet notified; `false` when there is none.
    pub fn notify_one(&self) -> bool {
        let w = {
            let mut i = self.inner.lock();
            match i.waiters.iter_mut().find(|x| !x.notified) {
                Some(x) => {
                    x.notified = true;
                    x.waker.clone()
                }
                None => return false,
            }
        };
        // Wake outside the lock: a waker may run scheduler code.
        w.wake();
        true
    }

    /// Wake every waiter; how many were woken.
    pub fn notify_all(&self) -> usize {
        let ws: Vec<Waker> = {
            let mut i = self.inner.lock();
            i.waiters
                .iter_mut()
                .filter(|x| !x.notified)
                .map(|x| {
                    x.notified = true;
                    x.waker.clone()
                })
                .collect()
        };
        let n = ws.len();
        for w in ws {
            w.wake();
        }
        n
    }

    /// Waiters not yet notified.
    pub fn waiting(&self) -> usize {
        self.inner.lock().waiters.iter().filter(|x| !x.notified).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_one_marks_the_oldest() {
        let c = CondvarState::new();
        let w = Waker::noop();
        let a = c.enqueue(w);
        let b = c.enqueue(w);
        assert!(!c.poll(a, w), "no notification yet: not a wake-up");
        assert!(c.notify_one());
        assert!(c.poll(a, w));
        assert!(!c.poll(b, w));
        assert_eq!(c.notify_all(), 1);
        assert!(c.poll(b, w));
        assert!(!c.notify_one());
    }

    #[test]
    fn cancel_reports_a_late_notification() {
        let c = CondvarState::new();
        let w = Waker::noop();
        let a = c.enqueue(w);
        assert!(!c.cancel(a));
        let b = c.enqueue(w);
        c.notify_one();
        assert!(c.cancel(b));
        assert_eq!(c.waiting(), 0);
    }
}
