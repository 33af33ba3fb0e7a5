// The TERAS prelude: std::panic (catch_unwind, AssertUnwindSafe), std::thread (spawn, Builder, JoinHandle, Thread, ThreadId, current,
// sleep, yield_now, park, park_timeout, available_parallelism, scope) and the seed's free
// `spawn` and `scoped`. `__thread_*`, `__scope_*` and `__payload_is` are natives
// (builtins/thread.rs); the handles are native objects inside these structs.

/// A panicked thread's payload: Rust's `Box<dyn Any + Send>`. A literal message is a
/// `&'static str`, a formatted one a `String` (`is_str`).
pub struct __PanicPayload {
    msg: String,
    is_str: bool,
}

impl __PanicPayload {
    pub fn downcast_ref<T>(&self) -> Option<&T> {
        if __payload_is(self.is_str) {
            Some(&self.msg)
        } else {
            None
        }
    }
    pub fn downcast_mut<T>(&mut self) -> Option<&mut T> {
        if __payload_is(self.is_str) {
            Some(&mut self.msg)
        } else {
            None
        }
    }
    pub fn downcast<T>(self) -> Result<Box<T>, Box<dyn Any + Send>> {
        if __payload_is(self.is_str) {
            Ok(self.msg)
        } else {
            Err(self)
        }
    }
    pub fn is<T>(&self) -> bool {
        __payload_is(self.is_str)
    }
}

impl std::fmt::Debug for __PanicPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("Any { .. }")
    }
}

/// The seed's `spawn`: `std::thread::spawn`.
pub fn spawn<F, T>(f: F) -> std::thread::JoinHandle<T> {
    std::thread::spawn(f)
}

/// The seed's `scoped(|s| ...)`: `std::thread::scope`.
pub fn scoped<F, R>(f: F) -> R {
    std::thread::scope(f)
}

pub mod std {
    pub mod panic {
        /// `AssertUnwindSafe(f)`: `catch_unwind` takes the closure out of it (`__catch_unwind`).
        pub struct AssertUnwindSafe<T>(pub T);

        /// Runs `f` as an inline child of this fiber: a panic inside it unwinds its frames,
        /// prints Rust's message and comes back as `Err(payload)` (builtins/catch_unwind.rs).
        pub fn catch_unwind<F, R>(f: F) -> Result<R, Box<dyn Any + Send>> {
            match __catch_unwind(f) {
                Ok(v) => Ok(v),
                Err((msg, is_str)) => Err(__PanicPayload { msg: msg, is_str: is_str }),
            }
        }

        /// `resume_unwind(payload)`: unwinds again with a caught panic's payload (or a
        /// string), reporting nothing (builtins/catch_unwind.rs).
        pub fn resume_unwind<T>(payload: T) -> ! {
            __resume_unwind(payload)
        }

        /// Where a panic happened (`PanicHookInfo::location`).
        pub struct Location {
            file: String,
            line: u32,
            col: u32,
        }

        impl Location {
            pub fn file(&self) -> &str {
                &self.file
            }
            pub fn line(&self) -> u32 {
                self.line
            }
            pub fn column(&self) -> u32 {
                self.col
            }
        }

        impl std::fmt::Display for Location {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "{}:{}:{}", self.file, self.line, self.col)
            }
        }

        impl std::fmt::Debug for Location {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "Location {{ file: {:?}, line: {}, col: {} }}", self.file, self.line, self.col)
            }
        }

        /// What a panic hook is given (`PanicInfo` is its old name).
        pub struct PanicHookInfo {
            payload: __PanicPayload,
            location: Location,
        }

        pub type PanicInfo = PanicHookInfo;

        impl PanicHookInfo {
            pub fn payload(&self) -> &(dyn Any + Send) {
                &self.payload
            }
            pub fn payload_as_str(&self) -> Option<&str> {
                Some(&self.payload.msg)
            }
            pub fn location(&self) -> Option<&Location> {
                Some(&self.location)
            }
            pub fn can_unwind(&self) -> bool {
                true
            }
        }

        impl std::fmt::Display for PanicHookInfo {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "panicked at {}:\n{}", self.location, self.payload.msg)
            }
        }

        impl std::fmt::Debug for PanicHookInfo {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "PanicHookInfo {{ payload: Any {{ .. }}, location: {:?} }}", self.location)
            }
        }

        /// The hook every later panic calls instead of printing Rust's message (the runtime
        /// calls the adapter with plain values; runtime/panic_hook.rs).
        pub fn set_hook<F>(hook: F) {
            let user = hook;
            __panic_set_hook(
                move |msg: String, is_str: bool, file: String, line: u32, col: u32| {
                    let info = PanicHookInfo { payload: __PanicPayload { msg: msg, is_str: is_str }, location: Location { file: file, line: line, col: col } };
                    user(&info)
                },
                hook,
            )
        }

        /// The hook in place (the default one, which prints Rust's message, when none was
        /// set); the default is in place afterwards.
        pub fn take_hook() -> Box<dyn Fn(&PanicHookInfo) + Sync + Send + 'static> {
            match __panic_take_hook() {
                Some(h) => h,
                None => Box::new(|info: &PanicHookInfo| __panic_default_hook(&info.payload.msg, &info.location.file, info.location.line, info.location.col)),
            }
        }
    }

    pub mod thread {
        pub fn spawn<F, T>(f: F) -> JoinHandle<T> {
            match __thread_spawn(f, None, None) {
                Ok(h) => JoinHandle { slot: h },
                Err(e) => panic!("failed to spawn thread: {:?}", e),
            }
        }

        pub struct JoinHandle<T> {
            slot: JoinSlot,
        }

        impl<T> JoinHandle<T> {
            pub fn join(self) -> Result<T, Box<dyn Any + Send>> {
                match __thread_join(&self.slot) {
                    Ok(v) => Ok(v),
                    Err((msg, is_str)) => Err(__PanicPayload { msg: msg, is_str: is_str }),
                }
            }
            pub fn is_finished(&self) -> bool {
                __thread_is_finished(&self.slot)
            }
            pub fn thread(&self) -> &Thread {
                &Thread { t: __thread_of(&self.slot) }
            }
        }

        impl<T> std::fmt::Debug for JoinHandle<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JoinHandle { .. }")
            }
        }

        #[derive(Clone)]
        pub struct Thread {
            t: ThreadHandle,
        }

        impl Thread {
            pub fn name(&self) -> Option<&str> {
                __thread_name(&self.t)
            }
            pub fn id(&self) -> ThreadId {
                ThreadId(__thread_id(&self.t))
            }
            pub fn unpark(&self) {
                __thread_unpark(&self.t)
            }
        }

        impl std::fmt::Debug for Thread {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.debug_struct("Thread").field("id", &self.id()).field("name", &self.name()).finish_non_exhaustive()
            }
        }

        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct ThreadId(u64);

        pub fn current() -> Thread {
            Thread { t: __thread_current() }
        }

        pub fn sleep(dur: Duration) {
            __thread_sleep(dur)
        }

        pub fn sleep_ms(ms: u32) {
            __thread_sleep(Duration::from_millis(ms as u64))
        }

        pub fn yield_now() {
            __thread_yield()
        }

        pub fn park() {
            __thread_park(None)
        }

        pub fn park_timeout(dur: Duration) {
            __thread_park(Some(dur))
        }

        pub fn panicking() -> bool {
            __thread_panicking()
        }

        pub fn available_parallelism() -> Result<NonZeroUsize, std::io::Error> {
            Ok(__NonZeroUsize(__available_parallelism()))
        }

        pub struct Builder {
            name: Option<String>,
            stack_size: Option<usize>,
        }

        impl Builder {
            pub fn new() -> Builder {
                Builder { name: None, stack_size: None }
            }
            pub fn name(self, name: String) -> Builder {
                Builder { name: Some(name), stack_size: self.stack_size }
            }
            pub fn stack_size(self, size: usize) -> Builder {
                Builder { name: self.name, stack_size: Some(size) }
            }
            pub fn spawn<F, T>(self, f: F) -> Result<JoinHandle<T>, std::io::Error> {
                match __thread_spawn(f, self.name, self.stack_size) {
                    Ok(h) => Ok(JoinHandle { slot: h }),
                    Err(e) => Err(e),
                }
            }
            pub fn spawn_scoped<F, T>(self, scope: &Scope, f: F) -> Result<ScopedJoinHandle<T>, std::io::Error> {
                match __thread_spawn(f, self.name, self.stack_size) {
                    Ok(h) => {
                        __scope_add(&scope.s, &h);
                        Ok(ScopedJoinHandle { slot: h })
                    }
                    Err(e) => Err(e),
                }
            }
        }

        impl std::fmt::Debug for Builder {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.debug_struct("Builder").field("name", &self.name).field("stack_size", &self.stack_size).finish_non_exhaustive()
            }
        }

        pub struct Scope {
            s: ScopeHandle,
        }

        impl Scope {
            pub fn spawn<F, T>(&self, f: F) -> ScopedJoinHandle<T> {
                match __thread_spawn(f, None, None) {
                    Ok(h) => {
                        __scope_add(&self.s, &h);
                        ScopedJoinHandle { slot: h }
                    }
                    Err(e) => panic!("failed to spawn thread: {:?}", e),
                }
            }
        }

        impl std::fmt::Debug for Scope {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("Scope { .. }")
            }
        }

        pub struct ScopedJoinHandle<T> {
            slot: JoinSlot,
        }

        impl<T> ScopedJoinHandle<T> {
            pub fn join(self) -> Result<T, Box<dyn Any + Send>> {
                match __thread_join(&self.slot) {
                    Ok(v) => Ok(v),
                    Err((msg, is_str)) => Err(__PanicPayload { msg: msg, is_str: is_str }),
                }
            }
            pub fn is_finished(&self) -> bool {
                __thread_is_finished(&self.slot)
            }
            pub fn thread(&self) -> &Thread {
                &Thread { t: __thread_of(&self.slot) }
            }
        }

        impl<T> std::fmt::Debug for ScopedJoinHandle<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("ScopedJoinHandle { .. }")
            }
        }

        pub fn scope<F, T>(f: F) -> T {
            let s = Scope { s: __scope_new() };
            let r = f(&s);
            if __scope_wait(&s.s) {
                panic!("a scoped thread panicked");
            }
            r
        }
    }
}

/// `std::num::NonZeroUsize` as `available_parallelism` returns it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct __NonZeroUsize(usize);

impl __NonZeroUsize {
    pub fn get(self) -> usize {
        self.0
    }
}

impl std::fmt::Display for __NonZeroUsize {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Debug for __NonZeroUsize {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
