//! `thread_local!`'s storage: one value per (TERAS thread, key). The prelude's
//! `std::thread::LocalKey` (`prelude/thread_local.rs`) runs the initializer itself (natives
//! never call back into the VM) and keeps the result here:
//!
//! - `__tls_key() -> u64`: a key id unique in the process (so that runs sharing a process,
//!   such as unit tests or REPL sessions, never see each other's values);
//! - `__tls_get(key) -> Option<T>`: the calling thread's value, if it has one yet;
//! - `__tls_set(key, value) -> T`: store the calling thread's value and return it.
//!
//! A thread is the `ThreadInfo` the driver made current (`runtime::threads::current`), so each
//! OS thread, and each fiber-thread of the deterministic scheduler, has its own values. Its
//! entries hold a `Weak` to it: the address they are keyed by cannot be reused while they
//! exist, and the entries of finished threads are swept away as the table grows.
//!
//! When a thread ends (a spawned thread, under the OS-thread driver or the deterministic
//! scheduler, after its closure returned or unwound; the main thread after `main` returned,
//! as glibc's `exit` does for Rust) its values are taken out of the table and dropped on
//! its fiber, last initialised first, as Rust runs thread-local destructors
//! (`drop_thread_values`).

use super::util::{self, R};
use super::{NativeCx, NativeResult};
use crate::runtime::out::OutHandle;
use crate::runtime::run::RunHost;
use crate::runtime::threads::{self, ThreadInfo};
use crate::vm::fiber::Fiber;
use crate::vm::{Ctx, Fault};
use std::task::Waker;
use crate::value::{IntTy, Value};
use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, Weak};

/// One thread's value of one key.
struct Entry {
    /// The thread (`None`: code running outside any driver-made thread, the OS main thread).
    thread: Option<Weak<ThreadInfo>>,
    value: Value,
    /// When it was initialised (process-wide order): destructors run last-initialised first.
    seq: u64,
}

/// Entries by (thread address, key id).
type Table = FxHashMap<(usize, u64), Entry>;

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(FxHashMap::default()))
}

/// Past this many entries an insertion first sweeps out those of finished threads.
const SWEEP_AT: usize = 4096;

/// The calling thread: its address (0 outside any thread) and a weak handle.
fn current() -> (usize, Option<Weak<ThreadInfo>>) {
    match threads::current() {
        Some(t) => (Arc::as_ptr(&t) as usize, Some(Arc::downgrade(&t))),
        None => (0, None),
    }
}

fn key_arg(args: &[Value]) -> R<u64> {
    match util::arg(args, 0)? {
        Value::Int(bits, _) => Ok(bits as u64),
        other => Err(util::type_error("a thread-local key", &other)),
    }
}

/// `__tls_key() -> u64`.
fn new_key(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let k = NEXT.fetch_add(1, Ordering::Relaxed);
    Ok(Value::int(i64::try_from(k).unwrap_or(i64::MAX), IntTy::U64))
}

/// `__tls_get(key) -> Option<T>`.
fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let key = key_arg(args)?;
    let (t, _) = current();
    let v = table().lock().get(&(t, key)).map(|e| e.value.clone());
    Ok(util::option(cx, v))
}

/// `__tls_set(key, value) -> T`: the stored value.
fn set(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let key = key_arg(args)?;
    let value = util::raw_arg(args, 1)?;
    let (t, thread) = current();
    let mut tab = table().lock();
    if tab.len() >= SWEEP_AT {
        tab.retain(|_, e| e.thread.as_ref().is_none_or(|w| w.strong_count() > 0));
    }
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    tab.insert((t, key), Entry { thread, value: value.clone(), seq });
    Ok(value)
}

/// Take `thread`'s values out of the table, last initialised first.
pub fn take_thread_values(thread: &ThreadInfo) -> Vec<Value> {
    let addr = thread as *const ThreadInfo as usize;
    let mut tab = table().lock();
    let keys: Vec<(usize, u64)> = tab.keys().filter(|(t, _)| *t == addr).copied().collect();
    let mut taken: Vec<Entry> = keys.iter().filter_map(|k| tab.remove(k)).collect();
    drop(tab);
    taken.sort_by_key(|e| std::cmp::Reverse(e.seq));
    taken.into_iter().map(|e| e.value).collect()
}

/// `thread` ended: its thread-local values die, their `Drop` impls running on `fiber` (whose
/// frames are gone). A panic in one is reported as the thread's panic.
pub fn drop_thread_values(fiber: &mut Fiber, host: &RunHost, out: &mut OutHandle, waker: &Waker, thread: &ThreadInfo) {
    let values = take_thread_values(thread);
    let run = &*host.run;
    if values.is_empty() || !run.prog.needs_drop_walk {
        return;
    }
    let mut cx = Ctx { prog: &run.prog, out, interrupt: &run.interrupt, args: &run.args, host, waker, slice: None };
    if let Err(Fault::Panic(m)) = crate::vm::drop::drop_all(fiber, &mut cx, values) {
        crate::runtime::driver::report_panic(fiber, &host.run, thread.display_name(), &m);
    }
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__tls_key", new_key);
    r.func("__tls_get", get);
    r.func("__tls_set", set);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_per_thread_and_per_key() {
        let main = Arc::new(ThreadInfo::new(1, Some("main".into())));
        let other = Arc::new(ThreadInfo::new(2, None));
        let put = |t: &Arc<ThreadInfo>, k: u64, v: i32| {
            threads::set_current(Some(t.clone()));
            let (a, w) = current();
            table().lock().insert((a, k), Entry { thread: w, value: Value::i32(v), seq: v as u64 });
        };
        let look = |t: &Arc<ThreadInfo>, k: u64| {
            threads::set_current(Some(t.clone()));
            let (a, _) = current();
            table().lock().get(&(a, k)).and_then(|e| matches!(e.value, Value::Int(..)).then(|| format!("{:?}", e.value)))
        };
        let k = u64::MAX - 7;
        put(&main, k, 1);
        assert_eq!(look(&other, k), None, "another thread has no value yet");
        put(&other, k, 2);
        assert!(look(&main, k).is_some_and(|s| s.contains('1')));
        assert!(look(&other, k).is_some_and(|s| s.contains('2')));
        assert_eq!(look(&main, k - 1), None, "another key");
        threads::set_current(None);
    }
}
