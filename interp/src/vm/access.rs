//! Field, element and index access (reads, writes, `&mut` places), and the `?` split.
//!
//! Receivers are looked through: a `Ref` is followed, an `Rc`/`Arc` gives its content
//! (auto-deref), so `self.x` works on `&mut self`, and `rc.field` on an `Rc<Struct>`.

use super::bytecode::FuncProto;
use super::program::Program;
use crate::builtins::{self, NativeError};
use crate::heap::Heap;
use crate::value::{Collection, Key, Place, Value};
use std::sync::atomic::Ordering;
use std::sync::Arc;

type R<T> = Result<T, String>;

fn nerr(e: NativeError) -> String {
    match e {
        NativeError::Panic(m) => m,
        NativeError::Exit(c) => format!("exit {c}"),
        NativeError::Block(b) => format!("internal error: `{}` blocked", b.what),
    }
}

fn conflict() -> String {
    "already mutably borrowed: BorrowError".into()
}

/// Look through references and `Rc`s.
pub fn through(v: &Value) -> R<Value> {
    let mut cur = v.clone();
    for _ in 0..64 {
        cur = match &cur {
            Value::Ref(_) => super::place::read_ref(&cur).map_err(|e| e.0)?,
            Value::Cell(_) => match builtins::auto_deref(&cur) {
                Some(inner) => inner,
                None => return Ok(cur),
            },
            _ => return Ok(cur),
        };
    }
    Ok(cur)
}

fn field_index(proto: &FuncProto, obj: &crate::value::AdtObj, name: u16) -> R<usize> {
    let Some(site) = proto.fields.get(name as usize) else { return Err("internal error: bad field".into()) };
    let t = obj.def.type_id as u64 + 1;
    let c = site.cache.load(Ordering::Relaxed);
    if c != 0 && c >> 32 == t && obj.variant == 0 {
        return Ok((c & 0xffff_ffff) as usize - 1);
    }
    let Some(var) = obj.def.variants.get(obj.variant as usize) else { return Err("internal error: bad variant".into()) };
    match var.fields.iter().position(|f| **f == *site.name) {
        Some(i) => {
            if obj.variant == 0 {
                site.cache.store((t << 32) | (i as u64 + 1), Ordering::Relaxed);
            }
            Ok(i)
        }
        None => Err(format!("no field `{}` on type `{}`", site.name, obj.def.name)),
    }
}

/// The index of field site `name` in `obj` when the site's cache already knows `obj`'s type
/// (the dispatch loop's fast path; `None` sends it to `get_field`, which fills the cache).
#[inline]
pub fn cached_field(proto: &FuncProto, obj: &crate::value::AdtObj, name: u16) -> Option<usize> {
    let c = proto.fields.get(name as usize)?.cache.load(Ordering::Relaxed);
    if c != 0 && c >> 32 == obj.def.type_id as u64 + 1 && obj.variant == 0 {
        ((c & 0xffff_ffff) as usize).checked_sub(1)
    } else {
        None
    }
}

pub fn get_field(proto: &FuncProto, obj: &Value, name: u16) -> R<Value> {
    // Fast path: a struct handle read in place (no handle clone for `through`).
    if let Value::Adt(h) = obj {
        let o = h.read().map_err(|_| conflict())?;
        let i = field_index(proto, &o, name)?;
        return Ok(o.fields.get(i).cloned().unwrap_or(Value::Unit));
    }
    match through(obj)? {
        Value::Adt(h) => {
            let o = h.read().map_err(|_| conflict())?;
            let i = field_index(proto, &o, name)?;
            Ok(o.fields.get(i).cloned().unwrap_or(Value::Unit))
        }
        Value::Tuple(_) => {
            let n: usize = proto.fields.get(name as usize).and_then(|s| s.name.parse().ok()).unwrap_or(0);
            get_elem(obj, n)
        }
        Value::Range(r) => range_field(proto, &r, name),
        other => Err(no_field(proto, name, &other)),
    }
}

/// rustc's E0609 message for a field a value's type does not have.
fn no_field(proto: &FuncProto, name: u16, v: &Value) -> String {
    let field = proto.fields.get(name as usize).map_or("?", |s| &*s.name);
    format!("no field `{field}` on type {}", super::format::type_name_of(v))
}

/// `r.start` / `r.end` of a `Range` value.
fn range_field(proto: &FuncProto, r: &crate::value::RangeVal, name: u16) -> R<Value> {
    let field = proto.fields.get(name as usize).map(|s| &*s.name);
    match field {
        Some("start") => r.start.clone().ok_or_else(|| "the range has no start".into()),
        Some("end") => r.end.clone().ok_or_else(|| "the range has no end".into()),
        _ => Err(format!("no field `{}` on type `Range`", field.unwrap_or("?"))),
    }
}

pub fn set_field(proto: &FuncProto, obj: &Value, name: u16, v: Value) -> R<()> {
    match through(obj)? {
        Value::Adt(h) => {
            let mut o = h.write().map_err(|_| conflict())?;
            let i = field_index(proto, &o, name)?;
            if let Some(slot) = o.fields.get_mut(i) {
                *slot = v;
            }
            Ok(())
        }
        Value::Tuple(_) => {
            let n: usize = proto.fields.get(name as usize).and_then(|s| s.name.parse().ok()).unwrap_or(0);
            set_elem(obj, n, v)
        }
        other => Err(no_field(proto, name, &other)),
    }
}

pub fn ref_field(proto: &FuncProto, obj: &Value, name: u16) -> R<Value> {
    match through(obj)? {
        Value::Adt(h) => {
            let i = {
                let o = h.read().map_err(|_| conflict())?;
                field_index(proto, &o, name)?
            };
            Ok(Value::Ref(Arc::new(Place::Field(h, i as u32))))
        }
        Value::Tuple(_) => {
            let n: usize = proto.fields.get(name as usize).and_then(|s| s.name.parse().ok()).unwrap_or(0);
            ref_elem(obj, n)
        }
        Value::Range(r) => range_field(proto, &r, name),
        other => Err(no_field(proto, name, &other)),
    }
}

/// `Instr::PromoteTag`: the place `mode`/`b` names (register `reg` itself, or a field,
/// element or index of the object in it; `idx` the index register's value) gets an object
/// for an inline `Tag` it holds. Best effort: a place that cannot be read is left alone (the
/// method call that follows reports the error).
pub fn promote_place(cx: &super::Ctx<'_>, proto: &FuncProto, reg: &mut Value, b: u16, mode: u8, idx: Option<&Value>) {
    let promoted = |v: R<Value>| -> Option<Value> {
        let mut v = v.ok()?;
        v.promote().then_some(v)
    };
    match mode {
        0 => {
            if reg.promote() {
                return;
            }
            if let Value::Ref(_) = reg {
                if let Some(v) = promoted(super::place::read_ref(reg).map_err(|e| e.0)) {
                    let _ = super::place::write_ref(reg, v);
                }
            }
        }
        1 => {
            if let Some(v) = promoted(get_field(proto, reg, b)) {
                let _ = set_field(proto, reg, b, v);
            }
        }
        2 => {
            if let Some(v) = promoted(get_elem(reg, b as usize)) {
                let _ = set_elem(reg, b as usize, v);
            }
        }
        _ => {
            let Some(i) = idx else { return };
            if let Some(v) = promoted(index(cx, reg, i).and_then(|v| v.ok_or_else(String::new))) {
                let _ = set_index(reg, i, v);
            }
        }
    }
}

pub fn get_elem(obj: &Value, i: usize) -> R<Value> {
    // Fast paths: tuples and variants read in place (no handle clone for `through`).
    match obj {
        Value::Tuple(h) => return Ok(h.read().map_err(|_| conflict())?.get(i).cloned().unwrap_or(Value::Unit)),
        Value::Adt(h) => return Ok(h.read().map_err(|_| conflict())?.fields.get(i).cloned().unwrap_or(Value::Unit)),
        Value::SomeObj(h) => return Ok(if i == 0 { Value::Adt(h.clone()) } else { Value::Unit }),
        _ => {}
    }
    match through(obj)? {
        Value::Tuple(h) => Ok(h.read().map_err(|_| conflict())?.get(i).cloned().unwrap_or(Value::Unit)),
        Value::Adt(h) => Ok(h.read().map_err(|_| conflict())?.fields.get(i).cloned().unwrap_or(Value::Unit)),
        Value::SomeObj(h) => Ok(if i == 0 { Value::Adt(h) } else { Value::Unit }),
        v @ (Value::Vec(_) | Value::Slice(_)) => builtins::vec::index(&v, i).map_err(nerr),
        Value::Coll(_) => builtins::deque::index(obj, i).map_err(nerr),
        other => Err(format!("no field `{i}` on type {}", super::format::type_name_of(&other))),
    }
}

pub fn set_elem(obj: &Value, i: usize, v: Value) -> R<()> {
    match through(obj)? {
        Value::Tuple(h) => {
            if let Some(slot) = h.write().map_err(|_| conflict())?.get_mut(i) {
                *slot = v;
            }
            Ok(())
        }
        Value::Adt(h) => {
            if let Some(slot) = h.write().map_err(|_| conflict())?.fields.get_mut(i) {
                *slot = v;
            }
            Ok(())
        }
        o @ (Value::Vec(_) | Value::Slice(_)) => builtins::vec::index_set(&o, i, v).map_err(nerr),
        other => Err(format!("no field `{i}` on type {}", super::format::type_name_of(&other))),
    }
}

pub fn ref_elem(obj: &Value, i: usize) -> R<Value> {
    match through(obj)? {
        Value::Tuple(h) => Ok(Value::Ref(Arc::new(Place::TupleElem(h, i as u32)))),
        Value::Adt(h) => Ok(Value::Ref(Arc::new(Place::Field(h, i as u32)))),
        // `&mut` to the payload of an inline `Some` (an object): its handle, as `&mut` of
        // an aggregate is (`Value::SomeObj`).
        Value::SomeObj(h) if i == 0 => Ok(Value::Adt(h)),
        o @ (Value::Vec(_) | Value::Slice(_)) => builtins::vec::index_place(&o, i).map_err(nerr),
        other => Err(format!("no field `{i}` on type {}", super::format::type_name_of(&other))),
    }
}

fn as_index(i: &Value) -> R<Option<usize>> {
    match super::place::read_ref(i).map_err(|e| e.0)? {
        Value::Int(n, t) => {
            if t.signed() && n < 0 {
                return Err(format!("index out of bounds: the index is {n}"));
            }
            Ok(Some(n as u64 as usize))
        }
        _ => Ok(None),
    }
}

/// The fast case of `Index` (both dispatch loops): an element of a vector or array by an
/// in-range integer index. `None` for everything else (errors, maps, strings, user `Index`
/// impls), which takes the general path (`index`).
#[inline]
pub fn index_in_range(obj: &Value, idx: &Value) -> Option<Value> {
    let (Value::Vec(h), Value::Int(i, _)) = (obj, idx) else { return None };
    match h.read() {
        Ok(o) if *i >= 0 => o.items.get(*i as usize).cloned(),
        _ => None,
    }
}

/// `obj[idx]`: `Ok(None)` when the object is a user type (its `Index` impl is called).
pub fn index(_cx: &super::Ctx<'_>, obj: &Value, idx: &Value) -> R<Option<Value>> {
    let o = through(obj)?;
    let i = super::place::read_ref(idx).map_err(|e| e.0)?;
    match (&o, &i) {
        (Value::Vec(_) | Value::Slice(_), Value::Int(..)) => {
            let n = as_index(&i)?.unwrap_or(0);
            builtins::vec::index(&o, n).map(Some).map_err(nerr)
        }
        (Value::Vec(_) | Value::Slice(_), Value::Range(r)) => builtins::vec::slice_range(&o, r).map(Some).map_err(nerr),
        (Value::Str(s), Value::Range(r)) => {
            let s = s.read().map_err(|_| conflict())?;
            str_slice(&s, r).map(|x| Some(Value::str(x)))
        }
        (Value::Coll(c), _) => {
            let g = c.read().map_err(|_| conflict())?;
            match &*g {
                Collection::HashMap(m) => {
                    m.get(&Key(i.clone())).cloned().map(Some).ok_or_else(|| "no entry found for key".to_string())
                }
                Collection::BTreeMap(m) => {
                    m.get(&Key(i.clone())).cloned().map(Some).ok_or_else(|| "no entry found for key".to_string())
                }
                Collection::VecDeque(_) => {
                    drop(g);
                    builtins::deque::index(&o, as_index(&i)?.unwrap_or(0)).map(Some).map_err(nerr)
                }
                // A user-ordered map: found by structural equality (see builtins::ordcoll).
                Collection::Ordered(m) => m
                    .index_by_eq(&i)
                    .and_then(|n| m.vals.get(n).cloned())
                    .map(Some)
                    .ok_or_else(|| "no entry found for key".to_string()),
                _ => Err("cannot index into this collection".into()),
            }
        }
        (Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_), _) => Ok(None),
        _ => Err(format!("cannot index into {}", super::values::kind_name(&o))),
    }
}

fn str_slice(s: &str, r: &crate::value::RangeVal) -> R<String> {
    let num = |v: &Option<Value>| -> R<Option<usize>> {
        match v {
            Some(Value::Int(n, _)) => Ok(Some(*n as usize)),
            Some(_) => Err("string index is not an integer".into()),
            None => Ok(None),
        }
    };
    let a = num(&r.start)?.unwrap_or(0);
    let b = match num(&r.end)? {
        Some(e) if r.inclusive => e + 1,
        Some(e) => e,
        None => s.len(),
    };
    if a > b {
        return Err(format!("begin <= end ({a} <= {b}) when slicing `{s}`"));
    }
    for (which, idx) in [("start", a), ("end", b)] {
        if idx > s.len() {
            return Err(format!("{which} byte index {idx} is out of bounds of `{s}`"));
        }
        if !s.is_char_boundary(idx) {
            let start = (0..idx).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let ch = s[start..].chars().next().unwrap_or(' ');
            return Err(format!(
                "{which} byte index {idx} is not a char boundary; it is inside {:?} (bytes {}..{}) of `{s}`",
                ch,
                start,
                start + ch.len_utf8()
            ));
        }
    }
    Ok(s.get(a..b).unwrap_or("").to_string())
}

pub fn set_index(obj: &Value, idx: &Value, v: Value) -> R<()> {
    let o = through(obj)?;
    let i = super::place::read_ref(idx).map_err(|e| e.0)?;
    match &o {
        Value::Vec(_) | Value::Slice(_) => builtins::vec::index_set(&o, as_index(&i)?.unwrap_or(0), v).map_err(nerr),
        Value::Coll(c) => {
            let mut g = c.write().map_err(|_| conflict())?;
            match &mut *g {
                Collection::HashMap(m) => match m.get_mut(&Key(i)) {
                    Some(slot) => {
                        *slot = v;
                        Ok(())
                    }
                    None => Err("no entry found for key".into()),
                },
                Collection::VecDeque(_) => {
                    drop(g);
                    builtins::deque::index_set(&o, as_index(&i)?.unwrap_or(0), v).map_err(nerr)
                }
                _ => Err("cannot assign through an index of this collection".into()),
            }
        }
        _ => Err(format!("cannot index into {}", super::values::kind_name(&o))),
    }
}

pub fn ref_index(obj: &Value, idx: &Value) -> R<Value> {
    let o = through(obj)?;
    let i = super::place::read_ref(idx).map_err(|e| e.0)?;
    match (&o, &i) {
        (Value::Vec(_) | Value::Slice(_), Value::Int(..)) => {
            builtins::vec::index_place(&o, as_index(&i)?.unwrap_or(0)).map_err(nerr)
        }
        (Value::Vec(_) | Value::Slice(_), Value::Range(r)) => builtins::vec::slice_range(&o, r).map_err(nerr),
        (Value::Coll(c), _) => {
            let has = match &*c.read().map_err(|_| conflict())? {
                Collection::HashMap(m) => m.contains_key(&Key(i.clone())),
                Collection::BTreeMap(m) => m.contains_key(&Key(i.clone())),
                // A user-ordered map: found by structural equality (see builtins::ordcoll).
                Collection::Ordered(o) => match o.index_by_eq(&i) {
                    Some(n) => return Ok(Value::Ref(Arc::new(Place::MapValue(c.clone(), Key(Value::usize(n)))))),
                    None => false,
                },
                _ => false,
            };
            if !has {
                return Err("no entry found for key".into());
            }
            Ok(Value::Ref(Arc::new(Place::MapValue(c.clone(), Key(i)))))
        }
        _ => Err(format!("cannot index into {}", super::values::kind_name(&o))),
    }
}

pub fn seq_len(v: &Value) -> R<usize> {
    match through(v)? {
        o @ (Value::Vec(_) | Value::Slice(_)) => builtins::vec::view(&o).map(|(_, a, b)| b - a).map_err(nerr),
        Value::Tuple(h) => Ok(h.read().map_err(|_| conflict())?.len()),
        Value::Str(s) => Ok(s.read().map_err(|_| conflict())?.len()),
        _ => Ok(0),
    }
}

pub fn slice_rest(v: &Value, start: usize, from_end: usize) -> R<Value> {
    let o = through(v)?;
    let (h, a, b) = builtins::vec::view(&o).map_err(nerr)?;
    let s = (a + start).min(b);
    let e = b.saturating_sub(from_end).max(s);
    Ok(builtins::vec::slice_value(h, s, e))
}

/// `?`: `(true, payload)` for `Ok(x)`/`Some(x)`, `(false, residual)` for `Err(e)`/`None`
/// (the residual is the whole value).
pub fn try_split(_prog: &Program, _proto: &FuncProto, v: &Value) -> R<(bool, Value)> {
    if let Some(o) = builtins::util::as_option(v) {
        return Ok(match o {
            Some(x) => (true, x),
            None => (false, v.clone()),
        });
    }
    if let Some(r) = builtins::util::as_result(v) {
        return Ok(match r {
            Ok(x) => (true, x),
            Err(_) => (false, v.clone()),
        });
    }
    Err(format!(
        "the `?` operator can only be applied to values that implement `Try` (an `Option` or a `Result`), not {}",
        super::format::type_name_of(v)
    ))
}

/// A new handle for a value (helper for constructing heap values).
pub fn new_str(s: String) -> Value {
    Value::Str(Heap::new(s))
}
