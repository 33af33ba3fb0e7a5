// The TERAS prelude: async. `.await` (`__await`), std::task (Poll, Context, Waker),
// std::future (Future, ready, pending), std::pin::Pin, and a tokio-shaped runtime: tokio::spawn,
// tokio::task (spawn, yield_now, JoinHandle, JoinError, spawn_blocking), tokio::time (sleep,
// timeout, Elapsed), tokio::runtime::Runtime, the free block_on and join_all, and join!/try_join!'s
// helpers. A task is a fiber: `.await` of an `async` future runs its body in the awaiting fiber;
// natives are builtins/async_task.rs, the executor runtime/executor.rs; join!, try_join!,
// select!, join_all and timeout poll their futures inside the awaiting task as inline children
// (builtins/inline_fut.rs, runtime/inline.rs).

/// `x.await` (the compiler writes every `.await` as this call).
pub fn __await<F, T>(fut: F) -> T {
    let k = __future_kind(&fut);
    if k == 0 {
        let body = __async_take(&fut);
        body()
    } else if k == 1 {
        __await_native_task(fut)
    } else if k == 3 {
        fut.__join()
    } else {
        __poll_user(fut)
    }
}

/// `x.recv().await` and `x.send(v).await` are compiled as `x.__recv_now()` and
/// `x.__send_now(v)` (compile/async_fn.rs): tokio's mpsc ends define them as one blocking
/// native each (prelude/async_sync.rs); for every other type they are exactly the call and
/// its `.await` (the future is awaited from a local: the compiler does not rewrite that).
pub trait __AwaitNow {
    fn __recv_now<R>(&mut self) -> R;
    fn __send_now<V, R>(&self, value: V) -> R;
}

impl<S: ?Sized> __AwaitNow for S {
    fn __recv_now<R>(&mut self) -> R {
        let fut = self.recv();
        fut.await
    }

    fn __send_now<V, R>(&self, value: V) -> R {
        let fut = self.send(value);
        fut.await
    }
}

/// `.await` of a user type implementing `Future`: poll with a waker of this task; on
/// `Pending`, block until the waker was used since the last poll. After each poll (and after
/// dropping the future once it is ready), a nursery future it dropped unfinished is waited
/// for (`__nursery_drain`, builtins/structured.rs): a nursery never outlives its children.
fn __poll_user<F, T>(fut: F) -> T {
    let waker = std::task::Waker { w: __waker_new() };
    let mut cx = std::task::Context { waker: waker, pending: std::task::Poll::Pending };
    loop {
        match fut.poll(&mut cx) {
            std::task::Poll::Ready(v) => {
                drop(fut);
                __nursery_drain();
                return v;
            }
            std::task::Poll::Pending => {
                __nursery_drain();
                __waker_wait(&cx.waker.w)
            }
        }
    }
}

/// `block_on(fut)`: run a future to its end on the calling thread (which becomes the task).
pub fn block_on<F, T>(fut: F) -> T {
    __await(fut)
}

/// `join_all(futures)`: await every future concurrently; the outputs in order.
pub async fn join_all<I, T>(futs: I) -> Vec<T> {
    __join_vec(futs)
}

/// A group of futures polled inside this task (builtins/inline_fut.rs).
fn __inline_group<I>(futs: I) -> InlineGroup {
    let g = __inline_new();
    for f in futs {
        __inline_add(&g, move || __await(f));
    }
    g
}

/// `join_all`'s body: every future polled in this task, the outputs in order.
pub fn __join_vec<I, T>(futs: I) -> Vec<T> {
    let g = __inline_group(futs);
    __inline_join(&g, false)
}

/// `join!(a, b)`: the outputs as a tuple (each poll starts one future further, as tokio's).
pub fn __join_tuple<I, T>(futs: I) -> T {
    let g = __inline_group(futs);
    __vec_to_tuple(__inline_join(&g, true))
}

/// `try_join!(a, b)`: `Ok` of the outputs as a tuple, or the first `Err` (in completion
/// order); the other futures are then cancelled and dropped.
pub fn __try_join_tuple<I, T, E>(futs: I) -> Result<T, E> {
    let g = __inline_group(futs);
    match __inline_try_join(&g) {
        Ok(v) => Ok(__vec_to_tuple(v)),
        Err(e) => Err(e),
    }
}

/// tokio's `select!` (desugared by the parser, syntax/parser/select_fut.rs): the futures
/// polled in this task in order (from the first when `biased`, else from a random one),
/// except those whose precondition was false (`enabled[i]`), which are never polled; each
/// gives `Some(v)`, or `None` when `v` does not match its branch's pattern (the branch is
/// then disabled). The first `Some` wins and the others are cancelled and dropped before the
/// winning branch runs; when every branch is disabled the index is out of range (the `else`
/// branch).
pub fn __select_futs<I, T, E>(biased: bool, futs: I, enabled: E) -> (usize, T) {
    let g = __inline_group(futs);
    let mut i = 0usize;
    for on in enabled {
        if !on {
            __inline_disable(&g, i);
        }
        i += 1;
    }
    __inline_select(&g, biased, true)
}

/// `.await` of a borrowed future (`&mut fut` as a `select!` branch): a TERAS future is
/// polled by hand, so that its progress stays in the future itself when the branch is
/// dropped, and the next `select!` resumes it.
pub fn __await_pinned<F, T>(fut: F) -> T {
    if __future_kind(&fut) == 0 {
        __poll_user(fut)
    } else {
        __await(fut)
    }
}

/// `select!` with no branch taken and no `else`.
pub fn unreachable_select() -> ! {
    panic!("all branches are disabled and there is no else branch")
}

pub mod std {
    pub mod task {
        /// `std::task::Poll`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Poll<T> {
            Ready(T),
            Pending,
        }

        impl<T> Poll<T> {
            pub fn is_ready(&self) -> bool {
                match self {
                    Poll::Ready(_) => true,
                    Poll::Pending => false,
                }
            }
            pub fn is_pending(&self) -> bool {
                !self.is_ready()
            }
            pub fn map<U, F>(self, f: F) -> Poll<U> {
                match self {
                    Poll::Ready(t) => Poll::Ready(f(t)),
                    Poll::Pending => Poll::Pending,
                }
            }
        }

        /// `std::task::Waker`: wakes the task that polled with it.
        pub struct Waker {
            w: WakerHandle,
        }

        impl Waker {
            pub fn wake(self) {
                __waker_wake(&self.w)
            }
            pub fn wake_by_ref(&self) {
                __waker_wake(&self.w)
            }
            pub fn will_wake(&self, other: &Waker) -> bool {
                __waker_same(&self.w, &other.w)
            }
            pub fn noop() -> Waker {
                Waker { w: __waker_new() }
            }
        }

        impl Clone for Waker {
            fn clone(&self) -> Waker {
                Waker { w: self.w }
            }
        }

        impl std::fmt::Debug for Waker {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("Waker { .. }")
            }
        }

        /// `std::task::Context`.
        /// `pending` is a `Poll` value for natives to build `Poll`s from (a TERAS future
        /// polled by hand, builtins/inline_fut.rs).
        pub struct Context {
            waker: Waker,
            pending: Poll<()>,
        }

        impl Context {
            pub fn from_waker(waker: &Waker) -> Context {
                Context { waker: waker.clone(), pending: Poll::Pending }
            }
            pub fn waker(&self) -> &Waker {
                &self.waker
            }
        }

        impl std::fmt::Debug for Context {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("Context { waker: Waker { .. } }")
            }
        }
    }

    pub mod future {
        /// `std::future::Future`. `Pin` is transparent: `Pin<&mut Self>` is `self`, and the
        /// pin projections below are the value itself.
        pub trait Future {
            type Output;
            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output>;
            fn as_mut(&mut self) -> &mut Self {
                self
            }
            fn get_mut(self) -> Self {
                self
            }
            fn get_unchecked_mut(self) -> Self {
                self
            }
        }

        /// `std::future::ready(v)`.
        pub async fn ready<T>(v: T) -> T {
            v
        }
    }
}

/// `futures::future::join_all` and `futures::join!`'s crate path.
pub mod futures {
    pub mod future {
        pub async fn join_all<I, T>(futs: I) -> Vec<T> {
            __join_vec(futs)
        }
    }
    pub mod executor {
        pub fn block_on<F, T>(fut: F) -> T {
            __await(fut)
        }
    }
}

pub mod tokio {
    /// `tokio::spawn` (`tokio::task::spawn`'s body, written out: one frame less per spawn).
    /// An `async` block or `async fn` call becomes the task's body itself (no closure
    /// around it, no `__await` frame in the task: `__spawn_direct`).
    pub fn spawn<F, T>(fut: F) -> tokio::task::JoinHandle<T> {
        if __spawn_direct(&fut) {
            tokio::task::JoinHandle { h: __task_spawn(fut) }
        } else {
            tokio::task::JoinHandle { h: __task_spawn(move || __await(fut)) }
        }
    }

    pub mod task {
        pub fn spawn<F, T>(fut: F) -> JoinHandle<T> {
            if __spawn_direct(&fut) {
                JoinHandle { h: __task_spawn(fut) }
            } else {
                JoinHandle { h: __task_spawn(move || __await(fut)) }
            }
        }

        /// `spawn_blocking(f)`: `f` on a task of its own (a task is a fiber: blocking calls
        /// in it park the task, not the worker).
        pub fn spawn_blocking<F, T>(f: F) -> JoinHandle<T> {
            JoinHandle { h: __task_spawn(f) }
        }

        pub fn yield_now() -> YieldNow {
            __async_yield()
        }

        /// `tokio::task::JoinHandle<T>`: awaiting it gives `Result<T, JoinError>`.
        pub struct JoinHandle<T> {
            h: TaskHandle,
        }

        impl<T> JoinHandle<T> {
            pub fn abort(&self) {
                __task_abort(&self.h)
            }
            pub fn is_finished(&self) -> bool {
                __task_is_finished(&self.h)
            }
            pub fn id(&self) -> Id {
                Id(__task_id(&self.h))
            }
            pub fn __join(self) -> Result<T, JoinError> {
                // An `Ok` from the native is the answer as it is (no second `Ok` built).
                match __task_join(&self.h) {
                    Err((msg, cancelled, is_str)) => Err(JoinError { msg: msg, cancelled: cancelled, is_str: is_str, id: __task_id(&self.h) }),
                    done => done,
                }
            }
        }

        impl<T> std::fmt::Debug for JoinHandle<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "JoinHandle {{ id: Id({}) }}", __task_id(&self.h))
            }
        }

        /// tokio's `JoinSet<T>`: tasks spawned into a set and collected as they end
        /// (`join_next` gives the first task to end, not the first spawned). Dropping the set
        /// aborts the tasks still running. A task group underneath (builtins/structured.rs).
        pub struct JoinSet<T> {
            g: GroupHandle,
        }

        impl<T> JoinSet<T> {
            pub fn new() -> JoinSet<T> {
                JoinSet { g: __group_new() }
            }
            /// Start `fut` as a task of the set now.
            pub fn spawn<F>(&mut self, fut: F) -> AbortHandle {
                let h = __task_spawn(move || __await(fut));
                __group_add(&self.g, &h);
                AbortHandle { h: h }
            }
            pub fn spawn_blocking<F>(&mut self, f: F) -> AbortHandle {
                let h = __task_spawn(f);
                __group_add(&self.g, &h);
                AbortHandle { h: h }
            }
            /// Tasks not collected yet.
            pub fn len(&self) -> usize {
                __group_len(&self.g)
            }
            pub fn is_empty(&self) -> bool {
                __group_len(&self.g) == 0
            }
            /// The output of the next task to end (`None` when the set is empty); a task that
            /// panicked or was aborted gives `Err(JoinError)`.
            pub async fn join_next(&mut self) -> Option<Result<T, JoinError>> {
                match __group_wait_any(&self.g) {
                    None => None,
                    Some((id, Ok(v))) => Some(Ok(v)),
                    Some((id, Err((msg, cancelled, is_str)))) => Some(Err(JoinError { msg: msg, cancelled: cancelled, is_str: is_str, id: id })),
                }
            }
            /// Every task's output, in the order they ended; a task that panicked re-raises
            /// its panic here.
            pub async fn join_all(mut self) -> Vec<T> {
                let mut out = Vec::new();
                loop {
                    match __group_wait_any(&self.g) {
                        None => return out,
                        Some((_, Ok(v))) => out.push(v),
                        Some((_, Err((msg, cancelled, _)))) => {
                            if cancelled {
                                panic!("a JoinSet task was cancelled");
                            }
                            panic!("{}", msg)
                        }
                    }
                }
            }
            /// Abort every task running now (they stop at their next await point; they stay
            /// in the set until collected, as `Err(JoinError::Cancelled)`).
            pub fn abort_all(&mut self) {
                __group_abort_running(&self.g)
            }
            /// `abort_all`, then collect every task.
            pub async fn shutdown(&mut self) {
                __group_abort_running(&self.g);
                while let Some(_) = __group_wait_any(&self.g) {}
            }
        }

        impl<T> std::fmt::Debug for JoinSet<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "JoinSet {{ len: {} }}", self.len())
            }
        }

        /// A handle that can abort one task (`JoinSet::spawn` gives one).
        pub struct AbortHandle {
            h: TaskHandle,
        }

        impl AbortHandle {
            pub fn abort(&self) {
                __task_abort(&self.h)
            }
            pub fn is_finished(&self) -> bool {
                __task_is_finished(&self.h)
            }
            pub fn id(&self) -> Id {
                Id(__task_id(&self.h))
            }
        }

        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub struct Id(u64);

        impl std::fmt::Display for Id {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        /// Why a task did not give its output: it panicked or was aborted.
        pub struct JoinError {
            msg: String,
            cancelled: bool,
            is_str: bool,
            id: u64,
        }

        impl JoinError {
            pub fn is_cancelled(&self) -> bool {
                self.cancelled
            }
            pub fn is_panic(&self) -> bool {
                !self.cancelled
            }
            pub fn id(&self) -> Id {
                Id(self.id)
            }
            pub fn into_panic(self) -> Box<dyn Any + Send> {
                if self.cancelled {
                    panic!("`JoinError` reason is not a panic.");
                }
                __PanicPayload { msg: self.msg, is_str: self.is_str }
            }
        }

        impl std::fmt::Display for JoinError {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                if self.cancelled {
                    write!(f, "task {} was cancelled", self.id)
                } else {
                    write!(f, "task {} panicked with message {:?}", self.id, self.msg)
                }
            }
        }

        impl std::fmt::Debug for JoinError {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                if self.cancelled {
                    write!(f, "JoinError::Cancelled(Id({}))", self.id)
                } else {
                    write!(f, "JoinError::Panic(Id({}), {:?}, ...)", self.id, self.msg)
                }
            }
        }

        impl std::error::Error for JoinError {}
    }

    pub mod time {
        pub use std::time::{Duration, Instant};

        /// `tokio::time::sleep(d)`: a future done `d` after its first poll.
        pub fn sleep(d: Duration) -> Sleep {
            __async_sleep(d)
        }

        /// `timeout(d, fut)`: `Err(Elapsed)` when `fut` did not finish within `d` (it is then
        /// cancelled: its task is aborted and unwound).
        pub async fn timeout<F, T>(d: Duration, fut: F) -> Result<T, Elapsed> {
            // tokio's `Timeout`: the future is polled first, then the deadline.
            let g = __inline_new();
            __inline_add(&g, move || __await(fut));
            __inline_add(&g, move || __await(__async_sleep(d)));
            match __inline_select(&g, true, false) {
                (0, v) => Ok(v),
                _ => Err(Elapsed(())),
            }
        }

        /// `sleep_until(deadline)`: a future done at `deadline` (at once when it passed).
        pub fn sleep_until(deadline: Instant) -> Sleep {
            __async_sleep(deadline.saturating_duration_since(Instant::now()))
        }

        /// What `Interval::tick` does after a tick came late (tokio's default: `Burst`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum MissedTickBehavior {
            /// The missed ticks complete at once, then the schedule goes on as planned.
            Burst,
            /// The next tick is a period after the late one.
            Delay,
            /// The next tick is the next one of the original schedule still ahead.
            Skip,
        }

        /// `interval(period)`: ticks every `period`, the first at once.
        pub fn interval(period: Duration) -> Interval {
            interval_at(Instant::now(), period)
        }

        /// `interval_at(start, period)`: the first tick at `start`.
        pub fn interval_at(start: Instant, period: Duration) -> Interval {
            if period.is_zero() {
                panic!("`period` must be non-zero.");
            }
            Interval { period: period, next: start, missed: MissedTickBehavior::Burst }
        }

        /// tokio's `Interval`.
        #[derive(Debug)]
        pub struct Interval {
            period: Duration,
            next: Instant,
            missed: MissedTickBehavior,
        }

        impl Interval {
            /// Waits for the next tick and returns its scheduled instant.
            pub async fn tick(&mut self) -> Instant {
                let deadline = self.next;
                if deadline > Instant::now() {
                    sleep_until(deadline).await;
                }
                let now = Instant::now();
                self.next = match self.missed {
                    MissedTickBehavior::Burst => deadline + self.period,
                    MissedTickBehavior::Delay => now + self.period,
                    MissedTickBehavior::Skip => {
                        let mut next = deadline + self.period;
                        while next <= now {
                            next = next + self.period;
                        }
                        next
                    }
                };
                deadline
            }
            pub fn period(&self) -> Duration {
                self.period
            }
            pub fn reset(&mut self) {
                self.next = Instant::now() + self.period;
            }
            pub fn reset_immediately(&mut self) {
                self.next = Instant::now();
            }
            pub fn missed_tick_behavior(&self) -> MissedTickBehavior {
                self.missed
            }
            pub fn set_missed_tick_behavior(&mut self, behavior: MissedTickBehavior) {
                self.missed = behavior;
            }
        }

        /// `timeout`'s error.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Elapsed(());

        impl std::fmt::Display for Elapsed {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("deadline has elapsed")
            }
        }

        impl std::error::Error for Elapsed {}
    }

    pub mod runtime {
        /// `tokio::runtime::Runtime`: the process's executor (one pool per run).
        pub struct Runtime {
            workers: usize,
        }

        impl Runtime {
            pub fn new() -> Result<Runtime, std::io::Error> {
                Ok(Runtime { workers: 0 })
            }
            pub fn block_on<F, T>(&self, fut: F) -> T {
                __await(fut)
            }
            pub fn spawn<F, T>(&self, fut: F) -> tokio::task::JoinHandle<T> {
                tokio::task::spawn(fut)
            }
        }

        impl Runtime {
            /// A dropped `Runtime` shuts down: the tasks still spawned are cancelled and
            /// their values dropped (`builtins/async_shutdown.rs`; the pool is the run's,
            /// shared by every `Runtime` value). Not a `Drop` impl: a prelude `Drop` impl
            /// would turn drop walking on for every program; the compiler registers this
            /// method as `Runtime`'s drop only in a program that names `Runtime`
            /// (`compile/mod.rs`).
            pub fn __rt_drop(&mut self) {
                __rt_shutdown();
            }
        }

        /// `tokio::runtime::Builder` (the settings are accepted; `teras run --workers N`
        /// sizes the pool).
        pub struct Builder {
            workers: usize,
        }

        impl Builder {
            pub fn new_multi_thread() -> Builder {
                Builder { workers: 0 }
            }
            pub fn new_current_thread() -> Builder {
                Builder { workers: 1 }
            }
            pub fn worker_threads(self, n: usize) -> Builder {
                Builder { workers: n }
            }
            pub fn enable_all(self) -> Builder {
                self
            }
            pub fn enable_time(self) -> Builder {
                self
            }
            pub fn build(self) -> Result<Runtime, std::io::Error> {
                Ok(Runtime { workers: self.workers })
            }
        }
    }
}
