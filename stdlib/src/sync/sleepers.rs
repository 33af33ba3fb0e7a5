//! `Sleepers`: the wait queue of a `RawMutex`, with its length mirrored in an atomic so that
//! an unlock nobody waits for costs one load instead of locking the queue (the queue's lock
//! word sits on a cache line both threads of a contended mutex write).
//!
//! It follows `crate::sched`'s protocol exactly as `WaitQueue` does (register, re-check,
//! notify); the only addition is `len`, written under the queue's lock after every change.
//!
//! Why `notify_one` may skip the queue when `len` reads 0 (no lost wake-up): a waiter runs
//! W1 `register` (pushes its waker, then stores the new length, SeqCst) and then W2 re-checks
//! the lock word with a SeqCst compare-exchange. A releaser runs R1 a SeqCst compare-exchange
//! that frees the lock word and then R2 `notify_one`, whose first step loads `len` (SeqCst).
//! All four are SeqCst, so they have one total order S consistent with program order. If R2
//! reads 0, R2 precedes W1's store in S, hence R1 precedes W2, and W2 (a read-modify-write,
//! which reads the latest value of the lock word) sees the lock freed by R1, or taken by a
//! later holder whose own release runs R1/R2 again. If R2 reads a non-zero length, it locks
//! the queue as `WaitQueue::notify_one` always did. `schedule_tests` enumerates every
//! interleaving of this model; `RawMutex`'s stress test runs it on OS threads that really
//! park.

use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Waker;

#[derive(Debug, Default)]
pub struct Sleepers {
    waiters: Mutex<Vec<Waker>>,
    /// `waiters.len()`, stored under `waiters`' lock after each change.
    len: AtomicUsize,
}

impl Sleepers {
    /// Register `w` (once: a waker that will wake the same task is not added twice). The
    /// caller must check its condition again afterwards.
    pub fn register(&self, w: &Waker) {
        let mut ws = self.waiters.lock();
        if !ws.iter().any(|x| x.will_wake(w)) {
            ws.push(w.clone());
        }
        // SeqCst: pairs with the SeqCst load in `notify_one` (module doc: the store must be
        // ordered before the caller's SeqCst re-check of the lock word).
        self.len.store(ws.len(), Ordering::SeqCst);
    }

    /// Forget `w` (its task got the lock, or gave up).
    pub fn unregister(&self, w: &Waker) {
        // Relaxed: nothing to publish; a stale non-zero length only costs a queue lock.
        if self.len.load(Ordering::Relaxed) == 0 {
            // Every change of `len` is made by a thread holding the queue lock, and this
            // thread's own registration (if any) was stored before: 0 means it is not there.
            return;
        }
        let mut ws = self.waiters.lock();
        ws.retain(|x| !x.will_wake(w));
        // SeqCst: see `register`.
        self.len.store(ws.len(), Ordering::SeqCst);
    }

    /// Might a waiter be registered? The first step of `notify_one` (R2 in the module doc),
    /// for a releaser that wakes later (`RawMutex::release`): `false` is as final as
    /// `notify_one` finding no waiter; `true` must be followed by `notify_one`.
    pub fn has_waiters(&self) -> bool {
        // SeqCst: pairs with the store in `register` (module doc).
        self.len.load(Ordering::SeqCst) != 0
    }

    /// Wake the oldest registered waiter; `false` when there is none. Call after releasing.
    pub fn notify_one(&self) -> bool {
        // SeqCst: pairs with the store in `register` (module doc).
        if self.len.load(Ordering::SeqCst) == 0 {
            return false;
        }
        let w = {
            let mut ws = self.waiters.lock();
            if ws.is_empty() {
                return false;
            }
            let w = ws.remove(0);
            // SeqCst: see `register`.
            self.len.store(ws.len(), Ordering::SeqCst);
            w
        };
        w.wake();
        true
    }

    /// How many wakers are registered (a snapshot).
    pub fn len(&self) -> usize {
        self.waiters.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every interleaving of one waiter and one releaser (module doc's model), with the lock
/// taken first by the releaser: the waiter either gets the lock or is woken.
#[cfg(test)]
mod schedule_tests {
    /// The shared state of the model: the lock word (0 free), the queue, the mirrored length.
    #[derive(Clone, Debug, Default)]
    struct World {
        owner: usize,
        queue: Vec<usize>,
        len: usize,
        woken: bool,
        waiter_got_lock: bool,
        /// The releaser's load of `len`.
        seen_len: Option<usize>,
    }

    /// The waiter (token 2): W0 try, W1 register, W2 re-check. The releaser (token 1, holding
    /// the lock): R1 free the word, R2 load `len`, R3 wake the first queued waiter if R2 saw
    /// one. Each step is atomic (a SeqCst operation or a critical section of the queue lock).
    fn waiter_step(w: &mut World, pc: usize) -> bool {
        match pc {
            0 => {
                if w.owner == 0 {
                    w.owner = 2;
                    w.waiter_got_lock = true;
                    return false;
                }
                true
            }
            1 => {
                w.queue.push(2);
                w.len = w.queue.len();
                true
            }
            2 => {
                if w.owner == 0 {
                    w.owner = 2;
                    w.waiter_got_lock = true;
                    w.queue.retain(|x| *x != 2);
                    w.len = w.queue.len();
                }
                false
            }
            _ => false,
        }
    }

    fn releaser_step(w: &mut World, pc: usize) -> bool {
        match pc {
            0 => {
                assert_eq!(w.owner, 1);
                w.owner = 0;
                true
            }
            1 => {
                w.seen_len = Some(w.len);
                w.seen_len != Some(0)
            }
            2 => {
                if !w.queue.is_empty() {
                    w.queue.remove(0);
                    w.len = w.queue.len();
                    w.woken = true;
                }
                false
            }
            _ => false,
        }
    }

    /// Run every interleaving from (`wpc`, `rpc`); `wd`/`rd`: that side has finished.
    fn explore(w: World, wpc: usize, wd: bool, rpc: usize, rd: bool, runs: &mut usize) {
        if wd && rd {
            *runs += 1;
            assert!(w.waiter_got_lock || w.woken, "lost wake-up: {w:?}");
            return;
        }
        if !wd {
            let mut n = w.clone();
            let more = waiter_step(&mut n, wpc);
            explore(n, wpc + 1, !more, rpc, rd, runs);
        }
        if !rd {
            let mut n = w;
            let more = releaser_step(&mut n, rpc);
            explore(n, wpc, wd, rpc + 1, !more, runs);
        }
    }

    #[test]
    fn no_interleaving_loses_the_wake_up() {
        let mut runs = 0;
        explore(World { owner: 1, ..World::default() }, 0, false, 0, false, &mut runs);
        assert!(runs >= 10, "only {runs} interleavings explored");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn fifo_dedup_and_length() {
        let q = Sleepers::default();
        let a = Arc::new(Count(AtomicUsize::new(0)));
        let b = Arc::new(Count(AtomicUsize::new(0)));
        let (wa, wb) = (Waker::from(a.clone()), Waker::from(b.clone()));
        assert!(!q.notify_one());
        q.register(&wa);
        q.register(&wa);
        q.register(&wb);
        assert_eq!(q.len(), 2);
        assert!(q.notify_one());
        assert_eq!((a.0.load(Ordering::Relaxed), b.0.load(Ordering::Relaxed)), (1, 0));
        q.unregister(&wb);
        assert!(q.is_empty());
        assert!(!q.notify_one());
        assert_eq!(b.0.load(Ordering::Relaxed), 0);
    }
}
