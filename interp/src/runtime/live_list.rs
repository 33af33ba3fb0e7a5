//! `LiveList<T>`: weak references to what an executor spawned, kept so that the end of the
//! run can find what is still running (`executor::live_tasks`, the runtime shutdown of
//! `async fn main`), at no lock on the spawning path.
//!
//! - `push` (every spawn) is lock-free: a push to a `crossbeam_deque::Injector` (an unbounded
//!   MPMC queue) and a read of its length. No thread ever waits for another one there.
//! - The list is pruned now and then so that it stays proportional to what is alive, not to
//!   everything ever spawned (a `Weak` keeps its allocation): when a push finds the list at
//!   `prune_at` entries, it *tries* to take the `sweep` lock (never waits for it) and, when it
//!   gets it, takes out the entries that were there, puts back those still alive, and sets
//!   `prune_at` to `GROWTH` times what is left (at least `MIN_PRUNE`). Pruning costs
//!   O(entries) once per such growth: amortized O(1) per push (at most 4/3 takes and 1/3
//!   put-back per push with a growth of 4, against 2 and 1 with a doubling: the entries of
//!   finished tasks live a little longer, as `Weak`s, whose allocation is a join slot).
//! - `snapshot` takes the `sweep` lock (waits for a pruning push to finish putting its live
//!   entries back), takes out the entries that were there when it started, keeps the live
//!   ones and puts them back. Every entry whose push happened before `snapshot` started and
//!   that is still alive is in the result: the queue is FIFO, so the first `len()` entries
//!   taken include all of them, and while the lock is held no one else holds entries out
//!   of the queue. Entries pushed while it runs may or may not be in it (as with a lock).

use crossbeam_deque::{Injector, Steal};
use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

/// The length below which the list is never pruned.
const MIN_PRUNE: usize = 64;

/// After a prune leaving `n` entries, the next one comes at `GROWTH * n`.
const GROWTH: usize = 4;

/// Weak references to spawned objects (see the module doc).
pub struct LiveList<T> {
    q: Injector<Weak<T>>,
    /// The length at which the next push prunes. A hint: written under `sweep`, read without
    /// it; a stale value only makes a prune come a little early or late.
    prune_at: AtomicUsize,
    /// Held while entries are out of the queue (pruning, snapshots).
    sweep: Mutex<()>,
}

impl<T> Default for LiveList<T> {
    fn default() -> Self {
        LiveList { q: Injector::new(), prune_at: AtomicUsize::new(MIN_PRUNE), sweep: Mutex::new(()) }
    }
}

impl<T> std::fmt::Debug for LiveList<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LiveList({} entries)", self.q.len())
    }
}

impl<T> LiveList<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remember `x`. Lock-free; now and then (once per `GROWTH`-fold growth) it also drops
    /// the entries that are gone or no longer `live`, unless another thread is doing so.
    pub fn push(&self, x: &Arc<T>, live: impl Fn(&T) -> bool) {
        self.q.push(Arc::downgrade(x));
        // Relaxed: a hint (see `prune_at`); the pruning itself is ordered by `sweep`.
        if self.q.len() >= self.prune_at.load(Ordering::Relaxed) {
            if let Some(_g) = self.sweep.try_lock() {
                self.retain(&live);
            }
        }
    }

    /// The entries still alive and `live`, in push order (see the module doc for which).
    pub fn snapshot(&self, live: impl Fn(&T) -> bool) -> Vec<Arc<T>> {
        let _g = self.sweep.lock();
        self.retain(&live)
    }

    /// Entries in the list now (pruned ones are not counted once removed).
    pub fn len(&self) -> usize {
        self.q.len()
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty()
    }

    /// Take out the entries present now, put back the live ones, return them. The caller
    /// holds `sweep`.
    fn retain(&self, live: &impl Fn(&T) -> bool) -> Vec<Arc<T>> {
        let n = self.q.len();
        let mut kept = Vec::new();
        for _ in 0..n {
            let w = loop {
                match self.q.steal() {
                    Steal::Success(w) => break Some(w),
                    Steal::Retry => std::hint::spin_loop(),
                    Steal::Empty => break None,
                }
            };
            let Some(w) = w else { break };
            if let Some(x) = w.upgrade().filter(|x| live(x)) {
                kept.push(x);
            }
        }
        for x in &kept {
            self.q.push(Arc::downgrade(x));
        }
        // Relaxed: see `prune_at` (written only here, under `sweep`).
        self.prune_at.store(self.q.len().saturating_mul(GROWTH).max(MIN_PRUNE), Ordering::Relaxed);
        kept
    }
}

#[cfg(test)]
#[path = "live_list_tests.rs"]
mod tests;
