
// The TERAS prelude, async locks: `tokio::sync::{Mutex, RwLock, Semaphore, Notify, Barrier}` in
// tokio's shapes (the channels, and `AsyncHandle`, are in async_chan.rs). Each object is a
// struct around a native handle (field `inner`) of builtins/async_sync.rs; the awaitable
// methods return native futures (`.await` polls them on the blocking protocol).

pub mod tokio {
    pub mod sync {
        /// tokio's async `Mutex`: `lock().await` gives a guard, released when it dies; never
        /// poisoned; waiters are served in order.
        pub struct Mutex<T> {
            inner: AsyncHandle<T>,
        }

        impl<T> Mutex<T> {
            pub fn new(t: T) -> Mutex<T> {
                Mutex { inner: __alock_new(t, false) }
            }
            pub fn lock(&self) -> impl std::future::Future<Output = MutexGuard<T>> {
                __alock_acquire(&self.inner, 0)
            }
            pub fn try_lock(&self) -> Result<MutexGuard<T>, TryLockError> {
                __alock_try(&self.inner, 0, TryLockError(()))
            }
            pub fn blocking_lock(&self) -> MutexGuard<T> {
                __await(__alock_acquire(&self.inner, 0))
            }
            pub fn into_inner(self) -> T {
                __alock_into_inner(&self.inner)
            }
            pub fn get_mut(&mut self) -> &mut T {
                __alock_get_mut(&self.inner)
            }
        }

        impl<T: Debug> Debug for Mutex<T> {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                match __alock_try(&self.inner, 0, TryLockError(())) {
                    Ok(g) => write!(f, "Mutex {{ data: {:?} }}", *g),
                    Err(_) => f.write_str("Mutex { data: <locked> }"),
                }
            }
        }

        /// tokio's async `RwLock`: many `read().await` guards or one `write().await` guard,
        /// fair (a waiting writer holds back later readers).
        pub struct RwLock<T> {
            inner: AsyncHandle<T>,
        }

        impl<T> RwLock<T> {
            pub fn new(t: T) -> RwLock<T> {
                RwLock { inner: __alock_new(t, true) }
            }
            pub fn read(&self) -> impl std::future::Future<Output = RwLockReadGuard<T>> {
                __alock_acquire(&self.inner, 1)
            }
            pub fn write(&self) -> impl std::future::Future<Output = RwLockWriteGuard<T>> {
                __alock_acquire(&self.inner, 2)
            }
            pub fn try_read(&self) -> Result<RwLockReadGuard<T>, TryLockError> {
                __alock_try(&self.inner, 1, TryLockError(()))
            }
            pub fn try_write(&self) -> Result<RwLockWriteGuard<T>, TryLockError> {
                __alock_try(&self.inner, 2, TryLockError(()))
            }
            pub fn into_inner(self) -> T {
                __alock_into_inner(&self.inner)
            }
            pub fn get_mut(&mut self) -> &mut T {
                __alock_get_mut(&self.inner)
            }
        }

        #[derive(PartialEq, Eq, Clone, Copy)]
        pub struct TryLockError(());

        impl Debug for TryLockError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("TryLockError(())")
            }
        }

        impl Display for TryLockError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("operation would block")
            }
        }

        impl Error for TryLockError {}

        /// tokio's `Semaphore`: `acquire().await` gives a permit, given back when it dies.
        pub struct Semaphore {
            inner: AsyncHandle<()>,
        }

        impl Semaphore {
            pub const MAX_PERMITS: usize = usize::MAX >> 3;
            pub fn new(permits: usize) -> Semaphore {
                Semaphore { inner: __asem_new(permits) }
            }
            pub fn available_permits(&self) -> usize {
                __asem_available(&self.inner)
            }
            pub fn add_permits(&self, n: usize) {
                __asem_add(&self.inner, n)
            }
            pub fn acquire(&self) -> impl std::future::Future<Output = Result<SemaphorePermit, AcquireError>> {
                __asem_acquire(&self.inner, 1, AcquireError(()))
            }
            pub fn acquire_many(&self, n: u32) -> impl std::future::Future<Output = Result<SemaphorePermit, AcquireError>> {
                __asem_acquire(&self.inner, n, AcquireError(()))
            }
            pub fn acquire_owned(self) -> impl std::future::Future<Output = Result<SemaphorePermit, AcquireError>> {
                __asem_acquire(&self.inner, 1, AcquireError(()))
            }
            pub fn acquire_many_owned(self, n: u32) -> impl std::future::Future<Output = Result<SemaphorePermit, AcquireError>> {
                __asem_acquire(&self.inner, n, AcquireError(()))
            }
            pub fn try_acquire(&self) -> Result<SemaphorePermit, TryAcquireError> {
                __asem_try(&self.inner, 1, TryAcquireError::Closed)
            }
            pub fn try_acquire_many(&self, n: u32) -> Result<SemaphorePermit, TryAcquireError> {
                __asem_try(&self.inner, n, TryAcquireError::Closed)
            }
            pub fn try_acquire_owned(self) -> Result<SemaphorePermit, TryAcquireError> {
                __asem_try(&self.inner, 1, TryAcquireError::Closed)
            }
            pub fn close(&self) {
                __asem_close(&self.inner)
            }
            pub fn is_closed(&self) -> bool {
                __asem_is_closed(&self.inner)
            }
        }

        impl Debug for Semaphore {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                write!(f, "Semaphore {{ permits: {} }}", __asem_available(&self.inner))
            }
        }

        #[derive(PartialEq, Eq, Clone, Copy)]
        pub struct AcquireError(());

        impl Debug for AcquireError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("AcquireError(())")
            }
        }

        impl Display for AcquireError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("semaphore closed")
            }
        }

        impl Error for AcquireError {}

        #[derive(PartialEq, Eq, Clone, Copy, Debug)]
        pub enum TryAcquireError {
            Closed,
            NoPermits,
        }

        impl Display for TryAcquireError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                match self {
                    TryAcquireError::Closed => f.write_str("semaphore closed"),
                    TryAcquireError::NoPermits => f.write_str("no permits available"),
                }
            }
        }

        impl Error for TryAcquireError {}

        /// tokio's `Notify`.
        pub struct Notify {
            inner: AsyncHandle<()>,
        }

        impl Notify {
            pub fn new() -> Notify {
                Notify { inner: __anotify_new() }
            }
            /// A future completed by `notify_one` (or a stored permit) or by a
            /// `notify_waiters` called after this call.
            pub fn notified(&self) -> impl std::future::Future<Output = ()> {
                __anotify_notified(&self.inner)
            }
            pub fn notify_one(&self) {
                __anotify_one(&self.inner)
            }
            pub fn notify_waiters(&self) {
                __anotify_waiters(&self.inner)
            }
        }

        impl Default for Notify {
            fn default() -> Notify {
                Notify::new()
            }
        }

        impl Debug for Notify {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("Notify { .. }")
            }
        }

        /// tokio's `Barrier`: `wait().await` returns once `n` tasks wait (`n` of 0 counts as 1);
        /// exactly one of each group is the leader. The generation number travels on a `watch`
        /// channel, to which a waiter subscribes while it holds the count's lock, so the release
        /// cannot pass unseen between the two.
        pub struct Barrier {
            n: usize,
            state: std::sync::Mutex<(usize, usize)>,
            generation: watch::Sender<usize>,
        }

        impl Barrier {
            pub fn new(n: usize) -> Barrier {
                let (generation, _) = watch::channel(0);
                Barrier { n: if n == 0 { 1 } else { n }, state: std::sync::Mutex::new((0, 0)), generation: generation }
            }
            pub async fn wait(&self) -> BarrierWaitResult {
                // (The guard is dropped by hand: prelude code has no drop glue.)
                let mut st = self.state.lock().unwrap();
                st.0 += 1;
                if st.0 >= self.n {
                    st.0 = 0;
                    st.1 += 1;
                    let next = st.1;
                    drop(st);
                    self.generation.send_replace(next);
                    return BarrierWaitResult(true);
                }
                let gen = st.1;
                let mut rx = self.generation.subscribe();
                drop(st);
                while rx.borrow() == gen {
                    if rx.changed().await.is_err() {
                        break;
                    }
                }
                BarrierWaitResult(false)
            }
        }

        impl std::fmt::Debug for Barrier {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("Barrier { .. }")
            }
        }

        /// What `Barrier::wait` returns.
        #[derive(Debug)]
        pub struct BarrierWaitResult(bool);

        impl BarrierWaitResult {
            pub fn is_leader(&self) -> bool {
                self.0
            }
        }
    }
}
