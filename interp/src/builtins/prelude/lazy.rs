
// The TERAS prelude: `std::sync::LazyLock`, `std::cell::LazyCell`, and
// `Once::call_once_force` with `OnceState`. A lazy value is a `OnceLock` and its initializer;
// reading a static of a lazy type forces it (the compiler calls `__force` after loading it:
// compile/lazy.rs), so the static reads as its value. `__force` of any other value (a forced
// static passed to `LazyLock::force`) is the value itself: a blanket trait below.
pub mod std {
    pub mod sync {
        pub struct LazyLock<T, F> {
            cell: OnceLock<T>,
            init: F,
        }

        impl<T, F> LazyLock<T, F> {
            pub fn new(f: F) -> LazyLock<T, F> {
                LazyLock { cell: OnceLock::new(), init: f }
            }
            pub fn __force(&self) -> T {
                let init = &self.init;
                self.cell.get_or_init(|| init())
            }
            pub fn force(this: &LazyLock<T, F>) -> T {
                this.__force()
            }
        }

        impl<T, F> std::fmt::Debug for LazyLock<T, F> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                match self.cell.get() {
                    Some(v) => f.debug_tuple("LazyLock").field(&v).finish(),
                    None => f.write_str("LazyLock(<uninit>)"),
                }
            }
        }

        /// What `Once::call_once_force` hands its closure.
        #[derive(Debug)]
        pub struct OnceState {
            poisoned: bool,
        }

        impl OnceState {
            pub fn is_poisoned(&self) -> bool {
                self.poisoned
            }
        }
    }

    pub mod cell {
        pub struct LazyCell<T, F> {
            cell: OnceLock<T>,
            init: F,
        }

        impl<T, F> LazyCell<T, F> {
            pub fn new(f: F) -> LazyCell<T, F> {
                LazyCell { cell: OnceLock::new(), init: f }
            }
            pub fn __force(&self) -> T {
                let init = &self.init;
                self.cell.get_or_init(|| init())
            }
            pub fn force(this: &LazyCell<T, F>) -> T {
                this.__force()
            }
        }

        impl<T, F> std::fmt::Debug for LazyCell<T, F> {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                match self.cell.get() {
                    Some(v) => f.debug_tuple("LazyCell").field(&v).finish(),
                    None => f.write_str("LazyCell(<uninit>)"),
                }
            }
        }
    }
}

pub trait __LazyForce {
    /// A value that is not a lazy cell forces to itself.
    fn __force(&self) -> &Self;
    /// Once::call_once_force.
    fn call_once_force<F: FnOnce(&std::sync::OnceState)>(&self, f: F);
}

impl<S: ?Sized> __LazyForce for S {
    fn __force(&self) -> &Self {
        self
    }

    fn call_once_force<F: FnOnce(&std::sync::OnceState)>(&self, f: F) {
        if let Some((g, poisoned)) = __once_begin_force(self) {
            f(&std::sync::OnceState { poisoned });
            __once_finish(g);
        }
    }
}
