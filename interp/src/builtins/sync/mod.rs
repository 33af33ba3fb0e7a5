//! `std::sync`: Mutex, RwLock, Condvar, Barrier, Once, OnceLock and the atomics, bound to
//! TERAS values. The state machines are `teras_stdlib::sync`; this module is the binding.
//!
//! # Guards
//! A lock keeps its content in a *storage* object: a `Heap<AdtObj>` of the private
//! definition `storage_def()` whose field 0 is the content and field 1 the lock's core (a
//! `Value::Native(CoreRef)`). A guard is `Value::Ref(Place::Field(storage, 0))`, so the VM
//! reads and writes through it (`*g += 1`, `g.push(x)`) like through any `&mut`. The guard's
//! identity (the address of its `Arc<Place>`) is the holder token of the lock: when the VM
//! lets a guard die (`builtins::release_guard`, scope end, `drop(g)`, statement
//! temporaries) `release_guard` here releases the lock held under that token, and poisons it
//! when `runtime::panicking()`. A stale copy of a guard released later finds its token no
//! longer holding the lock and does nothing. Only the death of a guard's *last* handle
//! releases: the temporary `Ok(guard)` dying at the end of `let g = m.lock().unwrap();`
//! must leave `g`'s lock held.
//!
//! A mutex keeps the place of a guard whose last handle the VM let go of in its register
//! (`release_mutex_guard_in_place`) in its `RawMutex`'s spare word, and the next lock takes it
//! back as its guard (`lock::acquire_place`): the same token again, which is safe because the
//! word holds a place only while no handle of it is left anywhere. So a lock/unlock pair
//! allocates nothing and updates no handle count of the storage (a cache line every thread of
//! a contended lock writes). The spare holds a storage handle and the storage holds the mutex,
//! so the lock object closes the word when it dies (`LockObj`'s `Drop`).
//!
//! # Blocking
//! `lock`, `read`, `write`, `Condvar::wait*`, `Barrier::wait` and `Once`'s waiters follow
//! `teras_stdlib::sched`: register `cx.waker`, re-check, return `NativeError::Block`; phases
//! of a multi-step wait (a condvar: waiting, then re-locking) live in `cx.state`.
//!
//! # Method names
//! Every `Value::Native` shares one method namespace (`registry::Kind::Native`). Each method
//! registered here remembers the native registered before it under the same name (in the
//! high half of `aux`) and hands receivers that are not sync objects on to it
//! (`fallback`), so `wait`, `get`, `swap`... coexist with other modules' natives.
//!
//! Closure-taking methods (`Condvar::wait_while`, `Once::call_once`, `OnceLock::get_or_init`,
//! `fetch_update`...) are TERAS code in `prelude/sync.rs`.
//!
//! Files: `defs` (the small std types natives construct: `PoisonError`, `TryLockError`,
//! `WaitTimeoutResult`, `BarrierWaitResult`, atomic `Ordering`), `lock` (Mutex, RwLock),
//! `condvar`, `once` (Barrier, Once, OnceLock), `atomic`.

pub mod atomic;
pub mod condvar;
pub mod defs;
pub mod lock;
pub mod once;
#[cfg(test)]
mod tests;

use super::registry::{Kind, NativeFn, Registry};
use super::util;
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtObj, Place, Value};
use std::any::Any;
use std::sync::Arc;

/// What a storage object's field 1 holds.
pub enum CoreRef {
    Mutex(Arc<teras_stdlib::sync::RawMutex>),
    Rw(Arc<teras_stdlib::sync::RawRwLock>),
    /// The running initialisation of a `Once`/`OnceLock` (see `once`).
    Once(Arc<once::OnceObj>),
    /// `get_mut` of an atomic: field 0 is written back into the atomic on release.
    AtomicMut(Arc<Box<dyn Any + Send + Sync>>),
}

impl std::fmt::Debug for CoreRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CoreRef")
    }
}

/// A new storage object holding `content` and `core`.
pub fn storage(content: Value, core: CoreRef) -> Heap<AdtObj> {
    let core: Box<dyn Any + Send + Sync> = Box::new(core);
    Heap::new(AdtObj { def: defs::storage_def().into(), variant: 0, fields: smallvec::smallvec![content, Value::Native(Arc::new(core))] })
}

/// The core of a storage object (None for any other object).
pub fn core_of(store: &Heap<AdtObj>) -> Option<CoreRefOwned> {
    let o = store.read().ok()?;
    if !o.def.is(defs::storage_def()) {
        return None;
    }
    match o.fields.get(1)? {
        Value::Native(b) => match b.downcast_ref::<CoreRef>()? {
            CoreRef::Mutex(m) => Some(CoreRefOwned::Mutex(m.clone())),
            CoreRef::Rw(m) => Some(CoreRefOwned::Rw(m.clone())),
            CoreRef::Once(m) => Some(CoreRefOwned::Once(m.clone())),
            CoreRef::AtomicMut(a) => Some(CoreRefOwned::AtomicMut(a.clone(), o.fields.first()?.clone())),
        },
        _ => None,
    }
}

/// `CoreRef`, taken out of the storage object (no heap guard held), with the content for
/// `AtomicMut`.
pub enum CoreRefOwned {
    Mutex(Arc<teras_stdlib::sync::RawMutex>),
    Rw(Arc<teras_stdlib::sync::RawRwLock>),
    Once(Arc<once::OnceObj>),
    AtomicMut(Arc<Box<dyn Any + Send + Sync>>, Value),
}

/// The holder token of a guard: the address of its place.
pub fn token(p: &Arc<Place>) -> usize {
    Arc::as_ptr(p) as usize
}

/// A guard (or a `get_mut` reference into a sync object) died: release what it holds when
/// `v` was its last handle. `false` when `v` is nothing of this module's.
pub fn release_guard(v: &Value) -> bool {
    let Value::Ref(p) = v else { return false };
    let Place::Field(store, 0) = &**p else { return false };
    let last = Arc::strong_count(p) == 1;
    {
        // A mutex guard, the hot case (`*m.lock().unwrap() += 1`): the lock word is freed
        // under the storage's read guard, without taking a counted handle of the core (its
        // count is a cache line every thread using the lock writes). Only when a waiter must
        // be woken is the core's `Arc` cloned, to wake it after the read guard is gone (the
        // woken thread soon writes the storage: `*g += 1`).
        let wake = {
            let Ok(o) = store.read() else { return false };
            if !o.def.is(defs::storage_def()) {
                return false;
            }
            match o.fields.get(1) {
                Some(Value::Native(b)) => match b.downcast_ref::<CoreRef>() {
                    Some(CoreRef::Mutex(_)) if !last => return true,
                    Some(CoreRef::Mutex(m)) => match m.release(token(p), crate::runtime::panicking()) {
                        teras_stdlib::sync::Released::Wake => Some(m.clone()),
                        _ => return true,
                    },
                    _ => None,
                },
                _ => None,
            }
        };
        if let Some(m) = wake {
            m.wake_one();
            return true;
        }
    }
    let Some(core) = core_of(store) else { return false };
    if !last {
        // Another handle of this guard is alive: `Ok(guard)` dying as a statement temporary
        // while `let g = m.lock().unwrap()` keeps the guard is not the guard's death. (A
        // stale copy left in a register keeps a guard locked too long: see LANGUAGE.md.)
        return true;
    }
    let panicking = crate::runtime::panicking();
    match core {
        CoreRefOwned::Mutex(m) => {
            m.unlock(token(p), panicking);
        }
        CoreRefOwned::Rw(l) => {
            l.release(token(p), panicking);
        }
        CoreRefOwned::Once(o) => o.release(panicking),
        CoreRefOwned::AtomicMut(a, content) => {
            if let Some(a) = a.downcast_ref::<atomic::AtomObj>() {
                a.write_back(&content);
            }
        }
    }
    true
}

/// `release_guard` of a guard the VM lets go of in its register (`Release`, a statement's
/// temporaries), for a mutex guard's last handle: the lock is released and the register
/// emptied, and the guard's place becomes the mutex's spare (`lock::keep_spare`: the next
/// `lock` reuses it, with no allocation and no count update on the storage). `false`, nothing
/// done, for anything else (a guard with other handles left, another guard, another value):
/// the caller releases it as before.
#[inline]
pub fn release_mutex_guard_in_place(slot: &mut Value) -> bool {
    let Value::Ref(p) = &*slot else { return false };
    if Arc::strong_count(p) != 1 {
        return false;
    }
    let Place::Field(store, 0) = &**p else { return false };
    // The mutex is found under the storage's read guard, and released after that guard is
    // gone: the next holder (which may be spinning on the lock word) writes the storage at
    // once (`*g += 1`), and would meet the read guard. No handle of the core is cloned (its
    // count is a cache line every thread using the lock writes).
    let m: *const teras_stdlib::sync::RawMutex = {
        let Ok(o) = store.read() else { return false };
        if !o.def.is(defs::storage_def()) {
            return false;
        }
        let Some(Value::Native(b)) = o.fields.get(1) else { return false };
        let Some(CoreRef::Mutex(m)) = b.downcast_ref::<CoreRef>() else { return false };
        Arc::as_ptr(m)
    };
    // SAFETY: `m` is the mutex in field 1 of the storage `p` holds a handle of. `p` is owned
    // here (in `slot`, then taken) until `keep_spare` hands it over, and not used after that,
    // so the storage lives, and its field 1 with the mutex's `Arc` lives as long as the
    // storage: a storage object's field 1 is written only when `storage` builds it (no place
    // names it; guards are places of field 0).
    let m = unsafe { &*m };
    if m.release(token(p), crate::runtime::panicking()) == teras_stdlib::sync::Released::Wake {
        m.wake_one();
    }
    let Value::Ref(p) = std::mem::take(slot) else { return true };
    lock::keep_spare(m, p);
    true
}

/// A guard moved into a new handle: the lock held under `guard`'s token is handed to a fresh
/// place, which is returned (other values come back unchanged). Copies of the old handle that
/// linger in a dying wrapper no longer hold anything.
pub fn rehandle(guard: &Value) -> Value {
    let Value::Ref(p) = guard else { return guard.clone() };
    let Place::Field(store, 0) = &**p else { return guard.clone() };
    let fresh = Arc::new(Place::Field(store.clone(), 0));
    let moved = match core_of(store) {
        Some(CoreRefOwned::Mutex(m)) => m.transfer(token(p), token(&fresh)),
        Some(CoreRefOwned::Rw(l)) => l.transfer(token(p), token(&fresh)),
        _ => false,
    };
    if moved {
        Value::Ref(fresh)
    } else {
        guard.clone()
    }
}

/// The sync constants: atomic `Ordering::*`, `TryLockError::WouldBlock`,
/// `ONCE_INIT`-style values (`Once::new()` is a function).
pub fn constant(path: &str) -> Option<Value> {
    defs::constant(path)
}

/// Argument `i` as a native object, following references and the content of an `Arc`
/// (downcast it to the expected type).
pub fn native_arg(args: &[Value], i: usize) -> Option<Arc<Box<dyn Any + Send + Sync>>> {
    let v = args.get(i)?;
    let v = match v {
        Value::Native(_) => v.clone(),
        _ => match util::deref(v).ok()? {
            d @ Value::Native(_) => d,
            other => super::auto_deref(&other)?,
        },
    };
    match v {
        Value::Native(b) => Some(b),
        _ => None,
    }
}

/// A native object argument, borrowed when the argument is the object itself (no count
/// update on a handle other threads share), else owned (`native_arg`).
pub enum NativeRef<'a> {
    Borrowed(&'a Arc<Box<dyn Any + Send + Sync>>),
    Owned(Arc<Box<dyn Any + Send + Sync>>),
}

impl std::ops::Deref for NativeRef<'_> {
    type Target = Box<dyn Any + Send + Sync>;
    fn deref(&self) -> &Self::Target {
        match self {
            NativeRef::Borrowed(b) => b,
            NativeRef::Owned(b) => b,
        }
    }
}

/// Argument `i` as a native object, as `native_arg`, borrowed when it can be.
pub fn native_ref(args: &[Value], i: usize) -> Option<NativeRef<'_>> {
    match args.get(i)? {
        Value::Native(b) => Some(NativeRef::Borrowed(b)),
        _ => native_arg(args, i).map(NativeRef::Owned),
    }
}

/// Register `f` as method `name` of native objects, chaining to the native registered
/// before under the same name (see the module doc). `aux` must fit 16 bits.
pub fn method(r: &mut Registry, name: &'static str, f: NativeFn, aux: u32) {
    let prev = r.methods.get(&(Kind::Native, name)).map_or(0, |id| id + 1);
    r.method_aux(Kind::Native, name, f, (aux & 0xffff) | (prev << 16));
}

/// The same for methods of the small std structs of `defs` (`Value::Adt` receivers).
pub fn adt_method(r: &mut Registry, name: &'static str, f: NativeFn, aux: u32) {
    let prev = r.methods.get(&(Kind::Adt, name)).map_or(0, |id| id + 1);
    r.method_aux(Kind::Adt, name, f, (aux & 0xffff) | (prev << 16));
}

/// The receiver is not ours: call the native registered before under the same name.
pub fn fallback(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32, what: &str) -> NativeResult {
    let prev = aux >> 16;
    if prev > 0 {
        if let Some(def) = super::registry::registry().defs.get((prev - 1) as usize) {
            return (def.f)(cx, args, def.aux);
        }
    }
    let v = args.first().cloned().unwrap_or_default();
    Err(util::type_error(what, &v))
}

/// `__guard_move(g)`: `rehandle` for prelude code returning a guard it was given.
fn guard_move(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(rehandle(&util::raw_arg(args, 0)?))
}

/// How `{:?}` shows a sync object other than a lock (locks: `lock::debug_parts`).
#[derive(Debug)]
pub enum SyncDebug {
    /// Fixed text: `Condvar { .. }`, `Barrier { .. }`, `Once { .. }`.
    Text(&'static str),
    /// An atomic prints its current value, under the caller's spec.
    Value(Value),
    /// `OnceLock(value)`, or `OnceLock(<uninit>)` for `None`.
    Wrapped(&'static str, Option<Value>),
}

/// The `Debug` form of a sync native (`None` for anything else), as std prints it.
pub fn debug_form(v: &Value) -> Option<SyncDebug> {
    let Value::Native(b) = v else { return None };
    if let Some(a) = b.downcast_ref::<atomic::AtomObj>() {
        return Some(SyncDebug::Value(a.current()));
    }
    if b.downcast_ref::<condvar::CondvarObj>().is_some() {
        return Some(SyncDebug::Text("Condvar { .. }"));
    }
    if b.downcast_ref::<once::BarrierObj>().is_some() {
        return Some(SyncDebug::Text("Barrier { .. }"));
    }
    match b.downcast_ref::<once::OnceHandle>().map(|h| &*h.0) {
        Some(once::OnceObj::Once(_)) => Some(SyncDebug::Text("Once { .. }")),
        Some(once::OnceObj::Lock(s)) => Some(SyncDebug::Wrapped("OnceLock", s.get())),
        None => None,
    }
}

/// Every sync native.
pub fn register(r: &mut Registry) {
    r.func("__guard_move", guard_move);
    defs::register(r);
    lock::register(r);
    condvar::register(r);
    once::register(r);
    atomic::register(r);
}
