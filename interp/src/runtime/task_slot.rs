//! `TaskSlot<T>`: room for one `Arc<T>` in an atomic pointer, put and taken with one atomic
//! swap each (no lock). The executor's helper slot (`executor::Executor::helper_slot`): the
//! task woken last on a helping thread, which that thread runs next (`executor::help`) and
//! which an idle worker may take instead (`Executor::find`), as it steals from the helper
//! deque.

use std::marker::PhantomData;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Arc;

/// One `Arc<T>` or nothing. The slot owns the count of the `Arc` it holds (`Arc::into_raw`).
pub struct TaskSlot<T> {
    ptr: AtomicPtr<T>,
    /// It owns an `Arc<T>`: `Send`/`Sync` as `Arc<T>` is.
    _owns: PhantomData<Arc<T>>,
}

impl<T> Default for TaskSlot<T> {
    fn default() -> Self {
        TaskSlot { ptr: AtomicPtr::new(ptr::null_mut()), _owns: PhantomData }
    }
}

impl<T> std::fmt::Debug for TaskSlot<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskSlot").field("empty", &self.is_empty()).finish()
    }
}

impl<T> TaskSlot<T> {
    /// Put `t` in the slot; what it held before comes back.
    pub fn put(&self, t: Arc<T>) -> Option<Arc<T>> {
        let p = Arc::into_raw(t).cast_mut();
        // AcqRel: the Release half publishes what was written to `*t` before the put to the
        // thread whose swap takes it (`take`'s Acquire, or a later `put`'s); the Acquire half
        // pairs with the Release of the `put` that left the previous occupant.
        let old = self.ptr.swap(p, Ordering::AcqRel);
        // SAFETY: a non-null pointer in the slot came from `Arc::into_raw` in `put`, and the
        // slot owned that count; the swap moved it out, so it is ours to turn back into the
        // `Arc` exactly once.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    /// Take what the slot holds.
    pub fn take(&self) -> Option<Arc<T>> {
        // Relaxed: a hint that skips the swap on an empty slot (the common case of a worker
        // looking for work); a `put` racing with it is seen by the next look, as a push
        // racing with a deque's emptiness test is.
        if self.ptr.load(Ordering::Relaxed).is_null() {
            return None;
        }
        // AcqRel: pairs with the Release of the `put` that left the occupant (see `put`).
        let old = self.ptr.swap(ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: as in `put`: the swap moved the slot's count to us.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    /// Does it hold nothing now?
    pub fn is_empty(&self) -> bool {
        // SeqCst: read after the parking worker's SeqCst fence (`executor::worker_main`), as
        // the deques' emptiness tests are.
        self.ptr.load(Ordering::SeqCst).is_null()
    }
}

impl<T> Drop for TaskSlot<T> {
    fn drop(&mut self) {
        drop(self.take());
    }
}

#[cfg(test)]
mod tests {
    use super::TaskSlot;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            // Relaxed: read by the test after the threads joined.
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn put_take_and_the_displaced_occupant() {
        let s = TaskSlot::default();
        assert!(s.is_empty());
        assert!(s.put(Arc::new(1)).is_none());
        assert_eq!(s.put(Arc::new(2)).as_deref(), Some(&1));
        assert!(!s.is_empty());
        assert_eq!(s.take().as_deref(), Some(&2));
        assert!(s.take().is_none());
        assert!(s.is_empty());
    }

    /// Two threads put and take 20,000 values each through one slot: every value is taken or
    /// displaced exactly once (none lost, none twice), and a value left in the slot dies with
    /// it.
    #[test]
    fn racing_puts_and_takes_lose_and_duplicate_nothing() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let slot = Arc::new(TaskSlot::default());
        let seen = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let (slot, dropped, seen) = (slot.clone(), dropped.clone(), seen.clone());
                std::thread::spawn(move || {
                    for i in 0..20_000 {
                        if let Some(old) = slot.put(Arc::new(Counted(dropped.clone()))) {
                            drop(old);
                            // Relaxed: a count read after the join.
                            seen.fetch_add(1, Ordering::Relaxed);
                        }
                        if i % 3 == 0 {
                            if let Some(t) = slot.take() {
                                drop(t);
                                seen.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        let left = usize::from(!slot.is_empty());
        assert_eq!(seen.load(Ordering::Relaxed) + left, 40_000);
        drop(slot);
        assert_eq!(dropped.load(Ordering::Relaxed), 40_000);
    }
}
