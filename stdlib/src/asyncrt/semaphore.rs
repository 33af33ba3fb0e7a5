//! `Semaphore`: a fair counting semaphore (tokio's `batch_semaphore`).
//!
//! Waiters queue in arrival order; released permits are handed to the head of the queue
//! (partially, when it needs more than are free), so a large request is not starved by small
//! ones and nobody overtakes a queued waiter (`try_acquire` fails while anyone waits). A
//! queued acquire that is cancelled gives back the permits already handed to it, which go on
//! to the next waiter.

use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::task::Waker;

/// The permits of an async `RwLock`: a reader takes one, a writer all (tokio's value).
pub const MAX_READS: usize = (u32::MAX >> 3) as usize;

/// The most permits a semaphore can hold (tokio's `Semaphore::MAX_PERMITS`).
pub const MAX_PERMITS: usize = usize::MAX >> 3;

#[derive(Debug)]
struct Waiter {
    needed: usize,
    assigned: usize,
    waker: Option<Waker>,
}

#[derive(Debug, Default)]
struct State {
    permits: usize,
    closed: bool,
    queue: VecDeque<u64>,
    waiters: HashMap<u64, Waiter>,
    next_id: u64,
}

impl State {
    /// Hand free permits to the head of the queue; the wakers of the waiters now complete.
    fn dispatch(&mut self) -> Vec<Waker> {
        let mut wake = Vec::new();
        while let Some(&id) = self.queue.front() {
            let Some(w) = self.waiters.get_mut(&id) else {
                self.queue.pop_front();
                continue;
            };
            let take = (w.needed - w.assigned).min(self.permits);
            w.assigned += take;
            self.permits -= take;
            if w.assigned < w.needed {
                break;
            }
            self.queue.pop_front();
            wake.extend(w.waker.take());
        }
        wake
    }
}

/// What a pending acquire remembers between polls (kept by its future).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acquire {
    /// Its place in the queue, once queued.
    id: Option<u64>,
}

impl Acquire {
    pub fn new() -> Acquire {
        Acquire::default()
    }

    /// Is it queued (so `cancel` has something to give back)?
    pub fn is_queued(&self) -> bool {
        self.id.is_some()
    }
}

/// One poll of an acquire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcquirePoll {
    Ready,
    /// The semaphore was closed (`close()`).
    Closed,
    Pending,
}

/// Why `try_acquire` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TryAcquire {
    Closed,
    NoPermits,
}

#[derive(Debug, Default)]
pub struct Semaphore {
    st: Mutex<State>,
}

fn wake_all(ws: Vec<Waker>) {
    for w in ws {
        w.wake();
    }
}

impl Semaphore {
    pub fn new(permits: usize) -> Semaphore {
        Semaphore { st: Mutex::new(State { permits: permits.min(MAX_PERMITS), ..State::default() }) }
    }

    pub fn available_permits(&self) -> usize {
        self.st.lock().permits
    }

    pub fn is_closed(&self) -> bool {
        self.st.lock().closed
    }

    /// Take `n` permits now, if nobody is queued before us.
    pub fn try_acquire(&self, n: usize) -> Result<(), TryAcquire> {
        let mut s = self.st.lock();
        if s.closed {
            return Err(TryAcquire::Closed);
        }
        if !s.queue.is_empty() || s.permits < n {
            return Err(TryAcquire::NoPermits);
        }
        s.permits -= n;
        Ok(())
    }

    /// One poll of an acquire of `n` permits by the task `w` wakes.
    pub fn poll_acquire(&self, n: usize, a: &mut Acquire, w: &Waker) -> AcquirePoll {
        let (r, wake) = {
            let mut s = self.st.lock();
            let mut wake = Vec::new();
            if a.id.is_none() {
                if s.closed {
                    return AcquirePoll::Closed;
                }
                if s.queue.is_empty() && s.permits >= n {
                    s.permits -= n;
                    return AcquirePoll::Ready;
                }
                let id = s.next_id;
                s.next_id += 1;
                s.waiters.insert(id, Waiter { needed: n, assigned: 0, waker: None });
                s.queue.push_back(id);
                a.id = Some(id);
                wake = s.dispatch();
            }
            let r = Self::finish(&mut s, a);
            if r == AcquirePoll::Pending {
                // Still queued (under the same lock as `dispatch`): (re)register this task.
                if let Some(wt) = a.id.and_then(|id| s.waiters.get_mut(&id)) {
                    if !wt.waker.as_ref().is_some_and(|x| x.will_wake(w)) {
                        wt.waker = Some(w.clone());
                    }
                }
            }
            (r, wake)
        };
        wake_all(wake);
        r
    }

    /// The state of a queued acquire: complete (leave the table), closed (give back), or
    /// still waiting.
    fn finish(s: &mut State, a: &mut Acquire) -> AcquirePoll {
        let Some(id) = a.id else { return AcquirePoll::Pending };
        let Some(w) = s.waiters.get(&id) else {
            a.id = None;
            return AcquirePoll::Closed;
        };
        if w.assigned == w.needed {
            s.waiters.remove(&id);
            a.id = None;
            return AcquirePoll::Ready;
        }
        if s.closed {
            let got = w.assigned;
            s.waiters.remove(&id);
            s.queue.retain(|x| *x != id);
            s.permits += got;
            a.id = None;
            return AcquirePoll::Closed;
        }
        AcquirePoll::Pending
    }

    /// The acquire's future died unfinished: leave the queue and give back what was handed
    /// to it (which goes on to the next waiter). Nothing happens for an acquire not queued.
    pub fn cancel(&self, a: &mut Acquire) {
        let Some(id) = a.id.take() else { return };
        let wake = {
            let mut s = self.st.lock();
            let Some(w) = s.waiters.remove(&id) else { return };
            s.queue.retain(|x| *x != id);
            s.permits += w.assigned;
            s.dispatch()
        };
        wake_all(wake);
    }

    /// Give `n` permits back (a permit or guard dropped, `add_permits`). `false` (nothing
    /// added) when the total would pass `MAX_PERMITS`.
    pub fn release(&self, n: usize) -> bool {
        let wake = {
            let mut s = self.st.lock();
            if s.permits.saturating_add(n) > MAX_PERMITS {
                return false;
            }
            s.permits += n;
            s.dispatch()
        };
        wake_all(wake);
        true
    }

    /// Close: pending and later acquires fail; permits held stay valid.
    pub fn close(&self) {
        let wake: Vec<Waker> = {
            let mut s = self.st.lock();
            s.closed = true;
            s.waiters.values_mut().filter_map(|w| w.waker.take()).collect()
        };
        wake_all(wake);
    }

    /// Queued acquires (tests, deadlock reports).
    pub fn queued(&self) -> usize {
        self.st.lock().queue.len()
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
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    fn waker() -> (Arc<Count>, Waker) {
        let c = Arc::new(Count(AtomicUsize::new(0)));
        (c.clone(), Waker::from(c))
    }

    #[test]
    fn acquire_release_fifo() {
        let s = Semaphore::new(1);
        let (_, w0) = waker();
        let (n1, w1) = waker();
        let (n2, w2) = waker();
        let mut a0 = Acquire::new();
        assert_eq!(s.poll_acquire(1, &mut a0, &w0), AcquirePoll::Ready);
        let (mut a1, mut a2) = (Acquire::new(), Acquire::new());
        assert_eq!(s.poll_acquire(1, &mut a1, &w1), AcquirePoll::Pending);
        assert_eq!(s.poll_acquire(1, &mut a2, &w2), AcquirePoll::Pending);
        assert_eq!(s.try_acquire(1), Err(TryAcquire::NoPermits));
        assert!(s.release(1));
        assert_eq!(n1.0.load(Ordering::SeqCst), 1);
        assert_eq!(n2.0.load(Ordering::SeqCst), 0);
        assert_eq!(s.poll_acquire(1, &mut a2, &w2), AcquirePoll::Pending, "no overtaking");
        assert_eq!(s.poll_acquire(1, &mut a1, &w1), AcquirePoll::Ready);
        assert!(s.release(1));
        assert_eq!(s.poll_acquire(1, &mut a2, &w2), AcquirePoll::Ready);
        assert!(s.release(1));
        assert_eq!(s.available_permits(), 1);
    }

    #[test]
    fn cancelled_waiter_passes_its_permits_on() {
        let s = Semaphore::new(0);
        let (_, w1) = waker();
        let (n2, w2) = waker();
        let (mut a1, mut a2) = (Acquire::new(), Acquire::new());
        assert_eq!(s.poll_acquire(2, &mut a1, &w1), AcquirePoll::Pending);
        assert_eq!(s.poll_acquire(1, &mut a2, &w2), AcquirePoll::Pending);
        assert!(s.release(1));
        assert_eq!(s.available_permits(), 0, "handed to the head");
        s.cancel(&mut a1);
        assert_eq!(n2.0.load(Ordering::SeqCst), 1, "the next waiter is woken");
        assert_eq!(s.poll_acquire(1, &mut a2, &w2), AcquirePoll::Ready);
        assert_eq!(s.available_permits(), 0);
        assert_eq!(s.queued(), 0);
    }

    #[test]
    fn a_completed_but_unobserved_acquire_cancels_to_a_release() {
        let s = Semaphore::new(0);
        let (_, w) = waker();
        let mut a = Acquire::new();
        assert_eq!(s.poll_acquire(1, &mut a, &w), AcquirePoll::Pending);
        assert!(s.release(1));
        s.cancel(&mut a);
        assert_eq!(s.available_permits(), 1, "no permit leaked");
    }

    #[test]
    fn close_fails_waiters_and_try() {
        let s = Semaphore::new(0);
        let (n, w) = waker();
        let mut a = Acquire::new();
        assert_eq!(s.poll_acquire(1, &mut a, &w), AcquirePoll::Pending);
        s.close();
        assert_eq!(n.0.load(Ordering::SeqCst), 1);
        assert_eq!(s.poll_acquire(1, &mut a, &w), AcquirePoll::Closed);
        assert_eq!(s.try_acquire(1), Err(TryAcquire::Closed));
        assert!(!a.is_queued());
    }

    #[test]
    fn threads_share_permits() {
        let s = Arc::new(Semaphore::new(2));
        let live = Arc::new(AtomicUsize::new(0));
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let (s, live) = (s.clone(), live.clone());
                std::thread::spawn(move || {
                    for _ in 0..2000 {
                        let t = std::thread::current();
                        let w = Waker::from(Arc::new(Unpark(t)));
                        let mut a = Acquire::new();
                        while s.poll_acquire(1, &mut a, &w) == AcquirePoll::Pending {
                            std::thread::park_timeout(std::time::Duration::from_millis(50));
                        }
                        assert!(live.fetch_add(1, Ordering::SeqCst) < 2);
                        live.fetch_sub(1, Ordering::SeqCst);
                        s.release(1);
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(s.available_permits(), 2);
    }

    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
}
