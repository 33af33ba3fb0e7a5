
// The TERAS prelude, sync part: the closure-taking methods of std::sync's condition
// variable, Once, OnceLock and the atomics (`fetch_update`). The objects are natives
// (builtins/sync/); a native object has no type of its own to hang an `impl` on, so these
// are default methods of a blanket trait, which method lookup reaches after the natives.
// (Keep lock type names out of this text: the compiler turns on drop tracking for sources
// that mention them.)

pub trait __SyncClosures {
    /// Condvar::wait_while, as std writes it.
    fn wait_while<G, F: FnMut(&mut G) -> bool>(&self, guard: G, condition: F) -> Result<G, G>;
    /// Condvar::wait_timeout_while, as std writes it.
    fn wait_timeout_while<G, W, F: FnMut(&mut G) -> bool>(&self, guard: G, dur: Duration, condition: F) -> Result<(G, W), (G, W)>;
    /// Once::call_once.
    fn call_once<F: FnOnce()>(&self, f: F);
    /// OnceLock::get_or_init.
    fn get_or_init<T, F: FnOnce() -> T>(&self, f: F) -> T;
    /// Atomic*::fetch_update, as std writes it.
    fn fetch_update<V, O, F: FnMut(V) -> Option<V>>(&self, set_order: O, fetch_order: O, f: F) -> Result<V, V>;
}

impl<S: ?Sized> __SyncClosures for S {
    fn wait_while<G, F: FnMut(&mut G) -> bool>(&self, guard: G, mut condition: F) -> Result<G, G> {
        let mut guard = guard;
        while condition(&mut *guard) {
            match self.wait(guard) {
                Ok(g) => guard = g,
                Err(e) => return Err(e),
            }
        }
        // A fresh handle: copies of the old one left in this frame's callers are stale.
        Ok(__guard_move(guard))
    }

    fn wait_timeout_while<G, W, F: FnMut(&mut G) -> bool>(&self, guard: G, dur: Duration, mut condition: F) -> Result<(G, W), (G, W)> {
        let start = Instant::now();
        let mut guard = guard;
        loop {
            if !condition(&mut *guard) {
                return Ok((__guard_move(guard), __wait_timeout_result(false)));
            }
            let timeout = match dur.checked_sub(start.elapsed()) {
                Some(timeout) => timeout,
                None => return Ok((__guard_move(guard), __wait_timeout_result(true))),
            };
            match self.wait_timeout(guard, timeout) {
                Ok((g, _)) => guard = g,
                Err(e) => return Err(e),
            }
        }
    }

    fn call_once<F: FnOnce()>(&self, f: F) {
        if let Some(g) = __once_begin(self) {
            f();
            __once_finish(g);
        }
    }

    fn get_or_init<T, F: FnOnce() -> T>(&self, f: F) -> T {
        if let Some(g) = __once_begin(self) {
            let v = f();
            __once_finish(g, v);
        }
        __once_get(self)
    }

    fn fetch_update<V, O, F: FnMut(V) -> Option<V>>(&self, set_order: O, fetch_order: O, mut f: F) -> Result<V, V> {
        let mut prev = self.load(fetch_order);
        while let Some(next) = f(prev) {
            match self.compare_exchange_weak(prev, next, set_order, fetch_order) {
                Ok(x) => return Ok(x),
                Err(next_prev) => prev = next_prev,
            }
        }
        Err(prev)
    }
}
