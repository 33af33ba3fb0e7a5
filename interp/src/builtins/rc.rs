//! `Rc`/`Arc` and `Weak` (`Value::Cell` with `CellObj::Rc`/`CellObj::Weak`).
//!
//! Counts are TERAS's own (a `Heap` handle count would also see stale VM registers):
//! `Rc::new` starts at strong 1; `Rc::clone`, `.clone()`, `clone_value` and a successful
//! `upgrade` add one; the VM calls `rc_release` (here `release`) when a value holding an Rc
//! dies, which subtracts one and hands back the content at zero so `Drop` impls can run.

use super::util::{self, arg, conflict, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{CellObj, Place, Value};
use std::sync::Arc;

fn cell(v: &Value) -> R<Heap<CellObj>> {
    match v {
        Value::Cell(h) => Ok(h.clone()),
        Value::Ref(_) => cell(&util::deref(v)?),
        other => Err(util::type_error("Rc", other)),
    }
}

fn new_rc(v: Value, atomic: bool) -> Value {
    Value::Cell(Heap::new(CellObj::Rc { value: v, strong: 1, weak: 0, atomic }))
}

/// `Rc::new` (aux 0) / `Arc::new` (aux 1).
fn new(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    Ok(new_rc(raw_arg(args, 0)?, aux == 1))
}

/// `Rc::clone(&rc)` / `rc.clone()`: the same cell, strong + 1.
fn clone(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::clone::clone_value(&arg(args, 0)?)
}

fn counts(h: &Heap<CellObj>) -> R<(usize, usize)> {
    Ok(match &*h.read().map_err(conflict)? {
        CellObj::Rc { strong, weak, .. } => (*strong, *weak),
        CellObj::Weak { target, .. } => match &*target.read().map_err(conflict)? {
            CellObj::Rc { strong, weak, .. } => (*strong, *weak),
            _ => (0, 0),
        },
        _ => return Err(panic("type error: Rc expected")),
    })
}

fn strong_count(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(counts(&cell(&arg(args, 0)?)?)?.0))
}

fn weak_count(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let (strong, weak) = counts(&h)?;
    // Weak::weak_count is 0 when no strong pointer remains.
    let is_weak = matches!(&*h.read().map_err(conflict)?, CellObj::Weak { .. });
    Ok(Value::usize(if is_weak && strong == 0 { 0 } else { weak }))
}

fn downgrade(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let atomic = match &mut *h.write().map_err(conflict)? {
        CellObj::Rc { weak, atomic, .. } => {
            *weak += 1;
            *atomic
        }
        _ => return Err(panic("type error: Rc expected")),
    };
    Ok(Value::Cell(Heap::new(CellObj::Weak { target: h, atomic })))
}

fn upgrade(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let target = match &*h.read().map_err(conflict)? {
        CellObj::Weak { target, .. } => target.clone(),
        _ => return Err(panic("type error: Weak expected")),
    };
    let alive = match &mut *target.write().map_err(conflict)? {
        CellObj::Rc { strong, .. } if *strong > 0 => {
            *strong += 1;
            true
        }
        _ => false,
    };
    Ok(if alive { util::some(cx, Value::Cell(target)) } else { util::none(cx) })
}

/// `Weak::new()`: a weak pointer to nothing.
fn weak_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let target = Heap::new(CellObj::Rc { value: Value::Unit, strong: 0, weak: 1, atomic: false });
    Ok(Value::Cell(Heap::new(CellObj::Weak { target, atomic: false })))
}

/// The Rc cell a value designates (a Weak designates its target).
fn identity(v: &Value) -> R<Heap<CellObj>> {
    let h = cell(v)?;
    let t = match &*h.read().map_err(conflict)? {
        CellObj::Weak { target, .. } => Some(target.clone()),
        _ => None,
    };
    Ok(t.unwrap_or(h))
}

fn ptr_eq(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = identity(&arg(args, 0)?)?;
    let b = identity(&arg(args, 1)?)?;
    Ok(Value::Bool(a.ptr_eq(&b)))
}

fn as_ptr(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(identity(&arg(args, 0)?)?.addr()))
}

/// `Rc::try_unwrap(rc)`: `Ok(content)` when this is the only strong pointer, else `Err(rc)`.
fn try_unwrap(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let h = cell(&v)?;
    let mut o = h.write().map_err(conflict)?;
    match &mut *o {
        CellObj::Rc { value, strong, .. } if *strong == 1 => {
            *strong = 0;
            let x = std::mem::take(value);
            drop(o);
            Ok(if aux == 0 { util::ok(cx, x) } else { util::some(cx, x) })
        }
        CellObj::Rc { strong, .. } => {
            if aux == 1 {
                // into_inner consumes this pointer
                *strong = strong.saturating_sub(1);
                drop(o);
                Ok(util::none(cx))
            } else {
                drop(o);
                Ok(util::err(cx, v))
            }
        }
        _ => Err(panic("type error: Rc expected")),
    }
}

fn get_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = cell(&arg(args, 0)?)?;
    let unique = matches!(&*h.read().map_err(conflict)?, CellObj::Rc { strong: 1, weak: 0, .. });
    Ok(if unique { util::some(cx, Value::Ref(Arc::new(Place::CellContent(h)))) } else { util::none(cx) })
}

/// `Rc::make_mut(&mut rc)`: clone-on-write. The argument must be a `Ref` to the place holding
/// the Rc, so that a shared Rc can be replaced by a fresh one.
fn make_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let place = raw_arg(args, 0)?;
    let h = cell(&place)?;
    let (unique, content, atomic) = match &*h.read().map_err(conflict)? {
        CellObj::Rc { value, strong, weak, atomic } => (*strong == 1 && *weak == 0, value.clone(), *atomic),
        _ => return Err(panic("type error: Rc expected")),
    };
    if unique {
        return Ok(Value::Ref(Arc::new(Place::CellContent(h))));
    }
    let fresh = Heap::new(CellObj::Rc { value: super::clone::clone_value(&content)?, strong: 1, weak: 0, atomic });
    if let Value::Ref(p) = &place {
        util::place_set(p, Value::Cell(fresh.clone()))?;
        release(&h);
    }
    Ok(Value::Ref(Arc::new(Place::CellContent(fresh))))
}

/// A strong pointer died. Returns the content when it was the last one.
pub fn release(cell: &Heap<CellObj>) -> Option<Value> {
    let mut o = cell.write().ok()?;
    match &mut *o {
        CellObj::Rc { value, strong, .. } if *strong > 0 => {
            *strong -= 1;
            if *strong == 0 {
                Some(std::mem::take(value))
            } else {
                None
            }
        }
        CellObj::Weak { target, .. } => {
            let t = target.clone();
            drop(o);
            if let Ok(mut t) = t.write() {
                if let CellObj::Rc { weak, .. } = &mut *t {
                    *weak = weak.saturating_sub(1);
                }
            }
            None
        }
        _ => None,
    }
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{Rc as K, Weak as W};
    for (ty, atomic) in [("Rc", 0), ("Arc", 1)] {
        r.func_owned(format!("{ty}::new"), new, atomic);
        r.func_owned(format!("{ty}::from"), new, atomic);
        r.func_owned(format!("{ty}::clone"), clone, 0);
        r.func_owned(format!("{ty}::strong_count"), strong_count, 0);
        r.func_owned(format!("{ty}::weak_count"), weak_count, 0);
        r.func_owned(format!("{ty}::downgrade"), downgrade, 0);
        r.func_owned(format!("{ty}::ptr_eq"), ptr_eq, 0);
        r.func_owned(format!("{ty}::as_ptr"), as_ptr, 0);
        r.func_owned(format!("{ty}::try_unwrap"), try_unwrap, 0);
        r.func_owned(format!("{ty}::into_inner"), try_unwrap, 1);
        r.func_owned(format!("{ty}::get_mut"), get_mut, 0);
        r.func_owned(format!("{ty}::make_mut"), make_mut, 0);
    }
    r.func("Weak::new", weak_new);
    r.func("Weak::upgrade", upgrade);
    r.func("Weak::ptr_eq", ptr_eq);
    r.method(K, "clone", clone);
    r.method(W, "clone", clone);
    r.method(W, "upgrade", upgrade);
    r.method(W, "strong_count", strong_count);
    r.method(W, "weak_count", weak_count);
    r.method(W, "ptr_eq", ptr_eq);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_follow_clone_and_release() {
        let rc = new_rc(Value::i32(5), false);
        let Value::Cell(h) = &rc else { panic!() };
        let _c = super::super::clone::clone_value(&rc).unwrap();
        assert_eq!(counts(h).unwrap(), (2, 0));
        assert!(release(h).is_none());
        assert!(matches!(release(h), Some(Value::Int(5, _))));
    }
}
