//! `std::sync::Mutex` and `RwLock`, for a program running on one thread.
//!
//! A lock is a `Value::Native(MutexObj)` around a `RefCell`-like cell
//! (`CellObj::RefCell`): its `borrow` count is the lock state (-1 locked for writing, >0 read
//! locks). `lock()`/`write()`/`read()` return `Ok(guard)` where the guard is
//! `Value::Ref(Place::CellContent(cell))`, exactly like a `RefCell` guard, so `*guard += 1`,
//! method calls through the guard and the release when the guard dies (scope end,
//! `drop(guard)`, statement temporaries) all go through the VM's existing `RefCell` guard
//! machinery (`cell::release_guard`).
//!
//! There is no real synchronization here: the interpreter runs one thread. Locking a lock
//! the (only) thread already holds would deadlock in Rust; here it panics with
//! `deadlock: the lock is already held by this thread` instead of hanging. Locks are never
//! poisoned (`is_poisoned()` is false).

use super::util::{self, arg, conflict, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{CellObj, Place, Value};
use std::sync::Arc;

/// The message of the panic that replaces a same-thread deadlock.
pub const DEADLOCK: &str = "deadlock: the lock is already held by this thread";

/// A `Mutex<T>` (`rw == false`) or `RwLock<T>` (`rw == true`).
#[derive(Debug)]
pub struct MutexObj {
    pub cell: Heap<CellObj>,
    pub rw: bool,
}

/// The lock a value is (through references), if it is one.
pub fn as_lock(v: &Value) -> Option<&MutexObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<MutexObj>(),
        _ => None,
    }
}

fn lock_of(args: &[Value]) -> R<(Heap<CellObj>, bool)> {
    let v = arg(args, 0)?;
    match as_lock(&v) {
        Some(m) => Ok((m.cell.clone(), m.rw)),
        None => Err(util::type_error("Mutex or RwLock", &v)),
    }
}

fn new_lock(args: &mut [Value], rw: bool) -> NativeResult {
    let cell = Heap::new(CellObj::RefCell { value: raw_arg(args, 0)?, borrow: 0 });
    Ok(Value::Native(Arc::new(Box::new(MutexObj { cell, rw }))))
}

/// `Mutex::new` (aux 0) / `RwLock::new` (aux 1).
fn new(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    new_lock(args, aux == 1)
}

/// Take the lock: exclusive (`write`) or shared. `false` when it is held in a conflicting way.
fn acquire(cell: &Heap<CellObj>, write: bool) -> R<bool> {
    match &mut *cell.write().map_err(conflict)? {
        CellObj::RefCell { borrow, .. } => {
            if write {
                if *borrow != 0 {
                    return Ok(false);
                }
                *borrow = -1;
            } else {
                if *borrow < 0 {
                    return Ok(false);
                }
                *borrow += 1;
            }
            Ok(true)
        }
        _ => Err(panic("type error: Mutex expected")),
    }
}

fn guard(cell: Heap<CellObj>) -> Value {
    Value::Ref(Arc::new(Place::CellContent(cell)))
}

/// `lock()` / `write()` (aux 1) and `read()` (aux 0): `Ok(guard)`; a lock already held by
/// this thread panics (Rust would deadlock).
fn lock(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (cell, rw) = lock_of(args)?;
    let write = aux == 1 || !rw;
    if !acquire(&cell, write)? {
        return Err(panic(DEADLOCK));
    }
    Ok(util::ok(cx, guard(cell)))
}

/// `try_lock()` / `try_write()` (aux 1) and `try_read()` (aux 0): `Err(WouldBlock)` when held.
fn try_lock(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (cell, rw) = lock_of(args)?;
    let write = aux == 1 || !rw;
    Ok(if acquire(&cell, write)? {
        util::ok(cx, guard(cell))
    } else {
        // std's `TryLockError::WouldBlock` Debug-prints as "WouldBlock".
        util::err(cx, Value::str("WouldBlock"))
    })
}

fn content(cell: &Heap<CellObj>) -> R<Value> {
    match &*cell.read().map_err(conflict)? {
        CellObj::RefCell { value, .. } => Ok(value.clone()),
        _ => Err(panic("type error: Mutex expected")),
    }
}

/// `into_inner()`: `Ok(content)`.
fn into_inner(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (cell, _) = lock_of(args)?;
    Ok(util::ok(cx, content(&cell)?))
}

/// `get_mut()`: `Ok(&mut content)` (no lock is taken: `&mut self` proves exclusivity).
fn get_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (cell, _) = lock_of(args)?;
    Ok(util::ok(cx, guard(cell)))
}

fn is_poisoned(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    lock_of(args)?;
    Ok(Value::Bool(false))
}

fn clear_poison(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    lock_of(args)?;
    Ok(Value::Unit)
}

/// For `{:?}` of a lock: its type name, and its content unless it is locked so that
/// reading is impossible (`None`: std prints `data: "<locked>"`).
pub fn debug_parts(v: &Value) -> Option<(&'static str, Option<Value>)> {
    let m = as_lock(v)?;
    let o = m.cell.read().ok()?;
    let CellObj::RefCell { value, borrow } = &*o else { return None };
    let name = if m.rw { "RwLock" } else { "Mutex" };
    Some((name, (*borrow >= 0).then(|| value.clone())))
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Native as K;
    r.func_aux("Mutex::new", new, 0);
    r.func_aux("RwLock::new", new, 1);
    r.method_aux(K, "lock", lock, 1);
    r.method_aux(K, "write", lock, 1);
    r.method_aux(K, "read", lock, 0);
    r.method_aux(K, "try_lock", try_lock, 1);
    r.method_aux(K, "try_write", try_lock, 1);
    r.method_aux(K, "try_read", try_lock, 0);
    r.method(K, "into_inner", into_inner);
    r.method(K, "get_mut", get_mut);
    r.method(K, "is_poisoned", is_poisoned);
    r.method(K, "clear_poison", clear_poison);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock_value(rw: bool) -> Value {
        new_lock(&mut [Value::i32(5)], rw).unwrap()
    }

    #[test]
    fn mutex_is_exclusive_until_released() {
        let v = lock_value(false);
        let cell = as_lock(&v).unwrap().cell.clone();
        assert!(acquire(&cell, true).unwrap());
        assert!(!acquire(&cell, true).unwrap());
        assert!(debug_parts(&v).unwrap().1.is_none());
        super::super::cell::release_guard(&guard(cell.clone()));
        assert!(acquire(&cell, true).unwrap());
    }

    #[test]
    fn rwlock_shares_reads() {
        let v = lock_value(true);
        let cell = as_lock(&v).unwrap().cell.clone();
        assert!(acquire(&cell, false).unwrap());
        assert!(acquire(&cell, false).unwrap());
        assert!(!acquire(&cell, true).unwrap());
        assert_eq!(debug_parts(&v).unwrap().0, "RwLock");
        assert!(debug_parts(&v).unwrap().1.is_some());
        super::super::cell::release_guard(&guard(cell.clone()));
        super::super::cell::release_guard(&guard(cell.clone()));
        assert!(acquire(&cell, true).unwrap());
    }
}
