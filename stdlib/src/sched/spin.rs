//! `SpinLock<T>`: a lock for the few instructions of a `WaitQueue` operation (push or pop a
//! waker), taken with one atomic read-modify-write and released with a plain store.
//!
//! `parking_lot::Mutex`, which it replaces there, releases with a compare-and-swap too (it
//! must see whether a thread parked on it), so a registration or a notification cost two
//! locked instructions; on the ping-pong of two tasks over channels (issue 5) those were 8
//! of the ~35 locked instructions of a round trip, each a full barrier. A waiter here never
//! parks: it spins a little, then yields its OS thread, since the holder is at most a few
//! hundred instructions from releasing (nothing is held across a wake-up, an allocation
//! aside).

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Default)]
pub struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the value is reached only through a `SpinGuard`, and at most one guard exists at a
// time (the `locked` flag, taken with an Acquire read-modify-write and released with a
// Release store), so the lock hands `T` from thread to thread as a mutex does: `T: Send`
// suffices, as for `std::sync::Mutex`.
unsafe impl<T: Send> Sync for SpinLock<T> {}
// SAFETY: as above: owning the lock owns the value.
unsafe impl<T: Send> Send for SpinLock<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for SpinLock<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpinLock").field("locked", &self.locked.load(Ordering::Relaxed)).finish_non_exhaustive()
    }
}

/// Exclusive access to a `SpinLock`'s value; released when dropped.
pub struct SpinGuard<'a, T> {
    lock: &'a SpinLock<T>,
}

impl<T> SpinLock<T> {
    pub fn new(value: T) -> SpinLock<T> {
        SpinLock { locked: AtomicBool::new(false), value: UnsafeCell::new(value) }
    }

    #[inline]
    pub fn lock(&self) -> SpinGuard<'_, T> {
        // Acquire: pairs with the Release store of the previous holder's unlock, so its
        // accesses to the value happen before ours.
        if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_contended();
        }
        SpinGuard { lock: self }
    }

    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        let mut spins = 0u32;
        loop {
            // Wait with loads (no read-modify-write while it is held), then try again.
            while self.locked.load(Ordering::Relaxed) {
                spins += 1;
                if spins < 128 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
            // Acquire: as in `lock`.
            if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return;
            }
        }
    }
}

impl<T> Deref for SpinGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: this guard holds the lock: no other guard, so no other reference to the
        // value, exists until it is dropped.
        unsafe { &*self.lock.value.get() }
    }
}

impl<T> DerefMut for SpinGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as `deref`, and `&mut self` makes this the only reference through the guard.
        unsafe { &mut *self.lock.value.get() }
    }
}

impl<T> Drop for SpinGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // Release: our accesses to the value happen before the next holder's (its Acquire
        // read-modify-write in `lock`). Only the holder writes the flag while it is set, so a
        // store releases it.
        self.lock.locked.store(false, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Four threads adding under the lock lose no update (each guard sees the previous
    /// holder's writes).
    #[test]
    fn contended_increments_are_all_kept() {
        let l = Arc::new(SpinLock::new(0u64));
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let l = l.clone();
                std::thread::spawn(move || {
                    for _ in 0..20_000 {
                        *l.lock() += 1;
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(*l.lock(), 80_000);
    }

    /// A guard excludes the next `lock` until it is dropped.
    #[test]
    fn a_held_lock_is_released_by_its_guard() {
        let l = SpinLock::new(vec![1]);
        {
            let mut g = l.lock();
            g.push(2);
            assert!(l.locked.load(Ordering::Relaxed));
        }
        assert!(!l.locked.load(Ordering::Relaxed));
        assert_eq!(*l.lock(), vec![1, 2]);
    }
}
