//! tokio-shaped async locks bound to TERAS values: the natives behind the prelude's
//! `tokio::sync::{Mutex, RwLock, Semaphore, Notify}` (`prelude/async_sync.rs`), on the fair
//! semaphore and `Notify` of `teras_stdlib::asyncrt`.
//!
//! # Guards
//! An async lock keeps its content in a storage object (a `Heap<AdtObj>` of the private
//! definition `storage_def()`: field 0 the content, field 1 `Value::Native(AsyncCore)`), as
//! `sync` does for std's locks. A guard is `Value::Ref(Place::Field(storage, 0))`, so `*g += 1`
//! and `g.push(x)` go through it; the address of its `Arc<Place>` names the holder in the
//! core's table of holders (with the number of permits it holds: 1 for a mutex guard or a
//! read guard, `MAX_READS` for a write guard). When the VM lets the guard's last handle die
//! (scope end, `drop(g)`), `builtins::release_guard` calls `release_guard` here, which gives
//! the permits back. Async locks are never poisoned (as tokio's).
//!
//! # Permits
//! A `SemaphorePermit` is a `Value::Native(Permit)`; its Rust `Drop` (when the last handle
//! dies) gives its permits back. `forget()` sets them to 0.
//!
//! # Futures and cancellation
//! `lock()`, `read()`, `write()`, `acquire()` and `notified()` return native futures whose
//! `cancel` leaves the semaphore's queue and gives back the permits already handed to them
//! (`Semaphore::cancel`), or passes a `notify_one` on (`Notify::cancel`).
//!
//! Natives: `__alock_new(v, rw)`, `__alock_acquire(lock, mode)` (mode 0 mutex, 1 read,
//! 2 write) -> Future<guard>, `__alock_try(lock, mode, TryLockError(())) -> Result<guard, _>`,
//! `__alock_into_inner(lock)`, `__alock_get_mut(lock)`; `__asem_new(n)`,
//! `__asem_acquire(sem, n, AcquireError(())) -> Future<Result<Permit, AcquireError>>`,
//! `__asem_try(sem, n, TryAcquireError::Closed)`, `__asem_available(sem)`,
//! `__asem_add(sem, n)`, `__asem_close(sem)`, `__asem_is_closed(sem)`,
//! `__apermit_forget(p)`, `__apermit_count(p)`; `__anotify_new()`,
//! `__anotify_notified(n) -> Future<()>`, `__anotify_one(n)`, `__anotify_waiters(n)`.

use super::async_chan::{err_like, native_of, pending};
use super::future::{native_future, PollNative};
use super::registry::Registry;
use super::util::{self, arg, panic, raw_arg, type_error, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtDef, AdtObj, Place, Value, VariantDef, VariantKind};
use parking_lot::Mutex;
use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::Waker;
use teras_stdlib::asyncrt::{Acquire, AcquirePoll, Notified, Notify, Semaphore, TryAcquire, MAX_READS};

/// `vm::program::tid::NATIVE`: a type id with no impls (as `sync::defs`).
const NATIVE_TID: u32 = 32;

/// The definition of async lock storage objects (a unit-kind variant, so it prints its name;
/// its fields are still walked by the VM's drop glue).
pub fn storage_def() -> &'static Arc<AdtDef> {
    static D: OnceLock<Arc<AdtDef>> = OnceLock::new();
    D.get_or_init(|| {
        Arc::new(AdtDef {
            name: "<async lock storage>".into(),
            is_enum: false,
            variants: vec![VariantDef { name: "<async lock storage>".into(), kind: VariantKind::Unit, fields: Vec::new(), discriminant: 0 }],
            is_copy: false,
            derives: Vec::new(),
            type_id: NATIVE_TID,
        })
    })
}

/// The shared core of an async `Mutex`/`RwLock`.
#[derive(Debug)]
pub struct AsyncCore {
    pub sem: Semaphore,
    pub rw: bool,
    /// Live guards: token -> permits held.
    holders: Mutex<HashMap<usize, usize>>,
}

/// An async `Mutex`/`RwLock` value (`Value::Native`).
#[derive(Debug)]
pub struct AsyncLock {
    pub store: Heap<AdtObj>,
    pub core: Arc<AsyncCore>,
}

fn token(p: &Arc<Place>) -> usize {
    Arc::as_ptr(p) as usize
}

/// The content of a dying async `Mutex`/`RwLock`, taken out of its storage for the VM's drop
/// walk (`sync::lock::take_lock_content` for std's locks).
pub fn take_lock_content(v: &Value) -> Option<Value> {
    let Value::Native(b) = v else { return None };
    let lock = b.downcast_ref::<AsyncLock>()?;
    let mut store = lock.store.write().ok()?;
    store.fields.get_mut(0).map(std::mem::take)
}

fn core_of_store(store: &Heap<AdtObj>) -> Option<Arc<AsyncCore>> {
    let o = store.read().ok()?;
    if !o.def.is(storage_def()) {
        return None;
    }
    match o.fields.get(1)? {
        Value::Native(b) => b.downcast_ref::<Arc<AsyncCore>>().cloned(),
        _ => None,
    }
}

/// An async lock guard died: give its permits back when `v` was its last handle. `false`
/// when `v` is no async guard.
pub fn release_guard(v: &Value) -> bool {
    let Value::Ref(p) = v else { return false };
    let Place::Field(store, 0) = &**p else { return false };
    let Some(core) = core_of_store(store) else { return false };
    if Arc::strong_count(p) > 1 {
        return true;
    }
    let held = core.holders.lock().remove(&token(p));
    if let Some(n) = held {
        core.sem.release(n);
    }
    true
}

/// Is `v` a handle of an async lock guard (live or released)?
pub fn is_guard(v: &Value) -> bool {
    matches!(v, Value::Ref(p) if matches!(&**p, Place::Field(store, 0) if core_of_store(store).is_some()))
}

/// A guard's owner died (or its task was torn down): its permits are handed to a fresh handle,
/// which is returned, so that `release_guard` of it gives them back even while stale copies
/// of the old handle linger (a callee's `&mut *g`, a temporary's copy in a register). `None`
/// when `v` is no async guard holding permits.
pub fn rehandle(v: &Value) -> Option<Value> {
    let Value::Ref(p) = v else { return None };
    let Place::Field(store, 0) = &**p else { return None };
    let core = core_of_store(store)?;
    let fresh = Arc::new(Place::Field(store.clone(), 0));
    let mut holders = core.holders.lock();
    let n = holders.remove(&token(p))?;
    holders.insert(token(&fresh), n);
    Some(Value::Ref(fresh))
}

fn lock_of(v: &Value) -> R<Arc<Box<dyn Any + Send + Sync>>> {
    match native_of(v) {
        Some(b) if b.downcast_ref::<AsyncLock>().is_some() => Ok(b),
        _ => Err(type_error("tokio Mutex or RwLock", v)),
    }
}

fn alock_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let rw = util::bool_of(&arg(args, 1)?)?;
    let core = Arc::new(AsyncCore { sem: Semaphore::new(if rw { MAX_READS } else { 1 }), rw, holders: Mutex::new(HashMap::new()) });
    let native: Box<dyn Any + Send + Sync> = Box::new(core.clone());
    let store = Heap::new(AdtObj { def: storage_def().into(), variant: 0, fields: smallvec::smallvec![raw_arg(args, 0)?, Value::Native(Arc::new(native))] });
    Ok(Value::Native(Arc::new(Box::new(AsyncLock { store, core }))))
}

fn permits_of(core: &AsyncCore, mode: u32) -> usize {
    if core.rw && mode == 2 {
        MAX_READS
    } else {
        1
    }
}

/// A new guard holding `n` permits of `lock`.
fn guard(lock: &AsyncLock, n: usize) -> Value {
    let place = Arc::new(Place::Field(lock.store.clone(), 0));
    lock.core.holders.lock().insert(token(&place), n);
    Value::Ref(place)
}

struct LockState {
    acq: Acquire,
    waker: Option<Waker>,
}

struct LockFut {
    lock: Arc<Box<dyn Any + Send + Sync>>,
    n: usize,
    what: &'static str,
    st: Mutex<LockState>,
}

impl PollNative for LockFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let Some(l) = self.lock.downcast_ref::<AsyncLock>() else { return Err(panic("async lock")) };
        let mut st = self.st.lock();
        let st = &mut *st;
        match l.core.sem.poll_acquire(self.n, &mut st.acq, cx.waker) {
            AcquirePoll::Ready => Ok(guard(l, self.n)),
            AcquirePoll::Closed => Err(panic("async lock closed")),
            AcquirePoll::Pending => Err(pending(&mut st.waker, cx.waker, self.what)),
        }
    }
    fn name(&self) -> &'static str {
        "Acquire"
    }
    fn cancel(&self) {
        if let Some(l) = self.lock.downcast_ref::<AsyncLock>() {
            l.core.sem.cancel(&mut self.st.lock().acq);
        }
    }
}

fn alock_acquire(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let lock = lock_of(&raw_arg(args, 0)?)?;
    let mode = util::usize_of(&arg(args, 1)?)? as u32;
    let Some(l) = lock.downcast_ref::<AsyncLock>() else { return Err(panic("async lock")) };
    let n = permits_of(&l.core, mode);
    let what = match mode {
        0 => "Mutex::lock",
        1 => "RwLock::read",
        _ => "RwLock::write",
    };
    Ok(native_future(LockFut { lock, n, what, st: Mutex::new(LockState { acq: Acquire::new(), waker: None }) }))
}

fn alock_try(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let lock = lock_of(&raw_arg(args, 0)?)?;
    let mode = util::usize_of(&arg(args, 1)?)? as u32;
    let Some(l) = lock.downcast_ref::<AsyncLock>() else { return Err(panic("async lock")) };
    let n = permits_of(&l.core, mode);
    Ok(match l.core.sem.try_acquire(n) {
        Ok(()) => util::ok(cx, guard(l, n)),
        Err(_) => util::err(cx, err_like(&raw_arg(args, 2)?, 0, vec![Value::Unit])?),
    })
}

/// `into_inner()` (aux 0): the content; `get_mut()` (aux 1): a place on it.
fn alock_inner(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let lock = lock_of(&raw_arg(args, 0)?)?;
    let Some(l) = lock.downcast_ref::<AsyncLock>() else { return Err(panic("async lock")) };
    if aux == 1 {
        return Ok(Value::Ref(Arc::new(Place::Field(l.store.clone(), 0))));
    }
    let o = l.store.read().map_err(util::conflict)?;
    Ok(o.fields.first().cloned().unwrap_or_default())
}

/// For `{:?}`: the content, `None` when locked (tokio prints `data: <locked>`).
pub fn debug_content(v: &Value) -> Option<Option<Value>> {
    let Value::Native(b) = v else { return None };
    let l = b.downcast_ref::<AsyncLock>()?;
    let free = l.core.sem.available_permits() == if l.core.rw { MAX_READS } else { 1 };
    let content = l.store.read().ok()?.fields.first().cloned();
    Some(if free { content } else { None })
}

// ---------------------------------------------------------------- Semaphore

/// A `SemaphorePermit`: gives its permits back when its last handle dies.
#[derive(Debug)]
pub struct Permit {
    sem: Arc<Semaphore>,
    n: AtomicUsize,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let n = *self.n.get_mut();
        if n > 0 {
            self.sem.release(n);
        }
    }
}

fn sem_of(v: &Value) -> R<Arc<Semaphore>> {
    match native_of(v) {
        Some(b) => match b.downcast_ref::<Arc<Semaphore>>() {
            Some(s) => Ok(s.clone()),
            None => Err(type_error("Semaphore", v)),
        },
        None => Err(type_error("Semaphore", v)),
    }
}

fn permit_value(sem: Arc<Semaphore>, n: usize) -> Value {
    Value::Native(Arc::new(Box::new(Permit { sem, n: AtomicUsize::new(n) })))
}

fn asem_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = util::usize_of(&arg(args, 0)?)?;
    if n > teras_stdlib::asyncrt::semaphore::MAX_PERMITS {
        return Err(panic(format!("a semaphore may not have more than MAX_PERMITS permits ({})", teras_stdlib::asyncrt::semaphore::MAX_PERMITS)));
    }
    let native: Box<dyn Any + Send + Sync> = Box::new(Arc::new(Semaphore::new(n)));
    Ok(Value::Native(Arc::new(native)))
}

struct SemFut {
    sem: Arc<Semaphore>,
    n: usize,
    err: Value,
    st: Mutex<LockState>,
}

impl PollNative for SemFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut st = self.st.lock();
        let st = &mut *st;
        match self.sem.poll_acquire(self.n, &mut st.acq, cx.waker) {
            AcquirePoll::Ready => Ok(util::ok(cx, permit_value(self.sem.clone(), self.n))),
            AcquirePoll::Closed => Ok(util::err(cx, err_like(&self.err, 0, vec![Value::Unit])?)),
            AcquirePoll::Pending => Err(pending(&mut st.waker, cx.waker, "Semaphore::acquire")),
        }
    }
    fn name(&self) -> &'static str {
        "Acquire"
    }
    fn cancel(&self) {
        self.sem.cancel(&mut self.st.lock().acq);
    }
}

fn asem_acquire(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let sem = sem_of(&raw_arg(args, 0)?)?;
    let n = util::usize_of(&arg(args, 1)?)?;
    let err = raw_arg(args, 2)?;
    Ok(native_future(SemFut { sem, n, err, st: Mutex::new(LockState { acq: Acquire::new(), waker: None }) }))
}

/// `try_acquire(_many)`: `Ok(permit)`, or `Err` of the template's enum: `Closed` (0),
/// `NoPermits` (1).
fn asem_try(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let sem = sem_of(&raw_arg(args, 0)?)?;
    let n = util::usize_of(&arg(args, 1)?)?;
    Ok(match sem.try_acquire(n) {
        Ok(()) => util::ok(cx, permit_value(sem, n)),
        Err(TryAcquire::Closed) => util::err(cx, err_like(&raw_arg(args, 2)?, 0, Vec::new())?),
        Err(TryAcquire::NoPermits) => util::err(cx, err_like(&raw_arg(args, 2)?, 1, Vec::new())?),
    })
}

/// aux 0 `available_permits`, 1 `add_permits(n)`, 2 `close`, 3 `is_closed`.
fn asem_misc(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let sem = sem_of(&raw_arg(args, 0)?)?;
    Ok(match aux {
        0 => Value::usize(sem.available_permits()),
        1 => {
            let n = util::usize_of(&arg(args, 1)?)?;
            if !sem.release(n) {
                return Err(panic(format!("number of added permits ({n}) would overflow MAX_PERMITS")));
            }
            Value::Unit
        }
        2 => {
            sem.close();
            Value::Unit
        }
        _ => Value::Bool(sem.is_closed()),
    })
}

/// `forget()` (aux 0): the permits are not given back; `num_permits()` (aux 1).
fn apermit(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let p = native_of(&raw_arg(args, 0)?).ok_or_else(|| panic("SemaphorePermit expected"))?;
    let p = p.downcast_ref::<Permit>().ok_or_else(|| panic("SemaphorePermit expected"))?;
    // Relaxed: the count is only read and written through the permit's own handle.
    Ok(if aux == 0 {
        p.n.store(0, Ordering::Relaxed);
        Value::Unit
    } else {
        Value::usize(p.n.load(Ordering::Relaxed))
    })
}

// ---------------------------------------------------------------- Notify

fn notify_of(v: &Value) -> R<Arc<Notify>> {
    match native_of(v) {
        Some(b) => match b.downcast_ref::<Arc<Notify>>() {
            Some(n) => Ok(n.clone()),
            None => Err(type_error("Notify", v)),
        },
        None => Err(type_error("Notify", v)),
    }
}

fn anotify_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let native: Box<dyn Any + Send + Sync> = Box::new(Arc::new(Notify::new()));
    Ok(Value::Native(Arc::new(native)))
}

struct NotifiedFut {
    n: Arc<Notify>,
    st: Mutex<(Notified, Option<Waker>)>,
}

impl PollNative for NotifiedFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut st = self.st.lock();
        let st = &mut *st;
        if self.n.poll_notified(&mut st.0, cx.waker) {
            return Ok(Value::Unit);
        }
        Err(pending(&mut st.1, cx.waker, "Notify::notified"))
    }
    fn name(&self) -> &'static str {
        "Notified"
    }
    fn cancel(&self) {
        self.n.cancel(&mut self.st.lock().0);
    }
}

/// aux 0 `notified()`, 1 `notify_one()`, 2 `notify_waiters()`.
fn anotify(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let n = notify_of(&raw_arg(args, 0)?)?;
    Ok(match aux {
        0 => {
            let rec = n.notified();
            native_future(NotifiedFut { n, st: Mutex::new((rec, None)) })
        }
        1 => {
            n.notify_one();
            Value::Unit
        }
        _ => {
            n.notify_waiters();
            Value::Unit
        }
    })
}

pub fn register(r: &mut Registry) {
    r.func("__alock_new", alock_new);
    r.func("__alock_acquire", alock_acquire);
    r.func("__alock_try", alock_try);
    r.func_aux("__alock_into_inner", alock_inner, 0);
    r.func_aux("__alock_get_mut", alock_inner, 1);
    r.func("__asem_new", asem_new);
    r.func("__asem_acquire", asem_acquire);
    r.func("__asem_try", asem_try);
    r.func_aux("__asem_available", asem_misc, 0);
    r.func_aux("__asem_add", asem_misc, 1);
    r.func_aux("__asem_close", asem_misc, 2);
    r.func_aux("__asem_is_closed", asem_misc, 3);
    r.func_aux("__apermit_forget", apermit, 0);
    r.func_aux("__apermit_count", apermit, 1);
    // A permit is a bare native object: its methods are found by kind.
    r.method_aux(super::registry::Kind::Native, "forget", apermit, 0);
    r.method_aux(super::registry::Kind::Native, "num_permits", apermit, 1);
    r.func("__anotify_new", anotify_new);
    r.func_aux("__anotify_notified", anotify, 0);
    r.func_aux("__anotify_one", anotify, 1);
    r.func_aux("__anotify_waiters", anotify, 2);
}

#[cfg(test)]
#[path = "async_sync_tests.rs"]
mod tests;
