
// The TERAS prelude: `std::thread::LocalKey`, what `thread_local!` declares (the parser turns
// each `static NAME: T = init;` of the macro into `static NAME: LocalKey<T> =
// LocalKey::__new(|| init);`, syntax/parser/thread_local.rs). The value of each thread is
// kept by the natives `__tls_get`/`__tls_set` (builtins/thread_local.rs); the initializer
// runs here, the first time a thread touches the key. Prelude code has no drop tracking:
// RefCell guards taken here are released with `__release_guard`.
pub mod std {
    pub mod thread {
        pub struct LocalKey<T> {
            id: u64,
            init: fn() -> T,
        }

        /// `LocalKey::try_with`'s error (never returned: values are not destroyed while
        /// their thread runs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct AccessError;

        impl std::fmt::Display for AccessError {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("already destroyed")
            }
        }

        impl<T> LocalKey<T> {
            pub fn __new(init: fn() -> T) -> LocalKey<T> {
                LocalKey { id: __tls_key(), init }
            }

            /// This thread's value, initialized on first use.
            fn __value(&self) -> T {
                match __tls_get(self.id) {
                    Some(v) => v,
                    None => {
                        let v = (self.init)();
                        __tls_set(self.id, v)
                    }
                }
            }

            pub fn with<R, F: FnOnce(&T) -> R>(&'static self, f: F) -> R {
                f(&self.__value())
            }

            pub fn try_with<R, F: FnOnce(&T) -> R>(&'static self, f: F) -> Result<R, AccessError> {
                Ok(f(&self.__value()))
            }

            /// `LocalKey<RefCell<T>>::with_borrow`.
            pub fn with_borrow<R, F: FnOnce(&T) -> R>(&'static self, f: F) -> R {
                let cell = self.__value();
                let b = cell.borrow();
                let r = f(&*b);
                __release_guard(b);
                r
            }

            /// `LocalKey<RefCell<T>>::with_borrow_mut`.
            pub fn with_borrow_mut<R, F: FnOnce(&mut T) -> R>(&'static self, f: F) -> R {
                let cell = self.__value();
                let mut b = cell.borrow_mut();
                let r = f(&mut *b);
                __release_guard(b);
                r
            }

            /// `LocalKey<Cell<T>>::set` / `LocalKey<RefCell<T>>::set`.
            pub fn set(&'static self, value: T) {
                let _ = self.__value().replace(value);
            }

            /// `LocalKey<Cell<T>>::get`.
            pub fn get(&'static self) -> T {
                self.__value().get()
            }

            /// `LocalKey<Cell<T>>::take` / `LocalKey<RefCell<T>>::take`.
            pub fn take(&'static self) -> T {
                self.__value().take()
            }

            /// `LocalKey<Cell<T>>::replace` / `LocalKey<RefCell<T>>::replace`.
            pub fn replace(&'static self, value: T) -> T {
                self.__value().replace(value)
            }
        }

        impl<T> std::fmt::Debug for LocalKey<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("LocalKey { .. }")
            }
        }
    }
}
