//! Value-level helpers of the VM: structural equality and ordering (derived `PartialEq` /
//! `PartialOrd`), `Copy` detection and copying, deep clone (derived `Clone`).

use crate::heap::Heap;
use crate::value::{AdtObj, CellObj, Collection, Value, VecObj};
use std::cmp::Ordering;

/// Moves registers `start..start + n` of `stack` out into the fields of a new object. Up to
/// two fields are written straight into the inline buffer (`SmallVec`'s generic `extend`,
/// which `collect` uses, cost more than the allocation of the object itself).
#[inline]
pub fn take_fields(stack: &mut [Value], start: usize, n: usize) -> crate::value::Fields {
    use crate::value::Fields;
    use std::mem::take;
    let end = start.saturating_add(n).min(stack.len());
    let start = start.min(end);
    match &mut stack[start..end] {
        [] => Fields::new(),
        // The second slot is beyond the length: never read, never dropped (and `Unit` has no
        // drop glue anyway).
        [a] => Fields::from_buf_and_len([take(a), Value::Unit], 1),
        [a, b] => Fields::from_buf([take(a), take(b)]),
        more => Fields::from_vec(more.iter_mut().map(take).collect()),
    }
}

/// A short description of a value's kind for internal error messages.
pub fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Unit => "()",
        Value::Bool(_) => "bool",
        Value::Int(..) | Value::Wide(..) => "an integer",
        Value::Float(..) => "a float",
        Value::Char(_) => "char",
        Value::Str(_) => "a string",
        Value::Tuple(_) => "a tuple",
        Value::Vec(_) | Value::Slice(_) => "a vector",
        Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => "a struct or enum",
        Value::Coll(_) => "a collection",
        Value::Func(_) => "a function",
        Value::Ref(_) => "a reference",
        Value::Cell(_) => "a cell",
        Value::Iter(_) => "an iterator",
        Value::Range(_) => "a range",
        Value::Native(_) => "a native object",
        Value::Moved => "a moved value",
    }
}

/// Elements of a vector or slice value (a snapshot of handles).
pub fn seq_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Vec(h) => h.read().ok().map(|o| o.items.clone()),
        Value::Slice(s) => s.vec.read().ok().map(|o| {
            let end = (s.end as usize).min(o.items.len());
            let start = (s.start as usize).min(end);
            o.items[start..end].to_vec()
        }),
        _ => None,
    }
}

/// Structural equality.
pub fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Ref(_), _) | (_, Value::Ref(_)) => {
            let a = super::place::read_ref(a).unwrap_or(Value::Unit);
            let b = super::place::read_ref(b).unwrap_or(Value::Unit);
            eq(&a, &b)
        }
        (Value::Tag(dx, x), Value::Tag(dy, y)) => x == y && (dx.is(dy) || dx.name == dy.name),
        // An inline `Some` against another: their payloads; against anything else: as the
        // object it stands for.
        (Value::SomeObj(x), Value::SomeObj(y)) => x.ptr_eq(y) || eq(&Value::Adt(x.clone()), &Value::Adt(y.clone())),
        (Value::SomeObj(_), _) | (_, Value::SomeObj(_)) => eq(&a.untag(), &b.untag()),
        (Value::Tag(d, i), Value::Adt(h)) | (Value::Adt(h), Value::Tag(d, i)) => {
            h.read().is_ok_and(|o| o.variant == *i && o.fields.is_empty() && o.def.name == d.name)
        }
        (Value::Unit, Value::Unit) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x, _), Value::Int(y, _)) => x == y,
        (Value::Wide(x, _), Value::Wide(y, _)) => x == y,
        (Value::Float(x, _), Value::Float(y, _)) => x == y,
        (Value::Char(x), Value::Char(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => {
            x.ptr_eq(y) || matches!((x.read(), y.read()), (Ok(x), Ok(y)) if *x == *y)
        }
        (Value::Tuple(x), Value::Tuple(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| eq(a, b)),
            _ => false,
        },
        (Value::Vec(_) | Value::Slice(_), Value::Vec(_) | Value::Slice(_)) => {
            match (seq_items(a), seq_items(b)) {
                (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| eq(a, b)),
                _ => false,
            }
        }
        (Value::Adt(x), Value::Adt(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            match (x.read(), y.read()) {
                (Ok(x), Ok(y)) => {
                    x.def.name == y.def.name
                        && x.variant == y.variant
                        && x.fields.len() == y.fields.len()
                        && x.fields.iter().zip(y.fields.iter()).all(|(a, b)| eq(a, b))
                }
                _ => false,
            }
        }
        (Value::Cell(x), Value::Cell(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => match (&*x, &*y) {
                (CellObj::Rc { value: a, .. }, CellObj::Rc { value: b, .. }) => eq(a, b),
                (CellObj::Cell(a), CellObj::Cell(b)) => eq(a, b),
                (CellObj::RefCell { value: a, .. }, CellObj::RefCell { value: b, .. }) => eq(a, b),
                _ => false,
            },
            _ => false,
        },
        (Value::Coll(x), Value::Coll(y)) => match (crate::builtins::deque::settle_for_read(x).read(), crate::builtins::deque::settle_for_read(y).read()) {
            (Ok(x), Ok(y)) => match (&*x, &*y) {
                (Collection::HashMap(a), Collection::HashMap(b)) => {
                    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| eq(v, w)))
                }
                (Collection::HashSet(a), Collection::HashSet(b)) => a.len() == b.len() && a.iter().all(|k| b.contains(k)),
                (Collection::BTreeMap(a), Collection::BTreeMap(b)) => {
                    a.len() == b.len() && a.iter().zip(b.iter()).all(|((k1, v1), (k2, v2))| eq(&k1.0, &k2.0) && eq(v1, v2))
                }
                (Collection::BTreeSet(a), Collection::BTreeSet(b)) => {
                    a.len() == b.len() && a.iter().zip(b.iter()).all(|(k1, k2)| eq(&k1.0, &k2.0))
                }
                (Collection::VecDeque(a), Collection::VecDeque(b)) => {
                    a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| eq(x, y))
                }
                (Collection::Ordered(a), Collection::Ordered(b)) => {
                    a.kind == b.kind
                        && a.keys.len() == b.keys.len()
                        && a.keys.iter().zip(&b.keys).all(|(x, y)| eq(x, y))
                        && a.vals.iter().zip(&b.vals).all(|(x, y)| eq(x, y))
                }
                _ => false,
            },
            _ => false,
        },
        (Value::Range(x), Value::Range(y)) => {
            x.inclusive == y.inclusive && opt_eq(&x.start, &y.start) && opt_eq(&x.end, &y.end)
        }
        // Runtime objects (`Duration`, `io::ErrorKind::NotFound`, ...): equal as `==` says, so
        // a pattern naming one matches as `==` would.
        (Value::Native(_), Value::Native(_)) => crate::builtins::compare::eq_values(a, b),
        _ => false,
    }
}

fn opt_eq(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn seq_cmp(x: &[Value], y: &[Value]) -> Option<Ordering> {
    for (a, b) in x.iter().zip(y.iter()) {
        match cmp(a, b)? {
            Ordering::Equal => {}
            o => return Some(o),
        }
    }
    Some(x.len().cmp(&y.len()))
}

/// Structural ordering (`None` for NaN or incomparable values).
pub fn cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Ref(_), _) | (_, Value::Ref(_)) => {
            let a = super::place::read_ref(a).ok()?;
            let b = super::place::read_ref(b).ok()?;
            cmp(&a, &b)
        }
        (Value::Unit, Value::Unit) => Some(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Wide(..), Value::Int(..) | Value::Wide(..)) | (Value::Int(..), Value::Wide(..)) => {
            crate::builtins::int128::cmp_ints(a, b)
        }
        (Value::Tag(dx, x), Value::Tag(dy, y)) => {
            let d = |d: &crate::value::DefRef, i: u32| d.variants.get(i as usize).map_or(0, |v| v.discriminant);
            Some(d(dx, *x).cmp(&d(dy, *y)).then(x.cmp(y)))
        }
        (Value::Tag(..), Value::Adt(_)) | (Value::Adt(_), Value::Tag(..)) => cmp(&a.untag(), &b.untag()),
        (Value::SomeObj(x), Value::SomeObj(y)) => cmp(&Value::Adt(x.clone()), &Value::Adt(y.clone())),
        (Value::SomeObj(_), _) | (_, Value::SomeObj(_)) => cmp(&a.untag(), &b.untag()),
        (Value::Int(x, t), Value::Int(y, _)) => {
            if matches!(t, crate::value::IntTy::U64 | crate::value::IntTy::Usize) {
                Some((*x as u64).cmp(&(*y as u64)))
            } else {
                Some(x.cmp(y))
            }
        }
        (Value::Float(x, _), Value::Float(y, _)) => x.partial_cmp(y),
        (Value::Char(x), Value::Char(y)) => Some(x.cmp(y)),
        (Value::Str(x), Value::Str(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => Some(x.as_str().cmp(y.as_str())),
            _ => None,
        },
        (Value::Tuple(x), Value::Tuple(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => seq_cmp(&x, &y),
            _ => None,
        },
        (Value::Vec(_) | Value::Slice(_), Value::Vec(_) | Value::Slice(_)) => seq_cmp(&seq_items(a)?, &seq_items(b)?),
        (Value::Adt(x), Value::Adt(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => {
                if x.variant != y.variant {
                    let dx = x.def.variants.get(x.variant as usize).map_or(0, |v| v.discriminant);
                    let dy = y.def.variants.get(y.variant as usize).map_or(0, |v| v.discriminant);
                    return Some(dx.cmp(&dy).then(x.variant.cmp(&y.variant)));
                }
                seq_cmp(&x.fields, &y.fields)
            }
            _ => None,
        },
        (Value::Cell(x), Value::Cell(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => match (&*x, &*y) {
                (CellObj::Rc { value: a, .. }, CellObj::Rc { value: b, .. }) => cmp(a, b),
                (CellObj::Cell(a), CellObj::Cell(b)) => cmp(a, b),
                (CellObj::RefCell { value: a, .. }, CellObj::RefCell { value: b, .. }) => cmp(a, b),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Is the value `Copy` (scalars; tuples/arrays of Copy; `#[derive(Copy)]` ADTs whose fields
/// are Copy)?
pub fn is_copy(v: &Value) -> bool {
    match v {
        Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Wide(..) | Value::Float(..) | Value::Char(_) | Value::Func(_) => true,
        Value::Tuple(t) => t.read().is_ok_and(|t| t.iter().all(is_copy)),
        Value::Vec(h) => h.read().is_ok_and(|o| o.is_array && o.items.iter().all(is_copy)),
        Value::Adt(a) => a.read().is_ok_and(|a| a.def.is_copy && a.fields.iter().all(is_copy)),
        Value::Tag(d, _) => d.is_copy,
        Value::Range(_) => false,
        _ => false,
    }
}

/// `copy_value` of a register about to be released (the fast `RetDup`): a string's handle is
/// taken instead of shared (the release would drop the register's right after).
#[inline]
pub fn copy_or_take_str(v: &mut Value) -> Value {
    match v {
        Value::Str(_) => std::mem::take(v),
        _ => copy_value(v),
    }
}

/// A by-value read: Copy aggregates are copied (a new object), everything else shares.
#[inline]
pub fn copy_value(v: &Value) -> Value {
    match v {
        Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) => {
            if is_copy(v) {
                deep_clone(v)
            } else {
                v.clone()
            }
        }
        Value::Func(f) => copy_closure(f).unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    }
}

/// A capture that is a `move` closure's own state: a box (`Ref(Local)`) only this closure
/// holds, with a Copy value in it (`let mut n = 0; move || { n += 1; n }`).
pub fn is_own_copy_state(c: &Value) -> bool {
    match c {
        Value::Ref(p) if std::sync::Arc::strong_count(p) == 1 => match &**p {
            crate::value::Place::Local(h) => h.handle_count() == 1 && h.read().is_ok_and(|v| is_copy(&v)),
            _ => false,
        },
        _ => false,
    }
}

/// A by-value read of a `move` closure with state of its own: in Rust such a closure is
/// `Copy` when everything it captured is, and the copy counts on from its own copy of the
/// state. `None` when there is no such state (the closure is shared as before).
fn copy_closure(f: &std::sync::Arc<crate::value::Callable>) -> Option<Value> {
    let crate::value::Callable::Closure { func, captures, .. } = &**f else { return None };
    let stateful = |c: &Value| match c {
        Value::Func(g) => copy_closure(g).is_some(),
        c => is_own_copy_state(c),
    };
    if !captures.iter().any(stateful) {
        return None;
    }
    let mut out = Vec::with_capacity(captures.len());
    for c in captures {
        if is_own_copy_state(c) {
            let inner = match c {
                Value::Ref(p) => match &**p {
                    crate::value::Place::Local(h) => h.read().map(|v| copy_value(&v)).ok()?,
                    _ => return None,
                },
                _ => return None,
            };
            out.push(Value::Ref(std::sync::Arc::new(crate::value::Place::Local(Heap::new(inner)))));
        } else if let Value::Func(g) = c {
            // A captured closure is copied along (with its own state, if it has some).
            out.push(copy_closure(g).unwrap_or_else(|| c.clone()));
        } else if is_copy(c) {
            out.push(copy_value(c));
        } else {
            // Something not Copy (or a nested closure): the closure is not Copy; it moves.
            return None;
        }
    }
    Some(Value::Func(std::sync::Arc::new(crate::value::Callable::Closure { func: *func, captures: out, released: Default::default() })))
}

/// Derived `Clone`: a new object for every owned aggregate, shared for `Rc` (with its count
/// incremented) and references.
pub fn deep_clone(v: &Value) -> Value {
    match v {
        Value::Str(s) => Value::Str(Heap::new(s.read().map(|s| s.clone()).unwrap_or_default())),
        Value::Tuple(t) => {
            Value::Tuple(Heap::new(t.read().map(|t| t.iter().map(deep_clone).collect()).unwrap_or_default()))
        }
        Value::Vec(h) => {
            let (items, is_array) =
                h.read().map(|o| (o.items.iter().map(deep_clone).collect(), o.is_array)).unwrap_or_default();
            Value::Vec(Heap::new(VecObj { items, is_array }))
        }
        Value::Slice(_) => {
            let items = seq_items(v).unwrap_or_default().iter().map(deep_clone).collect();
            Value::Vec(Heap::new(VecObj { items, is_array: false }))
        }
        Value::Adt(a) => match a.read() {
            Ok(o) => Value::Adt(Heap::new(AdtObj {
                def: o.def,
                variant: o.variant,
                fields: o.fields.iter().map(deep_clone).collect(),
            })),
            Err(_) => v.clone(),
        },
        Value::SomeObj(h) => match deep_clone(&Value::Adt(h.clone())) {
            Value::Adt(c) => Value::SomeObj(c),
            other => other,
        },
        Value::Cell(c) => {
            let mut g = match c.write() {
                Ok(g) => g,
                Err(_) => return v.clone(),
            };
            match &mut *g {
                CellObj::Rc { strong, .. } => {
                    *strong += 1;
                    drop(g);
                    v.clone()
                }
                CellObj::Weak { target, .. } => {
                    let t = target.clone();
                    drop(g);
                    if let Ok(mut t) = t.write() {
                        if let CellObj::Rc { weak, .. } = &mut *t {
                            *weak += 1;
                        }
                    }
                    v.clone()
                }
                CellObj::Cell(x) => Value::Cell(Heap::new(CellObj::Cell(deep_clone(x)))),
                CellObj::RefCell { value, .. } => {
                    Value::Cell(Heap::new(CellObj::RefCell { value: deep_clone(value), borrow: 0 }))
                }
            }
        }
        Value::Coll(c) => match c.read() {
            Ok(o) => Value::Coll(Heap::new(match &*o {
                Collection::HashMap(m) => {
                    Collection::HashMap(m.iter().map(|(k, v)| (crate::value::Key(deep_clone(&k.0)), deep_clone(v))).collect())
                }
                Collection::HashSet(m) => Collection::HashSet(m.iter().map(|k| crate::value::Key(deep_clone(&k.0))).collect()),
                Collection::BTreeMap(m) => {
                    Collection::BTreeMap(m.iter().map(|(k, v)| (crate::value::Key(deep_clone(&k.0)), deep_clone(v))).collect())
                }
                Collection::BTreeSet(m) => Collection::BTreeSet(m.iter().map(|k| crate::value::Key(deep_clone(&k.0))).collect()),
                Collection::VecDeque(d) => Collection::VecDeque(d.iter().map(deep_clone).collect()),
                Collection::BinaryHeap(d) => Collection::BinaryHeap(d.iter().map(deep_clone).collect()),
                Collection::Ordered(o) => Collection::Ordered(o.map_values(|x| Ok::<Value, std::convert::Infallible>(deep_clone(x))).unwrap_or_else(|_| o.empty_like())),
            })),
            Err(_) => v.clone(),
        },
        Value::Ref(_) => match super::place::read_ref(v) {
            // `.clone()` on a `&T` clones the T.
            Ok(inner) => deep_clone(&inner),
            Err(_) => v.clone(),
        },
        _ => v.clone(),
    }
}
