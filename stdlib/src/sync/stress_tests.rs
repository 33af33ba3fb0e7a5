//! Bounded stress tests of the blocking protocol with real OS threads: each thread's waker
//! unparks it, and a thread that cannot proceed parks until woken. A lost wake-up would leave
//! a thread parked; the parks time out after a second and every timeout is counted, so a lost
//! wake-up fails the test instead of hanging it.

use super::{Arrival, BarrierState, RawMutex};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};
use std::time::Duration;

struct Unpark(std::thread::Thread);
impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn thread_waker() -> Waker {
    Waker::from(Arc::new(Unpark(std::thread::current())))
}

/// Park until woken; count a wait that ended by timeout.
fn park(timeouts: &AtomicUsize) {
    let t = std::time::Instant::now();
    std::thread::park_timeout(Duration::from_secs(1));
    if t.elapsed() >= Duration::from_secs(1) {
        // Relaxed: a counter read after the threads are joined.
        timeouts.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn contended_mutex_loses_no_wakeup() {
    struct Shared {
        m: RawMutex,
        n: AtomicUsize,
        timeouts: AtomicUsize,
    }
    let s = Arc::new(Shared { m: RawMutex::new(), n: AtomicUsize::new(0), timeouts: AtomicUsize::new(0) });
    let hs: Vec<_> = (1..=4usize)
        .map(|t| {
            let s = s.clone();
            std::thread::spawn(move || {
                let w = thread_waker();
                for _ in 0..3_000 {
                    let mut registered = false;
                    while !s.m.lock_or_register(t, &w) {
                        registered = true;
                        park(&s.timeouts);
                    }
                    if registered {
                        s.m.forget(&w);
                    }
                    // A non-atomic read-modify-write under the lock (Relaxed: the lock orders it).
                    let v = s.n.load(Ordering::Relaxed);
                    s.n.store(v + 1, Ordering::Relaxed);
                    assert!(s.m.unlock(t, false));
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    assert_eq!(s.n.load(Ordering::Relaxed), 12_000);
    assert_eq!(s.timeouts.load(Ordering::Relaxed), 0, "a waiter was never woken");
}

#[test]
fn barrier_generations_with_real_threads() {
    let b = Arc::new(BarrierState::new(4));
    let leaders = Arc::new(AtomicUsize::new(0));
    let timeouts = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let (b, leaders, timeouts) = (b.clone(), leaders.clone(), timeouts.clone());
            std::thread::spawn(move || {
                let w = thread_waker();
                for _ in 0..200 {
                    match b.arrive(&w) {
                        Arrival::Leader => {
                            // Relaxed: counted after the join.
                            leaders.fetch_add(1, Ordering::Relaxed);
                        }
                        Arrival::Wait(g) => {
                            while !b.poll(g, &w) {
                                park(&timeouts);
                            }
                        }
                    }
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    assert_eq!(leaders.load(Ordering::Relaxed), 200, "one leader per generation");
    assert_eq!(timeouts.load(Ordering::Relaxed), 0);
}
