//! `Cell` and `RefCell` (`Value::Cell` with `CellObj::Cell`/`CellObj::RefCell`).
//!
//! `borrow()`/`borrow_mut()` return a guard: `Value::Ref(Place::CellContent(cell))`, and
//! record the borrow in the cell (`borrow` > 0 shared, -1 mutable). The VM calls
//! `release_guard` when a guard dies (a local going out of scope, a statement's temporary).
//! Conflicts panic as Rust's do (`RefCell already borrowed`); `set_borrow_tracking(false)`
//! turns the panics off (borrows are still recorded), for a VM path that cannot release
//! guards.

use super::util::{self, arg, conflict, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{CellObj, Place, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

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

/// A borrow guard died: release its borrow.
pub fn release_guard(v: &Value) {
    if let Value::Ref(p) = v {
        if let Place::CellContent(h) = &**p {
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
    }
}

/// `drop(guard)` called explicitly (`std::mem::drop` / `drop`).
fn drop_value(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    if let Some(v) = args.first() {
        release_guard(v);
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
}
