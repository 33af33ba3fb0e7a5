//! `WaitQueue`: the fibers waiting for an object to change.
//!
//! Every blocking object (lock, channel, join slot, barrier...) owns one. A fiber that must
//! wait registers its `Waker`; whoever changes the object's state calls `notify_all` (or
//! `notify_one` where only one waiter can make progress and every waiter re-registers when
//! it fails). Registrations are one-shot: a notified waker is removed.

use parking_lot::Mutex;
use std::task::Waker;

#[derive(Debug, Default)]
pub struct WaitQueue {
    waiters: Mutex<Vec<Waker>>,
}

impl WaitQueue {
    pub fn new() -> WaitQueue {
        WaitQueue::default()
    }

    /// Wake `w` at the next notification (once). Registering the same waker twice keeps one
    /// registration.
    pub fn register(&self, w: &Waker) {
        let mut ws = self.waiters.lock();
        if !ws.iter().any(|x| x.will_wake(w)) {
            ws.push(w.clone());
        }
    }

    /// Forget `w` (a waiter that gave up: timeout, cancellation).
    pub fn unregister(&self, w: &Waker) {
        self.waiters.lock().retain(|x| !x.will_wake(w));
    }

    /// Wake every waiter.
    pub fn notify_all(&self) {
        let ws = std::mem::take(&mut *self.waiters.lock());
        // Wake outside the lock: a waker may run scheduler code that registers again.
        for w in ws {
            w.wake();
        }
    }

    /// Wake the longest-waiting waiter; `false` when there was none.
    pub fn notify_one(&self) -> bool {
        let w = {
            let mut ws = self.waiters.lock();
            if ws.is_empty() {
                return false;
            }
            ws.remove(0)
        };
        w.wake();
        true
    }

    /// How many wakers are registered.
    pub fn len(&self) -> usize {
        self.waiters.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            // Relaxed: the tests read the count after the waking call returned (same thread).
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn notify_all_wakes_each_registered_waker_once() {
        let q = WaitQueue::new();
        let a = Arc::new(Count(AtomicUsize::new(0)));
        let b = Arc::new(Count(AtomicUsize::new(0)));
        let (wa, wb) = (Waker::from(a.clone()), Waker::from(b.clone()));
        q.register(&wa);
        q.register(&wa);
        q.register(&wb);
        assert_eq!(q.len(), 2);
        q.notify_all();
        q.notify_all();
        assert_eq!(a.0.load(Ordering::Relaxed), 1);
        assert_eq!(b.0.load(Ordering::Relaxed), 1);
        assert!(q.is_empty());
    }

    #[test]
    fn notify_one_is_fifo_and_unregister_forgets() {
        let q = WaitQueue::new();
        let a = Arc::new(Count(AtomicUsize::new(0)));
        let b = Arc::new(Count(AtomicUsize::new(0)));
        let (wa, wb) = (Waker::from(a.clone()), Waker::from(b.clone()));
        q.register(&wa);
        q.register(&wb);
        assert!(q.notify_one());
        assert_eq!((a.0.load(Ordering::Relaxed), b.0.load(Ordering::Relaxed)), (1, 0));
        q.unregister(&wb);
        assert!(!q.notify_one());
        assert_eq!(b.0.load(Ordering::Relaxed), 0);
    }
}
