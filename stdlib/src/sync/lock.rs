//! `RawMutex` and `RawRwLock`: lock words with holder tokens, poisoning and a wait queue.
//!
//! A holder is named by a `Token` (a non-zero number the binding chooses, unique among live
//! holders: the interpreter uses the address of the guard object). Releasing with a token
//! that does not hold the lock does nothing and returns `false`, so a guard released twice
//! (or a stale copy of it) can never unlock somebody else's critical section.
//!
//! Blocking follows `crate::sched`: `lock_or_register` either takes the lock or registers
//! the waker and reports failure; every release wakes one waiter (mutex) or all of them
//! (rwlock). A caller that had registered and then acquires must call `forget` so that its
//! stale registration does not swallow a later `notify_one`. The mutex's queue is a
//! `Sleepers` (an unlock with no waiter does not lock the queue).
//!
//! A `RawMutex` also keeps one word for its binding, the *spare* (`take_spare`,
//! `put_spare`, `close_spare`): a hand-over slot for an object the binding reuses (the
//! interpreter keeps the guard place of the last unlock there, whose address becomes the next
//! holder's token), on the lock word's cache line.

use super::sleepers::Sleepers;
use crate::sched::WaitQueue;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::Waker;

/// Names a lock holder; never 0.
pub type Token = usize;

/// What `RawMutex::release` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Released {
    /// The token did not hold the lock: nothing changed.
    NotHeld,
    /// Freed; nobody was waiting.
    Free,
    /// Freed; a waiter is registered: call `wake_one`.
    Wake,
}

/// The poison flag both locks share.
#[derive(Debug, Default)]
struct Poison(AtomicBool);

impl Poison {
    fn get(&self) -> bool {
        // Relaxed: the flag is set before the lock word is released (Release) and read after
        // it is acquired (Acquire), which orders it; `is_poisoned` outside the lock is a hint,
        // as in std.
        self.0.load(Ordering::Relaxed)
    }
    fn set(&self, on: bool) {
        // Relaxed: see `get`.
        self.0.store(on, Ordering::Relaxed);
    }
}

/// A mutual-exclusion lock word.
#[derive(Debug, Default)]
pub struct RawMutex {
    /// The holder's token; 0 when free.
    owner: AtomicUsize,
    /// The binding's spare token object (`take_spare`): 0 when empty, `SPARE_CLOSED` once
    /// closed. Next to `owner`, so that a lock or unlock that uses it writes no other cache
    /// line than the one it writes anyway.
    spare: AtomicUsize,
    poison: Poison,
    queue: Sleepers,
}

/// The spare word after `close_spare`: `put_spare` refuses (tokens and object addresses are
/// never 1).
const SPARE_CLOSED: usize = 1;

impl RawMutex {
    pub fn new() -> RawMutex {
        RawMutex::default()
    }

    /// Take the lock for `t` if it is free.
    pub fn try_lock(&self, t: Token) -> bool {
        // SeqCst on success (at least Acquire: the holder sees everything the previous holder
        // wrote before its release in `unlock`; SeqCst: the re-check in `lock_or_register`
        // is ordered after the waiter's registration, see `Sleepers`). SeqCst on failure
        // too: a failed re-check must not be ordered before the registration either.
        t != 0 && self.owner.compare_exchange(0, t, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    }

    /// Take the lock, or register `w` to be woken at the next release and return `false`.
    pub fn lock_or_register(&self, t: Token, w: &Waker) -> bool {
        if self.try_lock(t) {
            return true;
        }
        self.queue.register(w);
        // Re-check: the holder may have released between the first try and the registration.
        if self.try_lock(t) {
            self.queue.unregister(w);
            return true;
        }
        false
    }

    /// `lock_or_register` after spinning: when the lock is held, watch the word for up to
    /// `spins` rounds (a `spin_loop` hint each) and take it as soon as it reads free, before
    /// registering. A holder on another CPU whose critical section is short releases within
    /// the spin, so the waiter neither registers, nor blocks, nor is woken (std's futex mutex
    /// spins 100 rounds the same way). `spins` 0 is `lock_or_register`; a caller whose holder
    /// cannot run meanwhile (one OS thread runs every fiber) should pass 0.
    pub fn lock_spin_or_register(&self, t: Token, w: &Waker, spins: u32) -> bool {
        if self.try_lock(t) {
            return true;
        }
        let mut left = spins;
        while self.spin_until_free(&mut left) {
            if self.try_lock(t) {
                return true;
            }
        }
        self.lock_or_register(t, w)
    }

    /// Watch the lock word (loads only: no cache-line write while the lock is held) for up
    /// to `*left` rounds, a `spin_loop` hint each, until it reads free: `true` then (the
    /// rounds used are taken off `*left`; the lock may be taken again before the caller
    /// tries it), `false` when the rounds ran out first.
    pub fn spin_until_free(&self, left: &mut u32) -> bool {
        loop {
            // Relaxed: a hint only; the SeqCst compare-exchange of `try_lock` decides.
            if self.owner.load(Ordering::Relaxed) == 0 {
                return true;
            }
            if *left == 0 {
                return false;
            }
            *left -= 1;
            std::hint::spin_loop();
        }
    }

    /// A token for a hold that no holder object of the binding can have: this mutex's own
    /// address (the interpreter's holders are guard places, other allocations). The binding
    /// holds the lock under it for a step that makes no guard (`*m.lock().unwrap() += 1`).
    pub fn placeholder(&self) -> Token {
        self as *const RawMutex as usize
    }

    /// Take the binding's spare object (a non-zero word that `put_spare` stored, typically
    /// an owned pointer whose address the binding uses as the next holder's token), leaving
    /// the word empty; 0 when there is none. The word is a hand-over slot: exactly one caller
    /// gets a stored object. Never call it after `close_spare` (the binding's lock object is
    /// gone by then).
    pub fn take_spare(&self) -> usize {
        // Acquire: pairs with the Release of `put_spare`: what the putting thread did with
        // the object happens before the taker uses it.
        match self.spare.swap(0, Ordering::Acquire) {
            SPARE_CLOSED => {
                // Not reached (see above); keep the word closed. Relaxed: nothing is handed
                // over.
                let _ = self.spare.compare_exchange(0, SPARE_CLOSED, Ordering::Relaxed, Ordering::Relaxed);
                0
            }
            s => s,
        }
    }

    /// Store `s` (non-zero) as the spare object when the word is empty: `true` when it was
    /// stored (the word owns it now), `false` when the word is taken or closed (the caller
    /// keeps it).
    pub fn put_spare(&self, s: usize) -> bool {
        // Release: pairs with the Acquire of `take_spare` (see there).
        s > SPARE_CLOSED && self.spare.compare_exchange(0, s, Ordering::Release, Ordering::Relaxed).is_ok()
    }

    /// Close the spare word for good and return what it held (0: nothing), for the binding
    /// to free: from now on `put_spare` refuses.
    pub fn close_spare(&self) -> usize {
        // Acquire: as `take_spare`, the object is handed to the caller.
        match self.spare.swap(SPARE_CLOSED, Ordering::Acquire) {
            SPARE_CLOSED => 0,
            s => s,
        }
    }

    /// Drop a registration of `w` that is no longer needed (the caller got the lock).
    pub fn forget(&self, w: &Waker) {
        self.queue.unregister(w);
    }

    /// Release the lock held by `t`; poison it first when the holder is panicking. `false`
    /// (and nothing changes) when `t` does not hold it.
    pub fn unlock(&self, t: Token, panicking: bool) -> bool {
        match self.release(t, panicking) {
            Released::NotHeld => false,
            Released::Free => true,
            Released::Wake => {
                self.wake_one();
                true
            }
        }
    }

    /// The first half of `unlock`: free the lock word held by `t` and tell whether a waiter
    /// must be woken (then call `wake_one`, possibly after letting go of a guard of the
    /// caller's own: the binding releases under its storage's read guard and wakes after).
    pub fn release(&self, t: Token, panicking: bool) -> Released {
        // Relaxed: only the holder itself can change `owner` away from its own token.
        if t == 0 || self.owner.load(Ordering::Relaxed) != t {
            return Released::NotHeld;
        }
        if panicking {
            self.poison.set(true);
        }
        // SeqCst (at least Release: publishes the critical section and the poison flag to
        // the next holder's acquiring compare-exchange in `try_lock`; SeqCst: ordered before
        // the load of the queue's length in `has_waiters`, see `Sleepers`).
        if self.owner.compare_exchange(t, 0, Ordering::SeqCst, Ordering::Relaxed).is_err() {
            return Released::NotHeld;
        }
        if self.queue.has_waiters() {
            Released::Wake
        } else {
            Released::Free
        }
    }

    /// The second half of `unlock` when `release` answered `Wake`: wake the oldest waiter.
    pub fn wake_one(&self) {
        self.queue.notify_one();
    }

    /// Hand the lock held by `from` to `to` (a guard moved into a new handle). `false` when
    /// `from` does not hold it.
    pub fn transfer(&self, from: Token, to: Token) -> bool {
        // Relaxed: the same holder renames itself; nothing is published.
        to != 0 && self.owner.compare_exchange(from, to, Ordering::Relaxed, Ordering::Relaxed).is_ok()
    }

    /// Whether `t` holds the lock.
    pub fn held_by(&self, t: Token) -> bool {
        // Relaxed: a holder asking about itself reads its own write.
        t != 0 && self.owner.load(Ordering::Relaxed) == t
    }

    /// Whether anybody holds the lock (a snapshot).
    pub fn is_locked(&self) -> bool {
        // Relaxed: a snapshot for `Debug` and diagnostics.
        self.owner.load(Ordering::Relaxed) != 0
    }

    pub fn is_poisoned(&self) -> bool {
        self.poison.get()
    }

    pub fn clear_poison(&self) {
        self.poison.set(false);
    }
}

#[derive(Debug, Default)]
struct RwState {
    writer: Token,
    readers: Vec<Token>,
}

/// A reader-writer lock: one writer or any number of readers.
#[derive(Debug, Default)]
pub struct RawRwLock {
    state: Mutex<RwState>,
    poison: Poison,
    queue: WaitQueue,
}

impl RawRwLock {
    pub fn new() -> RawRwLock {
        RawRwLock::default()
    }

    /// Take the lock for `t`, exclusively (`write`) or shared, if possible now.
    pub fn try_acquire(&self, t: Token, write: bool) -> bool {
        if t == 0 {
            return false;
        }
        let mut s = self.state.lock();
        if s.writer != 0 || (write && !s.readers.is_empty()) {
            return false;
        }
        if write {
            s.writer = t;
        } else {
            s.readers.push(t);
        }
        true
    }

    /// Take the lock, or register `w` and return `false`.
    pub fn acquire_or_register(&self, t: Token, write: bool, w: &Waker) -> bool {
        if self.try_acquire(t, write) {
            return true;
        }
        self.queue.register(w);
        if self.try_acquire(t, write) {
            self.queue.unregister(w);
            return true;
        }
        false
    }

    pub fn forget(&self, w: &Waker) {
        self.queue.unregister(w);
    }

    /// Release what `t` holds (a write lock poisons when `panicking`; read locks never do,
    /// as in std). `false` when `t` holds nothing.
    pub fn release(&self, t: Token, panicking: bool) -> bool {
        let released = {
            let mut s = self.state.lock();
            if t != 0 && s.writer == t {
                if panicking {
                    self.poison.set(true);
                }
                s.writer = 0;
                true
            } else if let Some(i) = s.readers.iter().position(|r| *r == t) {
                s.readers.swap_remove(i);
                true
            } else {
                false
            }
        };
        if released {
            self.queue.notify_all();
        }
        released
    }

    /// Hand what `from` holds to `to`. `false` when `from` holds nothing.
    pub fn transfer(&self, from: Token, to: Token) -> bool {
        let mut s = self.state.lock();
        if to != 0 && s.writer == from && from != 0 {
            s.writer = to;
            return true;
        }
        match s.readers.iter_mut().find(|r| **r == from) {
            Some(r) if to != 0 => {
                *r = to;
                true
            }
            _ => false,
        }
    }

    pub fn held_by(&self, t: Token) -> bool {
        let s = self.state.lock();
        t != 0 && (s.writer == t || s.readers.contains(&t))
    }

    /// Whether a writer holds it (then the content cannot be read: `Debug` shows
    /// `<locked>`).
    pub fn is_write_locked(&self) -> bool {
        self.state.lock().writer != 0
    }

    pub fn is_poisoned(&self) -> bool {
        self.poison.get()
    }

    pub fn clear_poison(&self) {
        self.poison.set(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn mutex_tokens_and_poison() {
        let m = RawMutex::new();
        assert!(m.try_lock(1));
        assert!(!m.try_lock(2));
        assert!(!m.unlock(2, false), "a foreign token cannot unlock");
        assert!(m.unlock(1, true));
        assert!(!m.unlock(1, false), "a second release is refused");
        assert!(m.is_poisoned());
        m.clear_poison();
        assert!(!m.is_poisoned());
        assert!(!m.try_lock(0));
        assert!(m.try_lock(5));
        assert!(m.transfer(5, 6));
        assert!(!m.unlock(5, false));
        assert!(m.unlock(6, false));
        let ph = m.placeholder();
        assert!(ph != 0 && m.try_lock(ph) && !m.try_lock(7), "the placeholder holds it");
        assert!(m.transfer(ph, 8) && m.unlock(8, false));
    }

    /// `lock_spin_or_register`: with no spin, a held lock registers the waker (as
    /// `lock_or_register`); with a spin longer than the holder's critical section (another
    /// thread releases it), the waiter takes the lock without ever registering.
    #[test]
    fn mutex_spin_takes_a_lock_released_meanwhile() {
        let m = Arc::new(RawMutex::new());
        let w = std::task::Waker::noop();
        assert!(m.lock_spin_or_register(1, w, 0));
        assert!(!m.lock_spin_or_register(2, w, 0));
        assert_eq!(m.queue.len(), 1, "no spin: registered");
        m.forget(w);
        let mut left = 3;
        assert!(!m.spin_until_free(&mut left), "held: the rounds run out");
        assert_eq!(left, 0);
        let (m2, go) = (m.clone(), Arc::new(AtomicBool::new(false)));
        let go2 = go.clone();
        let h = std::thread::spawn(move || {
            // SeqCst: the test's own hand-shake.
            while !go2.load(Ordering::SeqCst) {
                std::hint::spin_loop();
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            assert!(m2.unlock(1, false));
        });
        go.store(true, Ordering::SeqCst);
        assert!(m.lock_spin_or_register(2, w, u32::MAX), "taken within the spin");
        assert!(m.held_by(2));
        assert_eq!(m.queue.len(), 0, "never registered");
        h.join().unwrap();
        assert!(m.unlock(2, false));
        let mut left = 3;
        assert!(m.spin_until_free(&mut left) && left == 3, "free: no round used");
    }

    /// The spare word hands one object over at a time and refuses everything once closed.
    #[test]
    fn mutex_spare_word() {
        let m = RawMutex::new();
        assert_eq!(m.take_spare(), 0);
        assert!(m.put_spare(64));
        assert!(!m.put_spare(128), "one object at a time");
        assert!(!m.put_spare(SPARE_CLOSED) && !m.put_spare(0), "never the sentinels");
        assert_eq!(m.take_spare(), 64);
        assert_eq!(m.take_spare(), 0);
        assert!(m.put_spare(128));
        assert_eq!(m.close_spare(), 128);
        assert!(!m.put_spare(64), "closed");
        assert_eq!(m.close_spare(), 0);
        assert_eq!(m.take_spare(), 0);
        assert!(!m.put_spare(64), "still closed after a take");
    }

    /// Three threads pass a pool of objects (each starts with two) through the spare word:
    /// no object is ever owned by two threads at once, and at the end every object is owned
    /// by exactly one thread or by the word.
    #[test]
    fn mutex_spare_hand_over_stress() {
        use std::sync::atomic::AtomicBool;
        const THREADS: usize = 3;
        let m = Arc::new(RawMutex::new());
        // `owned[o]`: object o (stored as `(o + 1) * 64`) is owned by a thread.
        let owned: Arc<Vec<AtomicBool>> = Arc::new((0..2 * THREADS).map(|_| AtomicBool::new(true)).collect());
        let hs: Vec<_> = (0..THREADS)
            .map(|k| {
                let (m, owned) = (m.clone(), owned.clone());
                std::thread::spawn(move || {
                    let mut mine = vec![2 * k, 2 * k + 1];
                    for i in 0..30_000usize {
                        if (i + k) % 2 == 0 {
                            if let Some(o) = mine.pop() {
                                // SeqCst (both): a plain check of the test's own bookkeeping.
                                owned[o].store(false, Ordering::SeqCst);
                                if !m.put_spare((o + 1) * 64) {
                                    assert!(!owned[o].swap(true, Ordering::SeqCst), "object {o} owned twice");
                                    mine.push(o);
                                }
                            }
                        } else {
                            let s = m.take_spare();
                            if s != 0 {
                                let o = s / 64 - 1;
                                assert!(!owned[o].swap(true, Ordering::SeqCst), "object {o} owned twice");
                                mine.push(o);
                            }
                        }
                    }
                    mine
                })
            })
            .collect();
        let mut all: Vec<usize> = hs.into_iter().flat_map(|h| h.join().unwrap()).collect();
        let s = m.close_spare();
        if s != 0 {
            all.push(s / 64 - 1);
        }
        all.sort_unstable();
        assert_eq!(all, (0..2 * THREADS).collect::<Vec<_>>(), "every object once");
    }

    #[test]
    fn mutex_wakes_a_registered_waiter() {
        let m = RawMutex::new();
        assert!(m.try_lock(1));
        let w = Waker::noop();
        assert!(!m.lock_or_register(2, w));
        assert_eq!(m.queue.len(), 1);
        assert!(m.unlock(1, false));
        assert_eq!(m.queue.len(), 0);
        assert!(m.lock_or_register(2, w));
    }

    /// `release` + `wake_one` (the split `unlock` of the interpreter's `release_guard`): the
    /// answer says whether somebody must be woken, and the waiter is woken only by `wake_one`.
    #[test]
    fn mutex_release_then_wake() {
        struct Count(std::sync::atomic::AtomicUsize);
        impl std::task::Wake for Count {
            fn wake(self: Arc<Self>) {
                // Relaxed: read by this thread after the waking call returned.
                self.0.fetch_add(1, Ordering::Relaxed);
            }
        }
        let m = RawMutex::new();
        assert!(m.try_lock(1));
        assert_eq!(m.release(2, false), Released::NotHeld);
        assert_eq!(m.release(1, false), Released::Free);
        assert_eq!(m.release(1, false), Released::NotHeld);
        assert!(m.try_lock(1));
        let c = Arc::new(Count(std::sync::atomic::AtomicUsize::new(0)));
        let w = Waker::from(c.clone());
        assert!(!m.lock_or_register(2, &w));
        assert_eq!(m.release(1, true), Released::Wake);
        assert!(m.is_poisoned());
        assert_eq!(c.0.load(Ordering::Relaxed), 0, "release alone wakes nobody");
        m.wake_one();
        assert_eq!(c.0.load(Ordering::Relaxed), 1);
        assert!(m.lock_or_register(2, &w));
    }

    /// The release/wake split under real threads: 2 OS threads x 20,000 lock/unlock pairs that
    /// park on a real condition (a flag per waker) when the lock is taken, released with
    /// `release` and woken with `wake_one` only on `Wake`; nothing is lost and nobody hangs.
    #[test]
    fn mutex_release_wake_stress() {
        use std::sync::atomic::AtomicBool;
        struct Flag(AtomicBool, std::thread::Thread);
        impl std::task::Wake for Flag {
            fn wake(self: Arc<Self>) {
                // SeqCst: pairs with the parked thread's load (it re-checks after parking).
                self.0.store(true, Ordering::SeqCst);
                self.1.unpark();
            }
        }
        struct Shared {
            m: RawMutex,
            n: std::cell::UnsafeCell<u64>,
        }
        // SAFETY: `n` is only touched while `m` is held, which the test is checking.
        unsafe impl Sync for Shared {}
        let s = Arc::new(Shared { m: RawMutex::new(), n: std::cell::UnsafeCell::new(0) });
        let hs: Vec<_> = (1..=2usize)
            .map(|t| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for _ in 0..20_000 {
                        loop {
                            let f = Arc::new(Flag(AtomicBool::new(false), std::thread::current()));
                            let w = Waker::from(f.clone());
                            if s.m.lock_or_register(t, &w) {
                                break;
                            }
                            // SeqCst: pairs with the store in `wake`.
                            let mut waited = 0;
                            while !f.0.load(Ordering::SeqCst) {
                                std::thread::park_timeout(std::time::Duration::from_millis(100));
                                waited += 1;
                                assert!(waited < 100, "a registered waiter was never woken (lost wake-up)");
                            }
                        }
                        // SAFETY: the lock is held by this thread.
                        unsafe { *s.n.get() += 1 };
                        match s.m.release(t, false) {
                            Released::Wake => s.m.wake_one(),
                            Released::Free => {}
                            Released::NotHeld => panic!("the holder could not release"),
                        }
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        // SAFETY: every thread has been joined.
        assert_eq!(unsafe { *s.n.get() }, 40_000);
    }

    #[test]
    fn rwlock_readers_and_writer() {
        let l = RawRwLock::new();
        assert!(l.try_acquire(1, false));
        assert!(l.try_acquire(2, false));
        assert!(!l.try_acquire(3, true));
        assert!(l.release(1, true));
        assert!(!l.is_poisoned(), "read guards never poison");
        assert!(l.release(2, false));
        assert!(l.try_acquire(3, true));
        assert!(l.is_write_locked());
        assert!(!l.try_acquire(4, false));
        assert!(l.release(3, true));
        assert!(l.is_poisoned());
        assert!(!l.release(3, false));
    }

    /// Bounded stress: 4 OS threads x 20,000 increments of a plain counter under the lock,
    /// spinning instead of parking (the driver's job); nothing is lost.
    #[test]
    fn mutex_stress_excludes() {
        struct Shared {
            m: RawMutex,
            n: std::cell::UnsafeCell<u64>,
        }
        // SAFETY: `n` is only touched while `m` is held, which the test is checking.
        unsafe impl Sync for Shared {}
        let s = Arc::new(Shared { m: RawMutex::new(), n: std::cell::UnsafeCell::new(0) });
        let hs: Vec<_> = (1..=4usize)
            .map(|t| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for _ in 0..20_000 {
                        while !s.m.lock_or_register(t, Waker::noop()) {
                            std::hint::spin_loop();
                        }
                        // SAFETY: the lock is held by this thread.
                        unsafe { *s.n.get() += 1 };
                        assert!(s.m.unlock(t, false));
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        // SAFETY: every thread has been joined.
        assert_eq!(unsafe { *s.n.get() }, 80_000);
    }
}
