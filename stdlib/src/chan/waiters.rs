//! `Waiters`: a `WaitQueue` with an "armed" flag, so that the hot path of a channel (a send
//! nobody waits for) costs one fence and one load instead of a lock.
//!
//! Protocol (Dekker-style, both sides fence): a waiter registers its waker, sets `armed`,
//! fences, then checks the channel again; a notifier changes the channel, fences, and wakes
//! the queue only if it sees `armed`. Either the waiter's second check sees the change, or the
//! notifier sees `armed` and wakes a waker that was registered before it was set.

use crate::sched::WaitQueue;
use std::sync::atomic::{fence, AtomicBool, Ordering};
use std::task::Waker;

#[derive(Debug, Default)]
pub struct Waiters {
    queue: WaitQueue,
    armed: AtomicBool,
}

impl Waiters {
    /// Register `w`; the caller must check its condition again afterwards.
    pub fn register(&self, w: &Waker) {
        self.queue.register(w);
        // Relaxed: the SeqCst fence after it is what pairs with `notify`'s fence (C++20
        // [atomics.order]: a store sequenced before one SeqCst fence is seen by a load
        // sequenced after a later one), so the store needs no barrier of its own (a SeqCst
        // store was a second one on x86).
        self.armed.store(true, Ordering::Relaxed);
        fence(Ordering::SeqCst);
    }

    /// Forget `w` (an operation that completed or gave up while registered).
    #[inline]
    pub fn unregister(&self, w: &Waker) {
        self.queue.unregister(w);
    }

    /// Wake every registered waiter, if there may be any. Call after changing the channel.
    pub fn notify(&self) {
        fence(Ordering::SeqCst);
        // Relaxed (the load and the store): the fences order them (see the module doc). A
        // plain store, not a swap: two notifiers that both see the flag both notify (the
        // second finds the queue empty), and a waiter arming after this store was ordered
        // after it by the queue's lock, which it took to register, so its flag stays set.
        if self.armed.load(Ordering::Relaxed) {
            self.armed.store(false, Ordering::Relaxed);
            self.queue.notify_all();
        }
    }

    /// `notify` for a change of the channel made by a SeqCst read-modify-write (the index
    /// compare-and-swap of crossbeam's queues, in a successful `push` or `pop`): the load of
    /// `armed` is then SeqCst instead of a fence and a relaxed load (on x86 a plain load
    /// instead of a full barrier). Still Dekker: with the change C, this load B and a
    /// waiter's fence X after its store of `armed`, C precedes B in the total order S (C is
    /// sequenced before B); if X precedes B in S, B sees the waiter's store (a SeqCst load
    /// after a SeqCst fence sees what was stored before the fence); otherwise C precedes X,
    /// and the waiter's second look, after X, sees C (a load after a SeqCst fence sees the
    /// last SeqCst modification that precedes the fence in S, or a later one).
    pub fn notify_after_seq_cst(&self) {
        if self.armed.load(Ordering::SeqCst) {
            self.armed.store(false, Ordering::Relaxed);
            self.queue.notify_all();
        }
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.queue.len()
    }
}
