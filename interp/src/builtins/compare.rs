//! Structural equality, ordering and hashing of values: what derived `PartialEq`, `Ord` and
//! `Hash` do in Rust. Used by `==`/`<` on aggregates, by `sort`, `contains`, `dedup`,
//! `binary_search`, `BinaryHeap`, and by `Key` (map keys and set elements).
//!
//! Rules: integers compare by mathematical value (whatever their `IntTy`, so a literal typed
//! a little wrong still finds its key); floats by IEEE (`partial_cmp` is `None` with NaN;
//! `cmp_values` then falls back to `total_cmp` so sorting stays total); strings by bytes;
//! tuples, arrays, Vec and slices lexicographically; structs field by field in declaration
//! order; enums by variant index, then fields; `Rc`/`Box`/`Cell`/`RefCell` by content;
//! `HashMap`/`HashSet` equality ignores order. Functions and other opaque values compare by
//! identity. A heap object that is being written meanwhile compares by address (never fails).

use super::object::{std_obj, StdObj};
use crate::heap::Heap;
use crate::value::{CellObj, Collection, Key, Value};
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// A rank for values of different kinds (only reached by ill-typed programs).
fn rank(v: &Value) -> u8 {
    match v {
        Value::Unit => 0,
        Value::Bool(_) => 1,
        Value::Int(..) | Value::Wide(..) => 2,
        Value::Float(..) => 3,
        Value::Char(_) => 4,
        Value::Str(_) => 5,
        Value::Tuple(_) => 6,
        Value::Vec(_) | Value::Slice(_) => 7,
        Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => 8,
        Value::Coll(_) => 9,
        Value::Func(_) => 10,
        Value::Ref(_) => 11,
        Value::Cell(_) => 12,
        Value::Iter(_) => 13,
        Value::Range(_) => 14,
        Value::Native(_) => 15,
        Value::Moved => 16,
    }
}

/// The elements of a Vec or Slice, copied out (cheap handle clones).
fn seq_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Vec(h) => h.read().ok().map(|o| o.items.clone()),
        Value::Slice(s) => s.vec.read().ok().map(|o| {
            let (a, b) = (s.start as usize, (s.end as usize).min(o.items.len()));
            o.items.get(a.min(b)..b).map(|x| x.to_vec()).unwrap_or_default()
        }),
        _ => None,
    }
}

/// The value inside a Rc/Cell/RefCell.
fn cell_content(h: &Heap<CellObj>) -> Option<Value> {
    match &*h.read().ok()? {
        CellObj::Rc { value, .. } | CellObj::Cell(value) | CellObj::RefCell { value, .. } => {
            Some(value.clone())
        }
        CellObj::Weak { .. } => None,
    }
}

fn lex_partial(a: &[Value], b: &[Value]) -> Option<Ordering> {
    for (x, y) in a.iter().zip(b) {
        match partial_cmp_values(x, y) {
            Some(Ordering::Equal) => {}
            other => return other,
        }
    }
    Some(a.len().cmp(&b.len()))
}

/// `PartialOrd::partial_cmp`, structurally.
pub fn partial_cmp_values(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Ref(_), _) | (_, Ref(_)) => {
            let a = super::util::deref(a).ok()?;
            let b = super::util::deref(b).ok()?;
            partial_cmp_values(&a, &b)
        }
        (Unit, Unit) => Some(Ordering::Equal),
        (Bool(x), Bool(y)) => Some(x.cmp(y)),
        (Wide(..), Int(..) | Wide(..)) | (Int(..), Wide(..)) => super::int128::cmp_ints(a, b),
        (Int(x, tx), Int(y, ty)) => Some(super::int::wide(*x, *tx).cmp(&super::int::wide(*y, *ty))),
        (Float(x, _), Float(y, _)) => x.partial_cmp(y),
        (Char(x), Char(y)) => Some(x.cmp(y)),
        (Str(x), Str(y)) => {
            if x.ptr_eq(y) {
                return Some(Ordering::Equal);
            }
            match (x.read(), y.read()) {
                (Ok(x), Ok(y)) => Some(x.as_str().cmp(y.as_str())),
                _ => Some(x.addr().cmp(&y.addr())),
            }
        }
        (Tuple(x), Tuple(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => lex_partial(&x, &y),
            _ => Some(x.addr().cmp(&y.addr())),
        },
        (Vec(_) | Slice(_), Vec(_) | Slice(_)) => match (seq_items(a), seq_items(b)) {
            (Some(x), Some(y)) => lex_partial(&x, &y),
            _ => Some(Ordering::Equal),
        },
        // An inline `Tag` orders as its field-less object does.
        (Tag(_, x), Tag(_, y)) => Some(x.cmp(y)),
        (Tag(..), Adt(_)) | (Adt(_), Tag(..)) => partial_cmp_values(&a.untag(), &b.untag()),
        // An inline `Some` orders as its object does (two of them: by their payloads).
        (SomeObj(x), SomeObj(y)) => partial_cmp_values(&Adt(x.clone()), &Adt(y.clone())),
        (SomeObj(_), _) | (_, SomeObj(_)) if a.is_adt() && b.is_adt() => partial_cmp_values(&a.untag(), &b.untag()),
        (Adt(x), Adt(y)) => {
            if x.ptr_eq(y) {
                return Some(Ordering::Equal);
            }
            match (x.read(), y.read()) {
                // The prelude's `Reverse<T>` has a hand-written reversed `Ord`.
                (Ok(x), Ok(y)) if x.def.name == "Reverse" && !x.def.is_enum => lex_partial(&y.fields, &x.fields),
                (Ok(x), Ok(y)) => match x.variant.cmp(&y.variant) {
                    Ordering::Equal => lex_partial(&x.fields, &y.fields),
                    o => Some(o),
                },
                _ => Some(x.addr().cmp(&y.addr())),
            }
        }
        (Cell(x), Cell(y)) => match (cell_content(x), cell_content(y)) {
            (Some(x), Some(y)) => partial_cmp_values(&x, &y),
            _ => Some(x.addr().cmp(&y.addr())),
        },
        (Coll(x), Coll(y)) => match (super::deque::settle_for_read(x).read(), super::deque::settle_for_read(y).read()) {
            (Ok(x), Ok(y)) => match (&*x, &*y) {
                (Collection::BTreeMap(m), Collection::BTreeMap(n)) => {
                    let mut it = n.iter();
                    for (k, v) in m {
                        match it.next() {
                            None => return Some(Ordering::Greater),
                            Some((k2, v2)) => match k.cmp(k2) {
                                Ordering::Equal => match partial_cmp_values(v, v2) {
                                    Some(Ordering::Equal) => {}
                                    o => return o,
                                },
                                o => return Some(o),
                            },
                        }
                    }
                    Some(if it.next().is_some() { Ordering::Less } else { Ordering::Equal })
                }
                (Collection::BTreeSet(m), Collection::BTreeSet(n)) => Some(m.iter().cmp(n.iter())),
                (Collection::Ordered(m), Collection::Ordered(n)) => lex_partial(&m.items(), &n.items()),
                (Collection::VecDeque(m), Collection::VecDeque(n)) => {
                    let m: std::vec::Vec<Value> = m.iter().cloned().collect();
                    let n: std::vec::Vec<Value> = n.iter().cloned().collect();
                    lex_partial(&m, &n)
                }
                _ => {
                    if eq_values(a, b) {
                        Some(Ordering::Equal)
                    } else {
                        None
                    }
                }
            },
            _ => Some(x.addr().cmp(&y.addr())),
        },
        (Native(x), Native(y)) => match (std_obj(a), std_obj(b)) {
            (Some(StdObj::Duration(p)), Some(StdObj::Duration(q))) => Some(p.cmp(q)),
            (Some(StdObj::Instant(p)), Some(StdObj::Instant(q))) => Some(p.cmp(q)),
            (Some(StdObj::SystemTime(p)), Some(StdObj::SystemTime(q))) => Some(p.cmp(q)),
            (Some(p), Some(q)) => format!("{p:?}").partial_cmp(&format!("{q:?}")),
            _ if super::object::ext_obj(a).is_some() && super::object::ext_obj(b).is_some() => {
                let (p, q) = (super::object::ext_obj(a), super::object::ext_obj(b));
                format!("{p:?}").partial_cmp(&format!("{q:?}"))
            }
            _ => {
                let (p, q) = (std::sync::Arc::as_ptr(x) as *const () as usize, std::sync::Arc::as_ptr(y) as *const () as usize);
                Some(p.cmp(&q))
            }
        },
        (Range(x), Range(y)) => {
            let xs = [x.start.clone().unwrap_or_default(), x.end.clone().unwrap_or_default()];
            let ys = [y.start.clone().unwrap_or_default(), y.end.clone().unwrap_or_default()];
            lex_partial(&xs, &ys)
        }
        _ => Some(rank(a).cmp(&rank(b))),
    }
}

/// Does comparing this value need a user `PartialOrd`/`PartialEq` impl (a struct or enum that
/// does not derive `trait_name`, directly or inside a tuple/Vec/Option)? The prelude then
/// sorts with `cmp` calls through the VM instead of natively.
pub fn needs_user_impl(v: &Value, trait_name: &str) -> bool {
    match v {
        Value::Ref(_) => super::util::deref(v).is_ok_and(|v| needs_user_impl(&v, trait_name)),
        Value::Tag(d, _) => {
            let std = matches!(d.name.as_str(), "Option" | "Result" | "Ordering" | "Reverse");
            !std && !d.derives.iter().any(|x| x == trait_name)
        }
        Value::SomeObj(h) => needs_user_impl(&Value::Adt(h.clone()), trait_name),
        Value::Adt(h) => match h.read() {
            Ok(o) => {
                let std = matches!(o.def.name.as_str(), "Option" | "Result" | "Ordering" | "Reverse");
                (!std && !o.def.derives.iter().any(|d| d == trait_name))
                    || o.fields.iter().any(|f| needs_user_impl(f, trait_name))
            }
            Err(_) => false,
        },
        Value::Tuple(t) => t.read().is_ok_and(|t| t.iter().any(|f| needs_user_impl(f, trait_name))),
        // The items share one type: after a scalar first item none needs an impl, but after
        // a `None` or an empty `Vec` a later item may hold a user-ordered value.
        Value::Vec(_) | Value::Slice(_) => seq_items(v).is_some_and(|items| match items.first() {
            Some(Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Wide(..) | Value::Float(..) | Value::Char(_) | Value::Str(_)) | None => false,
            Some(_) => items.iter().any(|f| needs_user_impl(f, trait_name)),
        }),
        Value::Cell(c) => cell_content(c).is_some_and(|x| needs_user_impl(&x, trait_name)),
        _ => false,
    }
}

/// `Ord::cmp`, structurally; total (NaN ordered by `total_cmp`).
pub fn cmp_values(a: &Value, b: &Value) -> Ordering {
    match partial_cmp_values(a, b) {
        Some(o) => o,
        None => match (a, b) {
            (Value::Float(x, _), Value::Float(y, _)) => x.total_cmp(y),
            _ => {
                // A NaN nested in an aggregate: order by the total order of its debug text.
                let (x, y) = (format!("{a:?}"), format!("{b:?}"));
                x.cmp(&y)
            }
        },
    }
}

/// `PartialEq::eq`, structurally (NaN != NaN; maps and sets ignore order).
pub fn eq_values(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        // The common keys first (map lookups compare keys with this).
        (Str(x), Str(y)) => {
            x.ptr_eq(y)
                || match (x.read(), y.read()) {
                    (Ok(x), Ok(y)) => *x == *y,
                    _ => false,
                }
        }
        (Int(x, tx), Int(y, ty)) => super::int::wide(*x, *tx) == super::int::wide(*y, *ty),
        (Ref(_), _) | (_, Ref(_)) => match (super::util::deref(a), super::util::deref(b)) {
            (Ok(a), Ok(b)) => eq_values(&a, &b),
            _ => false,
        },
        (Float(x, _), Float(y, _)) => x == y,
        (Tuple(x), Tuple(y)) => match (x.read(), y.read()) {
            (Ok(x), Ok(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq_values(p, q)),
            _ => x.ptr_eq(y),
        },
        (Vec(_) | Slice(_), Vec(_) | Slice(_)) => match (seq_items(a), seq_items(b)) {
            (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| eq_values(p, q)),
            _ => false,
        },
        (Tag(_, x), Tag(_, y)) => x == y,
        (Tag(_, i), Adt(h)) | (Adt(h), Tag(_, i)) => h.read().is_ok_and(|o| o.variant == *i && o.fields.is_empty()),
        (SomeObj(x), SomeObj(y)) => x.ptr_eq(y) || eq_values(&Adt(x.clone()), &Adt(y.clone())),
        (SomeObj(_), Tag(..)) | (Tag(..), SomeObj(_)) => false,
        (SomeObj(_), Adt(_)) | (Adt(_), SomeObj(_)) => eq_values(&a.untag(), &b.untag()),
        (Adt(x), Adt(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            match (x.read(), y.read()) {
                (Ok(x), Ok(y)) => {
                    x.variant == y.variant
                        && x.fields.len() == y.fields.len()
                        && x.fields.iter().zip(&y.fields).all(|(p, q)| eq_values(p, q))
                }
                _ => false,
            }
        }
        (Cell(x), Cell(y)) => match (cell_content(x), cell_content(y)) {
            (Some(p), Some(q)) => eq_values(&p, &q),
            _ => x.ptr_eq(y),
        },
        (Coll(x), Coll(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            match (super::deque::settle_for_read(x).read(), super::deque::settle_for_read(y).read()) {
                (Ok(x), Ok(y)) => match (&*x, &*y) {
                    (Collection::HashMap(m), Collection::HashMap(n)) => {
                        m.len() == n.len() && m.iter().all(|(k, v)| n.get(k).is_some_and(|w| eq_values(v, w)))
                    }
                    (Collection::HashSet(m), Collection::HashSet(n)) => {
                        m.len() == n.len() && m.iter().all(|k| n.contains(k))
                    }
                    (Collection::BTreeMap(m), Collection::BTreeMap(n)) => {
                        m.len() == n.len()
                            && m.iter().zip(n.iter()).all(|((k, v), (k2, v2))| k == k2 && eq_values(v, v2))
                    }
                    (Collection::BTreeSet(m), Collection::BTreeSet(n)) => m == n,
                    (Collection::Ordered(m), Collection::Ordered(n)) => {
                        let (a, b) = (m.items(), n.items());
                        m.kind == n.kind && a.len() == b.len() && a.iter().zip(&b).all(|(p, q)| eq_values(p, q))
                    }
                    (Collection::VecDeque(m), Collection::VecDeque(n)) => {
                        m.len() == n.len() && m.iter().zip(n.iter()).all(|(p, q)| eq_values(p, q))
                    }
                    _ => false,
                },
                _ => false,
            }
        }
        (Func(x), Func(y)) => std::sync::Arc::ptr_eq(x, y),
        (Iter(x), Iter(y)) => x.ptr_eq(y),
        _ => partial_cmp_values(a, b) == Some(Ordering::Equal),
    }
}

/// Hash structurally, consistently with `eq_values` (integers hash by value).
pub fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    use Value::*;
    match v {
        Ref(_) => {
            if let Ok(v) = super::util::deref(v) {
                hash_value(&v, state)
            }
        }
        Unit => 0u8.hash(state),
        Bool(b) => b.hash(state),
        Int(n, t) => super::int::wide(*n, *t).hash(state),
        Wide(..) => super::int128::Math::of(v).map(|m| m.to_i128_sat()).hash(state),
        Float(f, _) => f.to_bits().hash(state),
        Char(c) => c.hash(state),
        Str(s) => {
            if let Ok(s) = s.read() {
                s.as_str().hash(state)
            }
        }
        Tuple(t) => {
            if let Ok(t) = t.read() {
                t.iter().for_each(|x| hash_value(x, state))
            }
        }
        Vec(_) | Slice(_) => {
            let items = seq_items(v).unwrap_or_default();
            items.len().hash(state);
            items.iter().for_each(|x| hash_value(x, state));
        }
        // As the field-less object of its variant.
        Tag(_, i) => i.hash(state),
        // As its object: the variant, then the payload.
        SomeObj(h) => {
            crate::value::SOME_VARIANT.hash(state);
            hash_value(&Adt(h.clone()), state);
        }
        Adt(a) => {
            if let Ok(a) = a.read() {
                a.variant.hash(state);
                a.fields.iter().for_each(|x| hash_value(x, state));
            }
        }
        Cell(c) => {
            if let Some(x) = cell_content(c) {
                hash_value(&x, state)
            }
        }
        Coll(c) => {
            if let Ok(c) = super::deque::settle_for_read(c).read() {
                match &*c {
                    Collection::BTreeMap(m) => m.iter().for_each(|(k, v)| {
                        hash_value(&k.0, state);
                        hash_value(v, state)
                    }),
                    Collection::BTreeSet(m) => m.iter().for_each(|k| hash_value(&k.0, state)),
                    Collection::VecDeque(m) => m.iter().for_each(|x| hash_value(x, state)),
                    // Unordered containers: hash only the size (consistent with eq).
                    Collection::HashMap(m) => m.len().hash(state),
                    Collection::HashSet(m) => m.len().hash(state),
                    Collection::BinaryHeap(m) => m.len().hash(state),
                    Collection::Ordered(m) => m.items().iter().for_each(|x| hash_value(x, state)),
                }
            }
        }
        Native(_) => {
            if let Some(o) = std_obj(v) {
                format!("{o:?}").hash(state)
            }
        }
        Range(r) => {
            r.start.iter().chain(r.end.iter()).for_each(|x| hash_value(x, state));
        }
        Func(_) | Iter(_) | Moved => rank(v).hash(state),
    }
}

/// `eq_values` with its commonest case for map keys (two strings) inlined at the call (the
/// same reads, the same answer); everything else calls it.
#[inline(always)]
pub fn eq_keys(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.ptr_eq(y) || x.peek(|x| y.peek(|y| *x == *y)).flatten().unwrap_or(false),
        _ => eq_values(a, b),
    }
}

/// `hash_value` with its commonest case for map keys (a string) inlined at the call (the
/// same reads, the same bytes hashed); everything else calls it.
#[inline(always)]
pub fn hash_key<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::Str(s) => {
            s.peek(|s| s.as_str().hash(state));
        }
        _ => hash_value(v, state),
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        eq_keys(&self.0, &other.0)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_key(&self.0, state)
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        cmp_values(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::IntTy;

    #[test]
    fn structural_order() {
        let a = Value::Tuple(Heap::new(vec![Value::i32(1), Value::str("b")]));
        let b = Value::Tuple(Heap::new(vec![Value::i32(1), Value::str("c")]));
        assert_eq!(cmp_values(&a, &b), Ordering::Less);
        assert!(eq_values(&a, &a.clone()));
        assert_eq!(cmp_values(&Value::Int(-1, IntTy::U64), &Value::Int(1, IntTy::U64)), Ordering::Greater);
        assert_eq!(partial_cmp_values(&Value::f64(f64::NAN), &Value::f64(1.0)), None);
        assert!(!eq_values(&Value::f64(f64::NAN), &Value::f64(f64::NAN)));
        assert!(Key(Value::Int(3, IntTy::U8)) == Key(Value::i32(3)));
    }
}
