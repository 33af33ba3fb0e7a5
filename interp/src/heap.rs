//! `Heap<T>`: the shared, mutable box behind every aggregate TERAS value.
//!
//! A TERAS program may be racy; the interpreter must still never have undefined behaviour and
//! never hang on itself. So a heap object is an `Arc` around a reader-writer cell that never
//! blocks: `read` and `write` *try* to take the lock and report a `BorrowConflict` when they
//! cannot. In a program that keeps Rust's borrowing rules, a conflict cannot happen (writes
//! need exclusive access); in one that breaks them, the conflict becomes a TERAS error instead
//! of a data race or a deadlock of the interpreter on its own lock.
//!
//! Invariant: native code never holds a guard across anything that may take a guard on the
//! same object again, except through `read` (which is recursive for readers), and never
//! across TERAS code or a blocking wait.
//!
//! With several OS threads running TERAS code, a conflict may be another thread's brief
//! access (two threads cloning one `Arc`), so accesses then wait a bounded time before they
//! report it (`set_threaded`).

use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Set once a second OS thread runs TERAS code. From then on a conflict may be another
/// thread's short access (two threads cloning one `Arc` both update its count) rather than
/// a re-entrance of this thread, so `read`/`write` wait for the lock up to `CONTENDED_WAIT`
/// before they report it.
static THREADED: AtomicBool = AtomicBool::new(false);

/// How long a contended access waits once the program is threaded. Heap locks are held only
/// for the duration of one native operation, never across TERAS code.
const CONTENDED_WAIT: Duration = Duration::from_secs(2);

/// Another OS thread now runs TERAS code (see `THREADED`).
pub fn set_threaded() {
    // Relaxed: the flag only chooses between failing fast and waiting; no data is published
    // through it (the lock itself orders the accesses).
    THREADED.store(true, Ordering::Relaxed);
}

/// Whether a second OS thread ever ran TERAS code in this process.
pub fn threaded() -> bool {
    // Relaxed: pairs with nothing (see `set_threaded`).
    THREADED.load(Ordering::Relaxed)
}

/// A reference-counted, thread-safe cell whose lock is only ever tried, never waited for.
pub struct Heap<T>(Arc<RwLock<T>>);

/// A heap object was borrowed in a way that conflicts with a live borrow (the same thread
/// re-entering, or another thread racing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BorrowConflict;

impl<T> Heap<T> {
    pub fn new(value: T) -> Self {
        Heap(Arc::new(RwLock::new(value)))
    }

    /// Shared access. Recursive: a thread that already reads may read again.
    #[inline]
    pub fn read(&self) -> Result<RwLockReadGuard<'_, T>, BorrowConflict> {
        if let Some(g) = self.0.try_read_recursive() {
            return Ok(g);
        }
        if threaded() {
            return self.0.try_read_recursive_for(CONTENDED_WAIT).ok_or(BorrowConflict);
        }
        Err(BorrowConflict)
    }

    /// Exclusive access.
    #[inline]
    pub fn write(&self) -> Result<RwLockWriteGuard<'_, T>, BorrowConflict> {
        if let Some(g) = self.0.try_write() {
            return Ok(g);
        }
        if threaded() {
            return self.0.try_write_for(CONTENDED_WAIT).ok_or(BorrowConflict);
        }
        Err(BorrowConflict)
    }

    /// Same object?
    #[inline]
    pub fn ptr_eq(&self, other: &Heap<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// An address for identity (`{:p}`, hashing by identity).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }

    /// How many `Heap` handles point at the object (not Rust's `Rc::strong_count`, which
    /// TERAS tracks itself: stale VM registers also hold handles).
    pub fn handle_count(&self) -> usize {
        Arc::strong_count(&self.0)
    }

    /// Direct access when this is the only handle (no other `Heap` and no weak pointer):
    /// nobody else can observe the object, so no lock is needed.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        Arc::get_mut(&mut self.0).map(RwLock::get_mut)
    }
}

impl<T> Clone for Heap<T> {
    /// Another handle to the same object (never a copy of the object).
    fn clone(&self) -> Self {
        Heap(Arc::clone(&self.0))
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Heap<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.read() {
            Ok(v) => v.fmt(f),
            Err(_) => f.write_str("<borrowed>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_while_reading_is_a_conflict_not_a_deadlock() {
        let h = Heap::new(vec![1, 2, 3]);
        let r = h.read().unwrap();
        assert_eq!(h.write().err(), Some(BorrowConflict));
        let r2 = h.read().unwrap();
        assert_eq!(r.len() + r2.len(), 6);
        drop((r, r2));
        h.write().unwrap().push(4);
        assert_eq!(h.read().unwrap().len(), 4);
    }

    #[test]
    fn clone_is_a_handle() {
        let a = Heap::new(1);
        let b = a.clone();
        *b.write().unwrap() = 5;
        assert_eq!(*a.read().unwrap(), 5);
        assert!(a.ptr_eq(&b));
    }
}
