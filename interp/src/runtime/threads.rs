//! The thread table's objects: `ThreadInfo` (what `thread::current()` and
//! `JoinHandle::thread()` return: id, name, the park token) and `JoinSlot` (where a
//! thread's result waits for `join`), plus the panic `Payload` a panicked thread leaves.
//!
//! Both OS-thread and deterministic drivers use them; blocking on them goes through the
//! `WaitQueue` protocol (see `teras_stdlib::sched`).

use crate::value::Value;
use parking_lot::Mutex;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{RawWakerVTable, Waker};
use teras_stdlib::sched::WaitQueue;

/// One TERAS thread: `std::thread::Thread`.
#[derive(Debug)]
pub struct ThreadInfo {
    /// `ThreadId(n)`: 1 for `main`, then 2, 3, ... in spawn order.
    pub id: u64,
    /// `Builder::name`; `main` for the main thread; tasks share one static name (no
    /// allocation per task).
    pub name: Option<Cow<'static, str>>,
    /// `unpark`'s token: set by `unpark`, consumed by `park`.
    token: AtomicBool,
    /// The parked fiber waiting for the token.
    parked: WaitQueue,
    /// `unpark`s so far (bumped before each one's notification).
    unparks: AtomicUsize,
    /// The waker this thread's fiber registered in `parked` last, and `unparks` when it did
    /// (`register_park`). Read and written only by whoever runs the fiber (one OS thread at a
    /// time; a task's hand-off between workers orders its runs).
    last_park: LastPark,
}

/// See `ThreadInfo::last_park`.
#[derive(Debug, Default)]
struct LastPark {
    unparks: AtomicUsize,
    data: AtomicPtr<()>,
    vtable: AtomicPtr<RawWakerVTable>,
}

impl ThreadInfo {
    pub fn new(id: u64, name: Option<String>) -> ThreadInfo {
        ThreadInfo { id, name: name.map(Cow::Owned), token: AtomicBool::new(false), parked: WaitQueue::new(), unparks: AtomicUsize::new(0), last_park: LastPark::default() }
    }

    /// A thread with a fixed name (async tasks: `tokio-runtime-worker`).
    pub fn named(id: u64, name: &'static str) -> ThreadInfo {
        ThreadInfo { id, name: Some(Cow::Borrowed(name)), token: AtomicBool::new(false), parked: WaitQueue::new(), unparks: AtomicUsize::new(0), last_park: LastPark::default() }
    }

    /// The name panic messages show: the name, or `<unnamed>`.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or("<unnamed>")
    }

    /// `Thread::unpark`: make the token available and wake the thread if it is parked.
    pub fn unpark(&self) {
        // Relaxed: ordered before the token's SeqCst store below, which a `park` that takes
        // the token reads (and every waker it takes is woken after it: the wake-up orders
        // it before the fiber's next `register_park`).
        self.unparks.fetch_add(1, Ordering::Relaxed);
        // SeqCst: the token must be visible to a `park` that registers after this store
        // (it re-checks the token after registering).
        self.token.store(true, Ordering::SeqCst);
        self.parked.notify_all();
    }

    /// `park`'s check: consume the token if it is there.
    pub fn take_token(&self) -> bool {
        self.token.swap(false, Ordering::SeqCst)
    }

    /// `park` could not take the token, or the fiber blocks at an await point (`abort`
    /// unparks it): be woken by the next `unpark`. A fiber blocking again with the waker it
    /// registered last, no `unpark` since, is still registered (only `unpark`'s notification
    /// takes wakers out of `parked`): nothing to do, and no lock taken. Should an `unpark`
    /// race with that check, the waker it takes is woken by it, so the fiber runs again and
    /// registers anew.
    pub fn register_park(&self, w: &Waker) {
        // Acquire: pairs with nothing in particular; the orders that matter are described on
        // `unpark` (a stale count only sends this to the registration below).
        let n = self.unparks.load(Ordering::Acquire);
        let last = &self.last_park;
        // Relaxed (the three `last_park` fields): only the fiber's runner uses them.
        let (data, vtable) = (w.data().cast_mut(), std::ptr::from_ref(w.vtable()).cast_mut());
        if last.unparks.load(Ordering::Relaxed) == n && last.data.load(Ordering::Relaxed) == data && last.vtable.load(Ordering::Relaxed) == vtable && !data.is_null() {
            return;
        }
        self.parked.register(w);
        last.unparks.store(n, Ordering::Relaxed);
        last.data.store(data, Ordering::Relaxed);
        last.vtable.store(vtable, Ordering::Relaxed);
    }
}

/// What a panicked thread hands to `join`: Rust's `Box<dyn Any + Send>` payload. A literal
/// panic message (`panic!("boom")`) is a `&'static str` in Rust, a formatted one a `String`;
/// `downcast_ref` answers accordingly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub msg: String,
    pub is_str: bool,
}

/// Where a thread's result waits for `join`.
#[derive(Debug)]
pub struct JoinSlot {
    pub thread: Arc<ThreadInfo>,
    /// The payload boxed: the slot stays small while a million tasks' handles wait to be
    /// joined (16 bytes for the result instead of 40).
    result: Mutex<Option<Result<Value, Box<Payload>>>>,
    finished: AtomicBool,
    /// `join` took the result (a scope then does not re-raise the thread's panic).
    taken: AtomicBool,
    waiters: WaitQueue,
}

impl JoinSlot {
    pub fn new(thread: Arc<ThreadInfo>) -> JoinSlot {
        JoinSlot { thread, result: Mutex::new(None), finished: AtomicBool::new(false), taken: AtomicBool::new(false), waiters: WaitQueue::new() }
    }

    /// The thread ended: store its result and wake the joiners.
    pub fn finish(&self, r: Result<Value, Payload>) {
        *self.result.lock() = Some(r.map_err(Box::new));
        // SeqCst: pairs with `is_finished` in `try_join` after the joiner registered.
        self.finished.store(true, Ordering::SeqCst);
        self.waiters.notify_all();
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::SeqCst)
    }

    /// `join`: the result when the thread finished (taken: a second call gets `None` with
    /// `taken`), else registers `w` and `None`.
    pub fn try_join(&self, w: &Waker) -> Option<Result<Value, Payload>> {
        if !self.is_finished() {
            self.waiters.register(w);
            if !self.is_finished() {
                return None;
            }
        }
        self.taken.store(true, Ordering::SeqCst);
        self.result.lock().take().map(|r| r.map_err(|p| *p))
    }

    /// The value the thread returned, taken (as `try_join` takes it), when it finished with
    /// one; `None` while it runs, after a panic (the payload stays for `try_join`) or when
    /// the result was taken already.
    pub fn take_ok(&self) -> Option<Value> {
        if !self.is_finished() {
            return None;
        }
        let mut r = self.result.lock();
        if !matches!(&*r, Some(Ok(_))) {
            return None;
        }
        self.taken.store(true, Ordering::SeqCst);
        match r.take() {
            Some(Ok(v)) => Some(v),
            _ => None,
        }
    }

    /// Wait for the end without taking the result (scopes); `false` after registering `w`.
    pub fn done_or_register(&self, w: &Waker) -> bool {
        if self.is_finished() {
            return true;
        }
        self.waiters.register(w);
        self.is_finished()
    }

    /// Finished with a panic nobody joined (a scope re-raises it).
    pub fn unhandled_panic(&self) -> bool {
        self.is_finished() && !self.taken.load(Ordering::SeqCst) && matches!(&*self.result.lock(), Some(Err(_)))
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<ThreadInfo>>> = const { RefCell::new(None) };
}

/// The TERAS thread the fiber running on this OS thread belongs to (set by the drivers).
pub fn current() -> Option<Arc<ThreadInfo>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// `f` on the current TERAS thread (as `current`, borrowed: no count touched).
pub fn with_current<R>(f: impl FnOnce(Option<&ThreadInfo>) -> R) -> R {
    CURRENT.with(|c| f(c.borrow().as_deref()))
}

/// Set by a driver before it runs a fiber.
pub fn set_current(t: Option<Arc<ThreadInfo>>) {
    CURRENT.with(|c| *c.borrow_mut() = t);
}

/// `set_current(t)`, giving back what was current (the executor runs a task on a helping
/// thread and puts the helper's own thread back: no count touched for it).
pub fn replace_current(t: Option<Arc<ThreadInfo>>) -> Option<Arc<ThreadInfo>> {
    CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn join_waits_then_takes_once() {
        let slot = JoinSlot::new(Arc::new(ThreadInfo::new(2, None)));
        let c = Arc::new(Count(AtomicUsize::new(0)));
        let w = Waker::from(c.clone());
        assert!(slot.try_join(&w).is_none());
        slot.finish(Err(Payload { msg: "boom".into(), is_str: true }));
        assert_eq!(c.0.load(Ordering::Relaxed), 1);
        assert!(!slot.unhandled_panic() || !slot.taken.load(Ordering::SeqCst));
        assert!(matches!(slot.try_join(&w), Some(Err(_))));
        assert!(!slot.unhandled_panic());
    }

    /// `take_ok` (the fused `.await` of a JoinHandle) takes a returned value once and leaves a
    /// panic's payload for `try_join` (which then reports it as handled).
    #[test]
    fn take_ok_takes_a_value_and_leaves_a_panic() {
        let w = Waker::noop();
        let slot = JoinSlot::new(Arc::new(ThreadInfo::new(2, None)));
        assert!(slot.take_ok().is_none(), "running");
        slot.finish(Ok(Value::i32(7)));
        assert!(matches!(slot.take_ok(), Some(Value::Int(7, _))));
        assert!(slot.take_ok().is_none(), "taken once");
        assert!(slot.try_join(w).is_none(), "then `join` finds it taken");
        let p = JoinSlot::new(Arc::new(ThreadInfo::new(3, None)));
        p.finish(Err(Payload { msg: "boom".into(), is_str: false }));
        assert!(p.take_ok().is_none());
        assert!(p.unhandled_panic());
        assert!(matches!(p.try_join(w), Some(Err(Payload { msg, is_str: false })) if msg == "boom"));
        assert!(!p.unhandled_panic());
    }

    /// A fiber blocking again with the waker it registered last (no `unpark` since) finds it
    /// registered: one entry, no clone; an `unpark` takes and wakes it, and the next block
    /// registers it anew; another waker is registered beside it.
    #[test]
    fn register_park_again_keeps_one_registration_until_an_unpark() {
        let t = ThreadInfo::new(9, None);
        let c = Arc::new(Count(AtomicUsize::new(0)));
        let w = Waker::from(c.clone());
        t.register_park(&w);
        t.register_park(&w);
        assert_eq!(t.parked.len(), 1);
        assert_eq!(Arc::strong_count(&c), 3, "the waker, its one registration, the test's");
        t.unpark();
        assert_eq!(c.0.load(Ordering::Relaxed), 1);
        assert!(t.take_token());
        assert!(t.parked.is_empty());
        t.register_park(&w);
        assert_eq!(t.parked.len(), 1, "registered anew after the unpark");
        let other = Waker::from(Arc::new(Count(AtomicUsize::new(0))));
        t.register_park(&other);
        t.register_park(&w);
        assert_eq!(t.parked.len(), 2);
        t.unpark();
        assert_eq!(c.0.load(Ordering::Relaxed), 2);
    }

    /// Real threads, 20,000 rounds: the parking side asks for an unpark, then takes the token
    /// the blocking way (take, register, take again, park), registering with the same waker
    /// every time (the shortcut of `register_park`, racing with the other thread's
    /// `unpark`); a lost unpark would park until the safety timeout. That timeout is long (30 s)
    /// because the test runs beside the whole suite on loaded 2-core machines, where the
    /// spinning unparker thread may not run for a second or more (a 1 s bound failed so).
    #[test]
    fn park_rounds_across_threads_lose_no_unpark() {
        use std::sync::atomic::AtomicBool;
        use std::time::{Duration, Instant};
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let t = Arc::new(ThreadInfo::new(4, None));
        let asked = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicBool::new(false));
        let (t2, asked2, done2) = (t.clone(), asked.clone(), done.clone());
        let unparker = std::thread::spawn(move || {
            let mut given = 0;
            // SeqCst (these test counters): read after the other thread's SeqCst writes.
            while !done2.load(Ordering::SeqCst) {
                if asked2.load(Ordering::SeqCst) > given {
                    given += 1;
                    t2.unpark();
                } else {
                    std::hint::spin_loop();
                }
            }
            given
        });
        let w = Waker::from(Arc::new(Unpark(std::thread::current())));
        for round in 0..20_000 {
            asked.fetch_add(1, Ordering::SeqCst);
            let started = Instant::now();
            loop {
                if t.take_token() {
                    break;
                }
                t.register_park(&w);
                if t.take_token() {
                    break;
                }
                std::thread::park_timeout(Duration::from_secs(1));
                assert!(started.elapsed() < Duration::from_secs(30), "round {round}: unpark lost");
            }
        }
        done.store(true, Ordering::SeqCst);
        assert_eq!(unparker.join().unwrap(), 20_000);
    }

    /// The result cell stays small (a boxed payload): a million unjoined task handles.
    #[test]
    fn the_result_cell_is_small() {
        assert!(std::mem::size_of::<Mutex<Option<Result<Value, Box<Payload>>>>>() <= 24);
    }

    #[test]
    fn unpark_before_park_is_not_lost() {
        let t = ThreadInfo::new(3, Some("w".into()));
        t.unpark();
        assert!(t.take_token());
        assert!(!t.take_token());
        assert_eq!(t.display_name(), "w");
        assert_eq!(ThreadInfo::new(4, None).display_name(), "<unnamed>");
    }
}
