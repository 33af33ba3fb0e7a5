//! `Clone` and `Copy` of values.
//!
//! `clone_value` follows Rust's `Clone`: aggregates are cloned recursively; `Rc`/`Arc` are
//! shared with their strong count bumped; `Weak` is shared with its weak count bumped;
//! `Cell`/`RefCell` become new cells around a clone of their content (a mutably borrowed
//! `RefCell` panics as in Rust); functions, ranges, references and opaque natives are shared.
//! (A field whose type has a hand-written `Clone` impl is cloned structurally here: natives
//! never call back into the VM. The compiler may expand derived `Clone` into field-by-field
//! calls when a field type has a user impl.)
//!
//! `copy_value` is the copy of a `Copy` aggregate read by value: tuples, arrays and structs are
//! duplicated (recursively, since a Copy aggregate only holds Copy values), everything else is
//! shared.

use super::util::{conflict, panic, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtObj, CellObj, Collection, Key, NativeIter, Value, VecObj};

/// How deep `clone_value`/`copy_value` may recurse (a list this long is cloned; a longer one is
/// a TERAS panic instead of an overflow of the interpreter's stack, which the `teras` binary
/// makes large enough for this depth).
const MAX_DEPTH: usize = 100_000;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `f` one level deeper, or fails past `MAX_DEPTH`.
fn nested<T>(f: impl FnOnce() -> R<T>) -> R<T> {
    let d = DEPTH.with(|d| d.get());
    if d >= MAX_DEPTH {
        return Err(panic(format!("cannot clone: the value is nested more than {MAX_DEPTH} levels deep")));
    }
    DEPTH.with(|c| c.set(d + 1));
    let r = f();
    DEPTH.with(|c| c.set(d));
    r
}

/// Deep clone as `Clone::clone`.
pub fn clone_value(v: &Value) -> Result<Value, super::NativeError> {
    match v {
        Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) | Value::SomeObj(_) | Value::Coll(_) | Value::Cell(_) => nested(|| clone_shallow(v)),
        _ => clone_shallow(v),
    }
}

fn clone_shallow(v: &Value) -> Result<Value, super::NativeError> {
    Ok(match v {
        Value::Str(s) => Value::Str(Heap::new(s.read().map_err(conflict)?.clone())),
        Value::Tuple(t) => {
            let items = t.read().map_err(conflict)?.clone();
            Value::Tuple(Heap::new(clone_all(&items)?))
        }
        Value::Vec(h) => {
            let o = h.read().map_err(conflict)?;
            let (items, is_array) = (o.items.clone(), o.is_array);
            drop(o);
            Value::Vec(Heap::new(VecObj { items: clone_all(&items)?, is_array }))
        }
        Value::Adt(h) => {
            let o = h.read().map_err(conflict)?;
            let (def, variant, fields) = (o.def, o.variant, o.fields.clone());
            drop(o);
            Value::Adt(Heap::new(AdtObj { def, variant, fields: clone_all(&fields)?.into() }))
        }
        // An inline `Some`: its payload cloned, held inline again.
        Value::SomeObj(h) => match clone_shallow(&Value::Adt(h.clone()))? {
            Value::Adt(c) => Value::SomeObj(c),
            other => other,
        },
        Value::Coll(h) => {
            let c = clone_collection(&*h.read().map_err(conflict)?)?;
            Value::Coll(Heap::new(c))
        }
        Value::Cell(h) => {
            let mut o = h.write().map_err(conflict)?;
            match &mut *o {
                CellObj::Rc { strong, .. } => {
                    *strong += 1;
                    drop(o);
                    Value::Cell(h.clone())
                }
                CellObj::Weak { target, .. } => {
                    let target = target.clone();
                    drop(o);
                    if let Ok(mut t) = target.write() {
                        if let CellObj::Rc { weak, .. } = &mut *t {
                            *weak += 1;
                        }
                    }
                    Value::Cell(h.clone())
                }
                CellObj::Cell(x) => {
                    let x = x.clone();
                    drop(o);
                    Value::Cell(Heap::new(CellObj::Cell(clone_value(&x)?)))
                }
                CellObj::RefCell { value, borrow } => {
                    if *borrow < 0 {
                        return Err(panic("RefCell already mutably borrowed"));
                    }
                    let x = value.clone();
                    drop(o);
                    Value::Cell(Heap::new(CellObj::RefCell { value: clone_value(&x)?, borrow: 0 }))
                }
            }
        }
        Value::Iter(h) => {
            let it = match &*h.read().map_err(conflict)? {
                NativeIter::Range { next, end, ty, inclusive, done, rev } => NativeIter::Range {
                    next: *next,
                    end: *end,
                    ty: *ty,
                    inclusive: *inclusive,
                    done: *done,
                    rev: *rev,
                },
                NativeIter::CharRange { next, end, inclusive, done } => {
                    NativeIter::CharRange { next: *next, end: *end, inclusive: *inclusive, done: *done }
                }
                NativeIter::WideRange { next, end, ty, inclusive, done, rev } => {
                    NativeIter::WideRange { next: *next, end: *end, ty: *ty, inclusive: *inclusive, done: *done, rev: *rev }
                }
                NativeIter::Vec { vec, front, back, by_mut } => {
                    NativeIter::Vec { vec: vec.clone(), front: *front, back: *back, by_mut: *by_mut }
                }
                NativeIter::Items { items } => NativeIter::Items { items: items.clone() },
            };
            Value::Iter(Heap::new(it))
        }
        other => other.clone(),
    })
}

fn clone_all(items: &[Value]) -> R<Vec<Value>> {
    items.iter().map(clone_value).collect()
}

fn clone_key(k: &Key) -> R<Key> {
    Ok(Key(clone_value(&k.0)?))
}

fn clone_collection(c: &Collection) -> R<Collection> {
    Ok(match c {
        Collection::HashMap(m) => {
            let mut n = crate::value::KeyMap::with_capacity_and_hasher(m.len(), Default::default());
            for (k, v) in m {
                n.insert(clone_key(k)?, clone_value(v)?);
            }
            Collection::HashMap(n)
        }
        Collection::HashSet(m) => {
            let mut n = crate::value::KeySet::with_capacity_and_hasher(m.len(), Default::default());
            for k in m {
                n.insert(clone_key(k)?);
            }
            Collection::HashSet(n)
        }
        Collection::BTreeMap(m) => {
            // `Key` orders a value structurally; the one interior mutability clippy sees in
            // it (a closure's `released` flag) takes no part in that.
            #[allow(clippy::mutable_key_type)]
            let mut n = std::collections::BTreeMap::new();
            for (k, v) in m {
                n.insert(clone_key(k)?, clone_value(v)?);
            }
            Collection::BTreeMap(n)
        }
        Collection::BTreeSet(m) => {
            // `Key` orders a value structurally; the one interior mutability clippy sees in
            // it (a closure's `released` flag) takes no part in that.
            #[allow(clippy::mutable_key_type)]
            let mut n = std::collections::BTreeSet::new();
            for k in m {
                n.insert(clone_key(k)?);
            }
            Collection::BTreeSet(n)
        }
        Collection::VecDeque(m) => Collection::VecDeque(m.iter().map(clone_value).collect::<R<_>>()?),
        Collection::BinaryHeap(m) => Collection::BinaryHeap(clone_all(m)?),
        Collection::Ordered(o) => Collection::Ordered(o.map_values(clone_value)?),
    })
}

/// The copy of a `Copy` value read by value.
pub fn copy_value(v: &Value) -> Result<Value, super::NativeError> {
    match v {
        Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) => nested(|| copy_shallow(v)),
        _ => Ok(v.clone()),
    }
}

fn copy_shallow(v: &Value) -> Result<Value, super::NativeError> {
    Ok(match v {
        Value::Tuple(t) => {
            let items = t.read().map_err(conflict)?.clone();
            Value::Tuple(Heap::new(copy_all(&items)?))
        }
        Value::Vec(h) => {
            let o = h.read().map_err(conflict)?;
            let (items, is_array) = (o.items.clone(), o.is_array);
            drop(o);
            Value::Vec(Heap::new(VecObj { items: copy_all(&items)?, is_array }))
        }
        Value::Adt(h) => {
            let o = h.read().map_err(conflict)?;
            let (def, variant, fields) = (o.def, o.variant, o.fields.clone());
            drop(o);
            Value::Adt(Heap::new(AdtObj { def, variant, fields: copy_all(&fields)?.into() }))
        }
        other => other.clone(),
    })
}

fn copy_all(items: &[Value]) -> R<Vec<Value>> {
    items.iter().map(copy_value).collect()
}

/// `x.clone()` for every receiver without a more specific `clone`.
fn clone(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    clone_value(&super::util::arg(args, 0)?)
}

/// `x.to_owned()`: as clone (`&str` to `String`, `&[T]` to `Vec<T>`).
fn to_owned(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = super::util::arg(args, 0)?;
    match &v {
        Value::Slice(_) => Ok(super::util::new_vec(super::vec::items_of(&v)?.iter().map(clone_value).collect::<R<_>>()?)),
        _ => clone_value(&v),
    }
}

/// `x.clone_from(&y)`: `*x = y.clone()`.
fn clone_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let src = clone_value(&super::util::arg(args, 1)?)?;
    match args.first() {
        Some(Value::Ref(p)) => super::util::place_set(p, src)?,
        _ => return Err(panic("clone_from needs a mutable place")),
    }
    Ok(Value::Unit)
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Any;
    r.method(Any, "clone", clone);
    r.method(Any, "to_owned", to_owned);
    r.method(Any, "clone_from", clone_from);
    r.func("Clone::clone", clone);
    r.func("ToOwned::to_owned", to_owned);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_deep_a_clone_is_a_panic_not_an_overflow() {
        let v = super::super::util::new_vec(vec![Value::str("a")]);
        DEPTH.with(|d| d.set(MAX_DEPTH));
        let r = clone_value(&v);
        DEPTH.with(|d| d.set(0));
        assert!(matches!(r, Err(super::super::NativeError::Panic(m)) if m.contains("nested more than")));
        assert!(clone_value(&v).is_ok());
    }

    #[test]
    fn clone_is_deep_and_rc_is_shared() {
        let inner = Value::str("a");
        let v = super::super::util::new_vec(vec![inner.clone()]);
        let c = clone_value(&v).unwrap();
        if let (Value::Vec(a), Value::Vec(b)) = (&v, &c) {
            assert!(!a.ptr_eq(b));
        }
        let rc = Value::Cell(Heap::new(CellObj::Rc { value: v, strong: 1, weak: 0, atomic: false }));
        let rc2 = clone_value(&rc).unwrap();
        match (&rc, &rc2) {
            (Value::Cell(a), Value::Cell(b)) => {
                assert!(a.ptr_eq(b));
                assert!(matches!(&*a.read().unwrap(), CellObj::Rc { strong: 2, .. }));
            }
            _ => panic!(),
        }
    }
}
