//! Places behind `&mut` references: reading and writing through a `Value::Ref`.

use crate::value::{CellObj, Collection, Place, Value};
use std::fmt;

/// A place could not be accessed (borrow conflict, out of range, not a reference).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceError(pub String);

impl fmt::Display for PlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn conflict() -> PlaceError {
    PlaceError("already mutably borrowed: BorrowError".into())
}

/// The value behind a reference (a non-reference is itself). Follows chains of references.
pub fn read_ref(v: &Value) -> Result<Value, PlaceError> {
    let mut cur = v.clone();
    for _ in 0..64 {
        let next = match &cur {
            Value::Ref(p) => read_place(p)?,
            _ => return Ok(cur),
        };
        cur = next;
    }
    Err(PlaceError("reference chain too long".into()))
}

/// The value behind one level of reference (a boxed local's content may itself be a
/// reference: a pattern binding of a `&mut`); a non-reference is itself.
pub fn read_ref_once(v: &Value) -> Result<Value, PlaceError> {
    match v {
        Value::Ref(p) => read_place(p),
        _ => Ok(v.clone()),
    }
}

fn read_place(p: &Place) -> Result<Value, PlaceError> {
    Ok(match p {
        Place::Local(h) => h.read().map_err(|_| conflict())?.clone(),
        Place::Field(h, i) => {
            h.read().map_err(|_| conflict())?.fields.get(*i as usize).cloned().unwrap_or(Value::Unit)
        }
        Place::TupleElem(h, i) => h.read().map_err(|_| conflict())?.get(*i as usize).cloned().unwrap_or(Value::Unit),
        Place::Elem(h, i) => {
            let o = h.read().map_err(|_| conflict())?;
            match o.items.get(*i as usize) {
                Some(v) => v.clone(),
                None => {
                    return Err(PlaceError(format!(
                        "index out of bounds: the len is {} but the index is {}",
                        o.items.len(),
                        i
                    )))
                }
            }
        }
        Place::MapValue(h, k) => {
            let o = h.read().map_err(|_| conflict())?;
            match &*o {
                Collection::HashMap(m) => m.get(k).cloned().unwrap_or(Value::Unit),
                Collection::BTreeMap(m) => m.get(k).cloned().unwrap_or(Value::Unit),
                Collection::Ordered(o) => o.slot(k).cloned().unwrap_or(Value::Unit),
                _ => Value::Unit,
            }
        }
        Place::CellContent(h) => match &*h.read().map_err(|_| conflict())? {
            CellObj::Rc { value, .. } => value.clone(),
            CellObj::Cell(v) => v.clone(),
            CellObj::RefCell { value, .. } => value.clone(),
            CellObj::Weak { .. } => Value::Unit,
        },
    })
}

/// Store through a reference. When `target` is not a `Ref` but an aggregate handle (a
/// `&mut Vec` passed as the handle itself), the object's contents are replaced.
pub fn write_ref(target: &Value, v: Value) -> Result<(), PlaceError> {
    match target {
        Value::Ref(p) => {
            // `*r = x` where the place itself holds a reference: write through it only when
            // the place holds a Ref (a `&mut &mut T` is rare; treat a Ref inside as the target).
            write_place(p, v)
        }
        _ => replace_contents(target, v),
    }
}

fn write_place(p: &Place, v: Value) -> Result<(), PlaceError> {
    // A place holding a reference (a pattern binding made a place of a field that holds a
    // `&mut`): write through it.
    if !matches!(p, Place::Local(_)) {
        if let Ok(cur @ Value::Ref(_)) = read_place(p) {
            return write_ref(&cur, v);
        }
    }
    match p {
        Place::Local(h) => {
            let mut g = h.write().map_err(|_| conflict())?;
            if let Value::Ref(inner) = &*g {
                let inner = inner.clone();
                drop(g);
                return write_place(&inner, v);
            }
            *g = v;
        }
        Place::Field(h, i) => {
            let mut g = h.write().map_err(|_| conflict())?;
            if let Some(slot) = g.fields.get_mut(*i as usize) {
                *slot = v;
            }
        }
        Place::TupleElem(h, i) => {
            let mut g = h.write().map_err(|_| conflict())?;
            if let Some(slot) = g.get_mut(*i as usize) {
                *slot = v;
            }
        }
        Place::Elem(h, i) => {
            let mut g = h.write().map_err(|_| conflict())?;
            let len = g.items.len();
            match g.items.get_mut(*i as usize) {
                Some(slot) => *slot = v,
                None => return Err(PlaceError(format!("index out of bounds: the len is {len} but the index is {i}"))),
            }
        }
        Place::MapValue(h, k) => {
            let mut g = h.write().map_err(|_| conflict())?;
            match &mut *g {
                Collection::HashMap(m) => {
                    m.insert(k.clone(), v);
                }
                Collection::BTreeMap(m) => {
                    m.insert(k.clone(), v);
                }
                Collection::Ordered(o) => {
                    if let Some(slot) = o.slot_mut(k) {
                        *slot = v;
                    }
                }
                _ => {}
            }
        }
        Place::CellContent(h) => match &mut *h.write().map_err(|_| conflict())? {
            CellObj::Rc { value, .. } => *value = v,
            CellObj::Cell(x) => *x = v,
            CellObj::RefCell { value, .. } => *value = v,
            CellObj::Weak { .. } => {}
        },
    }
    Ok(())
}

/// `*handle = v` for an aggregate handle: replace the object's contents in place, so every
/// alias sees the new value.
pub fn replace_contents(target: &Value, v: Value) -> Result<(), PlaceError> {
    let bad = || PlaceError("cannot assign through this value".into());
    match (target, &v) {
        (Value::Str(t), Value::Str(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let s = s.read().map_err(|_| conflict())?.clone();
            *t.write().map_err(|_| conflict())? = s;
        }
        (Value::Vec(t), Value::Vec(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let (items, arr) = {
                let s = s.read().map_err(|_| conflict())?;
                (s.items.clone(), s.is_array)
            };
            let mut g = t.write().map_err(|_| conflict())?;
            g.items = items;
            g.is_array = arr;
        }
        (Value::Tuple(t), Value::Tuple(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let items = s.read().map_err(|_| conflict())?.clone();
            *t.write().map_err(|_| conflict())? = items;
        }
        (Value::Adt(t), Value::Adt(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let (def, variant, fields) = {
                let s = s.read().map_err(|_| conflict())?;
                (s.def, s.variant, s.fields.clone())
            };
            let mut g = t.write().map_err(|_| conflict())?;
            g.def = def;
            g.variant = variant;
            g.fields = fields;
        }
        (Value::Adt(t), Value::Tag(def, variant)) => {
            let mut g = t.write().map_err(|_| conflict())?;
            g.def = *def;
            g.variant = *variant;
            g.fields = crate::value::Fields::new();
        }
        // An inline `Some`: the object becomes `Some` of its payload.
        (Value::Adt(t), Value::SomeObj(p)) => {
            let Some(def) = crate::value::some_def() else { return Err(bad()) };
            if t.ptr_eq(p) {
                return Err(bad());
            }
            let mut g = t.write().map_err(|_| conflict())?;
            g.def = def;
            g.variant = crate::value::SOME_VARIANT;
            g.fields = smallvec::smallvec![Value::Adt(p.clone())];
        }
        (Value::Coll(t), Value::Coll(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let new = match &*s.read().map_err(|_| conflict())? {
                Collection::HashMap(m) => Collection::HashMap(m.clone()),
                Collection::HashSet(m) => Collection::HashSet(m.clone()),
                Collection::BTreeMap(m) => Collection::BTreeMap(m.clone()),
                Collection::BTreeSet(m) => Collection::BTreeSet(m.clone()),
                Collection::VecDeque(m) => Collection::VecDeque(m.clone()),
                Collection::BinaryHeap(m) => Collection::BinaryHeap(m.clone()),
                Collection::Ordered(o) => Collection::Ordered(o.shallow_clone()),
            };
            *t.write().map_err(|_| conflict())? = new;
        }
        (Value::Cell(t), Value::Cell(s)) => {
            if t.ptr_eq(s) {
                return Ok(());
            }
            let new = match &*s.read().map_err(|_| conflict())? {
                CellObj::Cell(x) => CellObj::Cell(x.clone()),
                CellObj::RefCell { value, .. } => CellObj::RefCell { value: value.clone(), borrow: 0 },
                _ => return Err(bad()),
            };
            *t.write().map_err(|_| conflict())? = new;
        }
        _ => return Err(bad()),
    }
    Ok(())
}
