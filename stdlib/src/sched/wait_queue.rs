//! `WaitQueue`: the fibers waiting for an object to change.
//!
//! Every blocking object (lock, channel, join slot, barrier...) owns one. A fiber that must
//! wait registers its `Waker`; whoever changes the object's state calls `notify_all` (or
//! `notify_one` where only one waiter can make progress and every waiter re-registers when
//! it fails). Registrations are one-shot: a notified waker is removed.

use super::spin::SpinLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Waker;

#[derive(Debug, Default)]
pub struct WaitQueue {
    /// A spin lock (`spin.rs`): every operation holds it for a push, a pop or a scan of a
    /// few wakers, and releases it with a plain store.
    waiters: SpinLock<Vec<Waker>>,
    /// `waiters.len()`, written only under the lock after each change: `unregister` reads it
    /// without the lock to skip an empty queue (the common case: the waker of a completed
    /// wait was taken by the notification that woke it).
    len: AtomicUsize,
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
            self.len.store(ws.len(), Ordering::Relaxed);
        }
    }

    /// Forget `w` (a waiter that gave up: timeout, cancellation, or a wait that completed).
    /// (Inlined: its common case, an empty queue, is one load.)
    #[inline]
    pub fn unregister(&self, w: &Waker) {
        // Relaxed is enough: whoever registered `w` reads the count after its own `register`
        // (in program order, or across the hand-off that moved its task to this thread, a
        // happens-before edge), so by coherence it reads that store or a later one, all made
        // under the lock. 0 then means the queue was empty at some point after `w` was
        // pushed: `w` was taken out, and only its owner (this caller) puts it back.
        if self.len.load(Ordering::Relaxed) == 0 {
            return;
        }
        self.unregister_queued(w);
    }

    /// `unregister` of a queue that was not empty.
    #[inline(never)]
    fn unregister_queued(&self, w: &Waker) {
        let mut ws = self.waiters.lock();
        ws.retain(|x| !x.will_wake(w));
        self.len.store(ws.len(), Ordering::Relaxed);
    }

    /// Wake every waiter.
    pub fn notify_all(&self) {
        // Wake outside the lock: a waker may run scheduler code that registers again.
        let mut ws = self.waiters.lock();
        if ws.len() <= 1 {
            // The common case (one waiter, as in a ping-pong): the vector keeps its buffer,
            // so the next registration does not allocate.
            let w = ws.pop();
            self.len.store(0, Ordering::Relaxed);
            drop(ws);
            if let Some(w) = w {
                w.wake();
            }
            return;
        }
        let all = std::mem::take(&mut *ws);
        self.len.store(0, Ordering::Relaxed);
        drop(ws);
        for w in all {
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
            let w = ws.remove(0);
            self.len.store(ws.len(), Ordering::Relaxed);
            w
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

    /// One waiter at a time (the ping-pong shape): each `notify_all` wakes it exactly once and
    /// the queue keeps its buffer (no allocation per round).
    #[test]
    fn a_lone_waiter_is_woken_once_per_round_and_the_buffer_stays() {
        let q = WaitQueue::new();
        let a = Arc::new(Count(AtomicUsize::new(0)));
        let wa = Waker::from(a.clone());
        q.register(&wa);
        let cap = q.waiters.lock().capacity();
        for round in 1..=100 {
            q.notify_all();
            assert_eq!(a.0.load(Ordering::Relaxed), round);
            assert!(q.is_empty());
            q.notify_all();
            assert_eq!(a.0.load(Ordering::Relaxed), round, "an empty queue wakes nobody");
            q.register(&wa);
            assert_eq!(q.waiters.lock().capacity(), cap);
        }
    }

    /// Real threads: a waiter registers, re-checks a flag (the `sched` protocol) and parks; the
    /// other thread sets the flag and notifies. 20,000 rounds of one waiter at a time: no
    /// round may lose its wake-up (a lost one would park until the 1 s safety timeout).
    #[test]
    fn lone_waiter_rounds_lose_no_wake_up() {
        use std::sync::atomic::AtomicBool;
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let q = Arc::new(WaitQueue::new());
        let turn = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let (q2, turn2, done2) = (q.clone(), turn.clone(), done.clone());
        let notifier = std::thread::spawn(move || {
            let mut n = 0;
            while !done2.load(Ordering::SeqCst) {
                // SeqCst: pairs with the waiter's SeqCst load after it registered.
                if turn2.load(Ordering::SeqCst) % 2 == 1 {
                    n += 1;
                    turn2.fetch_add(1, Ordering::SeqCst);
                    q2.notify_all();
                } else {
                    std::hint::spin_loop();
                }
            }
            n
        });
        let w = Waker::from(Arc::new(Unpark(std::thread::current())));
        for round in 0..20_000usize {
            // Ask the notifier for a turn, then wait for it the blocking way.
            turn.fetch_add(1, Ordering::SeqCst);
            let started = std::time::Instant::now();
            loop {
                if turn.load(Ordering::SeqCst) == 2 * (round + 1) {
                    break;
                }
                q.register(&w);
                if turn.load(Ordering::SeqCst) == 2 * (round + 1) {
                    q.unregister(&w);
                    break;
                }
                std::thread::park_timeout(std::time::Duration::from_secs(1));
                assert!(started.elapsed() < std::time::Duration::from_secs(1), "round {round}: wake-up lost");
            }
        }
        done.store(true, Ordering::SeqCst);
        assert_eq!(notifier.join().unwrap(), 20_000);
    }

    /// The count `unregister` reads without the lock follows the queue: a registered waker is
    /// removed (the other one stays), one taken by a notification leaves nothing to remove,
    /// and `notify_one` counts down.
    #[test]
    fn unregister_follows_the_count() {
        let q = WaitQueue::new();
        let a = Arc::new(Count(AtomicUsize::new(0)));
        let b = Arc::new(Count(AtomicUsize::new(0)));
        let (wa, wb) = (Waker::from(a.clone()), Waker::from(b.clone()));
        q.register(&wa);
        q.register(&wb);
        assert_eq!(q.len.load(Ordering::Relaxed), 2);
        q.unregister(&wa);
        assert_eq!((q.len(), q.len.load(Ordering::Relaxed)), (1, 1));
        q.notify_all();
        assert_eq!(q.len.load(Ordering::Relaxed), 0);
        q.unregister(&wb);
        assert_eq!((a.0.load(Ordering::Relaxed), b.0.load(Ordering::Relaxed)), (0, 1));
        q.register(&wa);
        q.register(&wb);
        assert!(q.notify_one());
        assert_eq!((q.len(), q.len.load(Ordering::Relaxed)), (1, 1));
        q.unregister(&wb);
        assert_eq!((q.len(), q.len.load(Ordering::Relaxed)), (0, 0));
        assert!(!q.notify_one());
        assert_eq!((a.0.load(Ordering::Relaxed), b.0.load(Ordering::Relaxed)), (1, 1));
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
