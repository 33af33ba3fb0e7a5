//! `Cell` and `RefCell` (`Value::Cell` with `CellObj::Cell`/`CellObj::RefCell`).
//!
//! `borrow()`/`borrow_mut()` return a guard: `Value::Ref(Place::CellContent(cell))`, and
//! record the borrow in the cell (`borrow` > 0 shared, -1 mutable). The VM calls
//! `release_guard` when a copy of a guard dies (a local going out of scope, a statement's
//! temporary); the borrow ends with the guard's *last* handle, so the `Ok(guard)` of
//! `c.try_borrow_mut().unwrap()` dying at the end of its statement does not end the borrow
//! that `let g = ...` keeps. When an *owner* of a guard dies (`rehandle`, called by the VM's
//! drop glue and by `drop(g)`), the borrow ends at once and the guard's old handle is
//! *retired*: a stale copy of it dying later (a register nobody cleared) releases nothing.
//! Conflicts panic as Rust's do (`RefCell already borrowed`); `set_borrow_tracking(false)`
//! turns the panics off (borrows are still recorded), for a VM path that cannot release
//! guards.

use super::util::{self, arg, conflict, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{CellObj, Place, Value};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

static TRACKING: AtomicBool = AtomicBool::new(true);

/// Enforce Rust's `RefCell already borrowed` panics (the default; kept for callers that
/// turn it on explicitly).
pub fn enable_borrow_tracking() {
    set_borrow_tracking(true);
}

/// Enforce (the default) or not Rust's `RefCell already borrowed` panics.
pub fn set_borrow_tracking(on: bool) {
    TRACKING.store(on, Ordering::Relaxed);
}

fn tracking() -> bool {
    TRACKING.load(Ordering::Relaxed)
}

fn cell(v: &Value) -> R<Heap<CellObj>> {
    match v {
        Value::Cell(h) => Ok(h.clone()),
        Value::Ref(_) => cell(&util::deref(v)?),
        other => Err(util::type_error("Cell", other)),
    }
}

fn guard(h: Heap<CellObj>) -> Value {
    Value::Ref(Arc::new(Place::CellContent(h)))
}

fn cell_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Cell(Heap::new(CellObj::Cell(raw_arg(args, 0)?))))
}

fn refcell_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Cell(Heap::new(CellObj::RefCell { value: raw_arg(args, 0)?, borrow: 0 })))
}

/// The content (Cell or RefCell), copied as a `Copy` read.
fn get(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let v = match &*h.read().map_err(conflict)? {
        CellObj::Cell(v) => v.clone(),
        CellObj::RefCell { value, .. } => value.clone(),
        _ => return Err(panic("type error: Cell expected")),
    };
    super::clone::copy_value(&v)
}

/// Store into the cell, returning the old content. A borrowed RefCell panics.
fn swap_content(h: &Heap<CellObj>, new: Value) -> R<Value> {
    match &mut *h.write().map_err(conflict)? {
        CellObj::Cell(v) => Ok(std::mem::replace(v, new)),
        CellObj::RefCell { value, borrow } => {
            if *borrow != 0 && tracking() {
                return Err(panic("RefCell already borrowed"));
            }
            Ok(std::mem::replace(value, new))
        }
        _ => Err(panic("type error: Cell expected")),
    }
}

fn set(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    swap_content(&h, raw_arg(args, 1)?)?;
    Ok(Value::Unit)
}

fn replace(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    swap_content(&h, raw_arg(args, 1)?)
}

/// `take()`: the content, leaving `Default::default()` of its type.
fn take(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let cur = match &*h.read().map_err(conflict)? {
        CellObj::Cell(v) | CellObj::RefCell { value: v, .. } => v.clone(),
        _ => return Err(panic("type error: Cell expected")),
    };
    let d = super::misc::default_like(&cur)?;
    swap_content(&h, d)
}

fn into_inner(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let v = match &*h.read().map_err(conflict)? {
        CellObj::Cell(v) | CellObj::RefCell { value: v, .. } => v.clone(),
        _ => return Err(panic("type error: Cell expected")),
    };
    Ok(v)
}

fn get_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(guard(cell(&arg(args, 0)?)?))
}

fn swap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = cell(&arg(args, 0)?)?;
    let b = cell(&arg(args, 1)?)?;
    if a.ptr_eq(&b) {
        return Ok(Value::Unit);
    }
    let va = into_inner_of(&a)?;
    let vb = swap_content(&b, va)?;
    swap_content(&a, vb)?;
    Ok(Value::Unit)
}

fn into_inner_of(h: &Heap<CellObj>) -> R<Value> {
    match &*h.read().map_err(conflict)? {
        CellObj::Cell(v) | CellObj::RefCell { value: v, .. } => Ok(v.clone()),
        _ => Err(panic("type error: Cell expected")),
    }
}

/// Take a borrow: shared (`mutable == false`) or exclusive. `Err(message)` on conflict.
fn take_borrow(h: &Heap<CellObj>, mutable: bool) -> R<Result<(), &'static str>> {
    take_borrow_with(h, mutable, tracking())
}

fn take_borrow_with(h: &Heap<CellObj>, mutable: bool, enforce: bool) -> R<Result<(), &'static str>> {
    match &mut *h.write().map_err(conflict)? {
        CellObj::RefCell { borrow, .. } => {
            if mutable {
                if *borrow != 0 && enforce {
                    return Ok(Err("RefCell already borrowed"));
                }
                *borrow = -1;
            } else {
                if *borrow < 0 && enforce {
                    return Ok(Err("RefCell already mutably borrowed"));
                }
                *borrow = if *borrow < 0 { 1 } else { *borrow + 1 };
            }
            Ok(Ok(()))
        }
        _ => Err(panic("type error: RefCell expected")),
    }
}

/// `borrow` (aux 0) / `borrow_mut` (aux 1).
fn borrow(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    match take_borrow(&h, aux == 1)? {
        Ok(()) => Ok(guard(h)),
        Err(msg) => Err(panic(msg)),
    }
}

/// `try_borrow` (aux 0) / `try_borrow_mut` (aux 1): `Result<guard, BorrowError>`.
fn try_borrow(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    Ok(match take_borrow(&h, aux == 1)? {
        Ok(()) => util::ok(cx, guard(h)),
        Err(_) => util::err(cx, Value::str(if aux == 1 { "BorrowMutError" } else { "BorrowError" })),
    })
}

/// Guard handles whose borrow an owner's death already ended while stale copies of them
/// were still alive (see `rehandle`). A `Weak` keeps the allocation, so no new guard can
/// take a retired one's address while it is listed.
static RETIRED: parking_lot::Mutex<Vec<Weak<Place>>> = parking_lot::Mutex::new(Vec::new());
/// `RETIRED`'s length, so that releasing a guard when nothing is retired takes no lock.
static RETIRED_COUNT: AtomicUsize = AtomicUsize::new(0);

/// Is `p` a retired guard handle? When `forget` is set and it is, it is taken off the list.
fn retired(p: &Arc<Place>, forget: bool) -> bool {
    if RETIRED_COUNT.load(Ordering::Acquire) == 0 {
        return false;
    }
    let mut t = RETIRED.lock();
    let Some(i) = t.iter().position(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(p))) else { return false };
    if forget {
        t.swap_remove(i);
        RETIRED_COUNT.store(t.len(), Ordering::Release);
    }
    true
}

/// List `p` as retired, forgetting the entries whose every handle is gone.
fn retire(p: &Arc<Place>) {
    let mut t = RETIRED.lock();
    t.retain(|w| w.strong_count() > 0);
    t.push(Arc::downgrade(p));
    RETIRED_COUNT.store(t.len(), Ordering::Release);
}

/// End one borrow of the cell (shared or exclusive).
fn end_borrow(h: &Heap<CellObj>) {
    if let Ok(mut o) = h.write() {
        if let CellObj::RefCell { borrow, .. } = &mut *o {
            if *borrow < 0 {
                *borrow = 0;
            } else if *borrow > 0 {
                *borrow -= 1;
            }
        }
    }
}

/// A copy of a borrow guard died: release its borrow when it was the guard's last handle
/// (and the guard was not retired by an owner's death already).
pub fn release_guard(v: &Value) {
    if let Value::Ref(p) = v {
        if let Place::CellContent(h) = &**p {
            if Arc::strong_count(p) > 1 || retired(p, true) {
                return;
            }
            end_borrow(h);
        }
    }
}

/// A borrow guard's owner died while other copies of its handle may linger: its borrow
/// ends now. When copies linger, the old handle is retired and a fresh handle of the same
/// cell is returned, whose `release_guard` ends the borrow; otherwise (the last handle, or
/// one retired already, or no cell guard at all) a copy of `v`, for `release_guard(v)`.
pub fn rehandle(v: &Value) -> Value {
    if let Value::Ref(p) = v {
        if let Place::CellContent(h) = &**p {
            if Arc::strong_count(p) > 1 && !retired(p, false) {
                retire(p);
                return guard(h.clone());
            }
        }
    }
    v.clone()
}

/// `__release_guard(g)`: an owner of `g` ends it.
fn drop_value(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    if let Some(v) = args.first() {
        let fresh = rehandle(v);
        match (&fresh, v) {
            (Value::Ref(a), Value::Ref(b)) if !Arc::ptr_eq(a, b) => release_guard(&fresh),
            _ => {
                drop(fresh);
                release_guard(v);
            }
        }
    }
    Ok(Value::Unit)
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{Cell as C, RefCell as RC};
    r.func("Cell::new", cell_new);
    r.func("RefCell::new", refcell_new);
    r.func("__release_guard", drop_value);
    for k in [C, RC] {
        r.method(k, "replace", replace);
        r.method(k, "take", take);
        r.method(k, "into_inner", into_inner);
        r.method(k, "get_mut", get_mut);
        r.method(k, "swap", swap);
    }
    r.method(C, "get", get);
    r.method(C, "set", set);
    r.method_aux(RC, "borrow", borrow, 0);
    r.method_aux(RC, "borrow_mut", borrow, 1);
    r.method_aux(RC, "try_borrow", try_borrow, 0);
    r.method_aux(RC, "try_borrow_mut", try_borrow, 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refcell_borrow_flags() {
        let h = Heap::new(CellObj::RefCell { value: Value::i32(1), borrow: 0 });
        assert_eq!(take_borrow_with(&h, false, true).unwrap(), Ok(()));
        assert_eq!(take_borrow_with(&h, true, true).unwrap(), Err("RefCell already borrowed"));
        release_guard(&guard(h.clone()));
        assert_eq!(take_borrow_with(&h, true, true).unwrap(), Ok(()));
        assert_eq!(take_borrow_with(&h, false, true).unwrap(), Err("RefCell already mutably borrowed"));
        release_guard(&guard(h.clone()));
        assert_eq!(take_borrow_with(&h, false, true).unwrap(), Ok(()));
    }

    fn borrow_of(h: &Heap<CellObj>) -> isize {
        match &*h.read().unwrap() {
            CellObj::RefCell { borrow, .. } => *borrow,
            _ => isize::MIN,
        }
    }

    #[test]
    fn a_guard_is_released_by_its_last_copy_or_its_owner() {
        let h = Heap::new(CellObj::RefCell { value: Value::i32(1), borrow: 0 });
        assert_eq!(take_borrow_with(&h, true, true).unwrap(), Ok(()));
        let g = guard(h.clone());
        // The `Ok(guard)` temporary of `try_borrow_mut().unwrap()` dies: not the last copy.
        let copy = g.clone();
        release_guard(&copy);
        drop(copy);
        assert_eq!(borrow_of(&h), -1);
        // The last copy dies: the borrow ends.
        release_guard(&g);
        assert_eq!(borrow_of(&h), 0);
        drop(g);

        // The owner dies while a stale copy lingers: the borrow ends now, once.
        assert_eq!(take_borrow_with(&h, false, true).unwrap(), Ok(()));
        let g = guard(h.clone());
        let stale = g.clone();
        let fresh = rehandle(&g);
        assert!(matches!((&fresh, &g), (Value::Ref(a), Value::Ref(b)) if !Arc::ptr_eq(a, b)));
        drop(g);
        release_guard(&fresh);
        assert_eq!(borrow_of(&h), 0);
        // Another shared borrow is taken; the stale copy's death must not end it.
        assert_eq!(take_borrow_with(&h, false, true).unwrap(), Ok(()));
        release_guard(&stale);
        assert_eq!(borrow_of(&h), 1);
        drop(stale);
        release_guard(&guard(h.clone()));
        assert_eq!(borrow_of(&h), 0);
    }
}
