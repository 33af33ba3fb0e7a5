//! `Vec<T>`, arrays `[T; N]` and slices `[T]` (`Value::Vec`, `Value::Slice`): the methods
//! that take no closure, indexing and range slicing with Rust's panic messages.
//! Closure-taking methods (`sort_by`, `retain`, `binary_search_by`...) are in the prelude.

use super::compare::{cmp_values, eq_values};
use super::util::{self, arg, conflict, new_vec, oob, panic, raw_arg, usize_of, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{Collection, NativeIter, Place, RangeVal, SliceVal, Value, VecObj};
use std::sync::Arc;

/// The vector behind a Vec or slice value and the window `start..end` it shows.
pub fn view(v: &Value) -> R<(Heap<VecObj>, usize, usize)> {
    match v {
        Value::Vec(h) => {
            let len = h.read().map_err(conflict)?.items.len();
            Ok((h.clone(), 0, len))
        }
        Value::Slice(s) => {
            let len = s.vec.read().map_err(conflict)?.items.len();
            let end = (s.end as usize).min(len);
            Ok((s.vec.clone(), (s.start as usize).min(end), end))
        }
        Value::Ref(_) => view(&util::deref(v)?),
        other => Err(util::type_error("Vec or slice", other)),
    }
}

/// The elements of any natively iterable value, copied out (handles): Vec, slice, array,
/// VecDeque, sets (elements), maps (`(k, v)` pairs), BinaryHeap, a native iterator (drained),
/// a range, an `Option`. `None` for values only the prelude can iterate (user iterators).
pub fn try_items(v: &Value) -> R<Option<Vec<Value>>> {
    Ok(Some(match v {
        Value::Vec(_) | Value::Slice(_) => items_of(v)?,
        Value::Coll(c) => match &*super::deque::settle(c).and_then(|()| c.read().map_err(conflict))? {
            Collection::VecDeque(d) => d.iter().cloned().collect(),
            Collection::HashSet(s) => s.iter().map(|k| k.0.clone()).collect(),
            Collection::BTreeSet(s) => s.iter().map(|k| k.0.clone()).collect(),
            Collection::HashMap(m) => m.iter().map(|(k, v)| util::pair(k.0.clone(), v.clone())).collect(),
            Collection::BTreeMap(m) => m.iter().map(|(k, v)| util::pair(k.0.clone(), v.clone())).collect(),
            Collection::BinaryHeap(h) => h.clone(),
            Collection::Ordered(o) => o.items(),
        },
        Value::Iter(h) => super::iter::drain_all(h)?,
        Value::Range(r) => {
            let it = super::iter::range_iter(r)?;
            super::iter::drain_all(&Heap::new(it))?
        }
        Value::Ref(_) => return try_items(&util::deref(v)?),
        Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => match (util::as_option(v), util::as_result(v)) {
            (Some(o), _) => o.into_iter().collect(),
            (_, Some(r)) => r.ok().into_iter().collect(),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// The elements of a Vec or slice, copied out.
pub fn items_of(v: &Value) -> R<Vec<Value>> {
    if let Value::Vec(_) | Value::Slice(_) | Value::Ref(_) = v {
        let (h, a, b) = view(v)?;
        let o = h.read().map_err(conflict)?;
        return Ok(o.items.get(a..b).map(|s| s.to_vec()).unwrap_or_default());
    }
    try_items(v)?.ok_or_else(|| util::type_error("iterable", v))
}

fn handle(v: &Value) -> R<Heap<VecObj>> {
    match v {
        Value::Vec(h) => Ok(h.clone()),
        Value::Ref(_) => handle(&util::deref(v)?),
        other => Err(util::type_error("Vec", other)),
    }
}

fn recv_handle(args: &[Value]) -> R<Heap<VecObj>> {
    handle(&arg(args, 0)?)
}

/// A slice value `h[a..b]`.
pub fn slice_value(h: Heap<VecObj>, a: usize, b: usize) -> Value {
    Value::Slice(Arc::new(SliceVal { vec: h, start: a as u32, end: b as u32 }))
}

/// Resolve a range value against a length, with Rust's slice panics.
pub fn range_bounds(r: &RangeVal, len: usize) -> R<(usize, usize)> {
    let start = match &r.start {
        Some(v) => usize_of(v)?,
        None => 0,
    };
    let end = match &r.end {
        Some(v) => {
            let e = usize_of(v)?;
            if r.inclusive {
                e.checked_add(1).ok_or_else(|| {
                    panic(format!("range end index {} out of range for slice of length {len}", usize::MAX))
                })?
            } else {
                e
            }
        }
        None => len,
    };
    if start > end || end > len {
        return Err(index_fail(start, end, len));
    }
    Ok((start, end))
}

/// Rust's `slice_index_fail`: the start bound is checked first, then the end, then the order.
fn index_fail(start: usize, end: usize, len: usize) -> super::NativeError {
    if start > len {
        panic(format!("range start index {start} out of range for slice of length {len}"))
    } else if end > len {
        panic(format!("range end index {end} out of range for slice of length {len}"))
    } else {
        panic(format!("slice index starts at {start} but ends at {end}"))
    }
}

/// The bounds of `drain(range)` (Rust's `slice::range`): the end is checked against the length
/// before the order (`drain(5..4)` of 3 items reports the end index).
pub fn drain_bounds(r: &RangeVal, len: usize) -> R<(usize, usize)> {
    let end = match &r.end {
        Some(v) => {
            let e = usize_of(v)?;
            if r.inclusive {
                e.checked_add(1).ok_or_else(|| {
                    panic(format!("range end index {} out of range for slice of length {len}", usize::MAX))
                })?
            } else {
                e
            }
        }
        None => len,
    };
    if end > len {
        return Err(panic(format!("range end index {end} out of range for slice of length {len}")));
    }
    range_bounds(r, len)
}

/// Like `range_bounds` but `None` instead of a panic (`get(a..b)`).
fn range_bounds_opt(r: &RangeVal, len: usize) -> Option<(usize, usize)> {
    range_bounds(r, len).ok()
}

/// `v[i]` for a Vec/array/slice: the element, or Rust's out-of-bounds panic.
pub fn index(v: &Value, i: usize) -> R<Value> {
    let (h, a, b) = view(v)?;
    if i >= b - a {
        return Err(oob(b - a, i));
    }
    let o = h.read().map_err(conflict)?;
    o.items.get(a + i).cloned().ok_or_else(|| oob(b - a, i))
}

/// `v[i] = x`.
pub fn index_set(v: &Value, i: usize, x: Value) -> R<()> {
    let (h, a, b) = view(v)?;
    if i >= b - a {
        return Err(oob(b - a, i));
    }
    let mut o = h.write().map_err(conflict)?;
    match o.items.get_mut(a + i) {
        Some(slot) => {
            *slot = x;
            Ok(())
        }
        None => Err(oob(b - a, i)),
    }
}

/// The place `&mut v[i]`.
pub fn index_place(v: &Value, i: usize) -> R<Value> {
    let (h, a, b) = view(v)?;
    if i >= b - a {
        return Err(oob(b - a, i));
    }
    Ok(Value::Ref(Arc::new(Place::Elem(h, (a + i) as u32))))
}

/// `&v[range]`: a slice aliasing the vector (Rust's panics when out of range).
pub fn slice_range(v: &Value, r: &RangeVal) -> R<Value> {
    let (h, a, b) = view(v)?;
    let (s, e) = range_bounds(r, b - a)?;
    Ok(slice_value(h, a + s, a + e))
}

fn len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (_, a, b) = view(&arg(args, 0)?)?;
    Ok(Value::usize(b - a))
}

fn is_empty(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (_, a, b) = view(&arg(args, 0)?)?;
    Ok(Value::Bool(b == a))
}

fn new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_vec(Vec::new()))
}

fn with_capacity(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = usize_of(&arg(args, 0)?)?;
    Ok(new_vec(Vec::with_capacity(n.min(1 << 16))))
}

/// `Vec::from(x)`: from an array, slice, string (bytes? no: `Vec::from("ab")` is `Vec<u8>`),
/// VecDeque, or any natively iterable value.
fn from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    if let Value::Str(s) = &v {
        let bytes = s.read().map_err(conflict)?.bytes().map(|b| Value::Int(b as i64, crate::value::IntTy::U8)).collect();
        return Ok(new_vec(bytes));
    }
    Ok(new_vec(items_of(&v)?))
}

fn push(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let x = raw_arg(args, 1)?;
    h.write().map_err(conflict)?.items.push(x);
    Ok(Value::Unit)
}

fn pop(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let x = h.write().map_err(conflict)?.items.pop();
    Ok(util::option(cx, x))
}

fn insert(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let i = usize_of(&arg(args, 1)?)?;
    let x = raw_arg(args, 2)?;
    let mut o = h.write().map_err(conflict)?;
    let len = o.items.len();
    if i > len {
        return Err(panic(format!("insertion index (is {i}) should be <= len (is {len})")));
    }
    o.items.insert(i, x);
    Ok(Value::Unit)
}

fn remove(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let i = usize_of(&arg(args, 1)?)?;
    let mut o = h.write().map_err(conflict)?;
    let len = o.items.len();
    if i >= len {
        return Err(panic(format!("removal index (is {i}) should be < len (is {len})")));
    }
    Ok(o.items.remove(i))
}

fn swap_remove(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let i = usize_of(&arg(args, 1)?)?;
    let mut o = h.write().map_err(conflict)?;
    let len = o.items.len();
    if i >= len {
        return Err(panic(format!("swap_remove index (is {i}) should be < len (is {len})")));
    }
    Ok(o.items.swap_remove(i))
}

fn clear(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    recv_handle(args)?.write().map_err(conflict)?.items.clear();
    Ok(Value::Unit)
}

fn truncate(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = usize_of(&arg(args, 1)?)?;
    recv_handle(args)?.write().map_err(conflict)?.items.truncate(n);
    Ok(Value::Unit)
}

/// `extend` from a natively iterable value (the prelude's `extend` handles the rest).
fn extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let src = arg(args, 1)?;
    let items = items_of(&src)?;
    // `Extend<&T>` for `T: Copy` (`v.extend(other.iter())`): the elements are copies.
    h.write().map_err(conflict)?.items.extend(items.iter().map(crate::vm::values::copy_value));
    Ok(Value::Unit)
}

fn extend_from_slice(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let items = items_of(&arg(args, 1)?)?;
    let items = items.iter().map(super::clone::clone_value).collect::<R<Vec<_>>>()?;
    h.write().map_err(conflict)?.items.extend(items);
    Ok(Value::Unit)
}

fn append(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let other = handle(&arg(args, 1)?)?;
    if h.ptr_eq(&other) {
        return Err(util::conflict(crate::heap::BorrowConflict));
    }
    let moved = std::mem::take(&mut other.write().map_err(conflict)?.items);
    h.write().map_err(conflict)?.items.extend(moved);
    Ok(Value::Unit)
}

fn split_off(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let at = usize_of(&arg(args, 1)?)?;
    let mut o = h.write().map_err(conflict)?;
    let len = o.items.len();
    if at > len {
        return Err(panic(format!("`at` split index (is {at}) should be <= len (is {len})")));
    }
    Ok(new_vec(o.items.split_off(at)))
}

/// The range argument of `drain`, `get`: `Value::Range`.
fn range_arg(args: &[Value], i: usize) -> R<Option<Arc<RangeVal>>> {
    Ok(match arg(args, i)? {
        Value::Range(r) => Some(r),
        _ => None,
    })
}

fn drain(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let r = range_arg(args, 1)?.unwrap_or_else(|| Arc::new(RangeVal { start: None, end: None, inclusive: false }));
    let mut o = h.write().map_err(conflict)?;
    let len = o.items.len();
    let (a, b) = drain_bounds(&r, len)?;
    let removed: Vec<Value> = o.items.drain(a..b).collect();
    Ok(util::new_iter(removed))
}

fn contains(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    let x = arg(args, 1)?;
    Ok(Value::Bool(items.iter().any(|y| eq_values(y, &x))))
}

fn first(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    Ok(util::option(cx, items.first().cloned()))
}

fn last(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    Ok(util::option(cx, items.last().cloned()))
}

fn first_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let (_, a, b) = view(&v)?;
    Ok(if b > a { util::some(cx, index_place(&v, 0)?) } else { util::none(cx) })
}

fn last_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let (_, a, b) = view(&v)?;
    Ok(if b > a { util::some(cx, index_place(&v, b - a - 1)?) } else { util::none(cx) })
}

/// `get(i)` or `get(a..b)`.
fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let (h, a, b) = view(&v)?;
    if let Some(r) = range_arg(args, 1)? {
        return Ok(util::option(cx, range_bounds_opt(&r, b - a).map(|(s, e)| slice_value(h, a + s, a + e))));
    }
    let i = util::wide_of(&arg(args, 1)?)?;
    if i < 0 || i as usize >= b - a {
        return Ok(util::none(cx));
    }
    Ok(util::option(cx, index(&v, i as usize).ok()))
}

fn get_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let (h, a, b) = view(&v)?;
    if let Some(r) = range_arg(args, 1)? {
        return Ok(util::option(cx, range_bounds_opt(&r, b - a).map(|(s, e)| slice_value(h, a + s, a + e))));
    }
    let i = util::wide_of(&arg(args, 1)?)?;
    if i < 0 || i as usize >= b - a {
        return Ok(util::none(cx));
    }
    Ok(util::some(cx, index_place(&v, i as usize)?))
}

fn iter_over(v: &Value, by_mut: bool) -> NativeResult {
    let (h, a, b) = view(v)?;
    Ok(Value::Iter(Heap::new(NativeIter::Vec { vec: h, front: a, back: b, by_mut })))
}

fn iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_over(&arg(args, 0)?, false)
}

fn iter_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_over(&arg(args, 0)?, true)
}

/// `into_iter()`: by value for a Vec/array; `&mut v` (a `Ref` receiver) iterates by place.
fn into_iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let by_mut = matches!(args.first(), Some(Value::Ref(_)));
    iter_over(&arg(args, 0)?, by_mut)
}

/// Run `f` on the mutable window of a Vec or slice.
pub fn with_window<T>(v: &Value, f: impl FnOnce(&mut [Value]) -> T) -> R<T> {
    let (h, a, b) = view(v)?;
    let mut o = h.write().map_err(conflict)?;
    match o.items.get_mut(a..b) {
        Some(w) => Ok(f(w)),
        None => Err(panic("slice out of range")),
    }
}

fn reverse(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with_window(&arg(args, 0)?, |w| w.reverse())?;
    Ok(Value::Unit)
}

fn sort(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Compare on a copy of the elements so that comparing never needs the vector's lock.
    let v = arg(args, 0)?;
    let mut items = items_of(&v)?;
    items.sort_by(cmp_values);
    with_window(&v, |w| {
        for (slot, x) in w.iter_mut().zip(items) {
            *slot = x;
        }
    })?;
    Ok(Value::Unit)
}

fn dedup(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let mut items = std::mem::take(&mut h.write().map_err(conflict)?.items);
    items.dedup_by(|a, b| eq_values(a, b));
    h.write().map_err(conflict)?.items = items;
    Ok(Value::Unit)
}

fn swap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = usize_of(&arg(args, 1)?)?;
    let j = usize_of(&arg(args, 2)?)?;
    with_window(&arg(args, 0)?, |w| {
        let len = w.len();
        if i >= len {
            Err(oob(len, i))
        } else if j >= len {
            Err(oob(len, j))
        } else {
            w.swap(i, j);
            Ok(())
        }
    })??;
    Ok(Value::Unit)
}

fn fill(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = arg(args, 1)?;
    let n = view(&arg(args, 0)?).map(|(_, a, b)| b - a)?;
    let copies = (0..n).map(|_| super::clone::clone_value(&x)).collect::<R<Vec<_>>>()?;
    with_window(&arg(args, 0)?, |w| {
        for (slot, c) in w.iter_mut().zip(copies) {
            *slot = c;
        }
    })?;
    Ok(Value::Unit)
}

/// `dst.copy_from_slice(src)` / `dst.clone_from_slice(src)`: every element replaced by a
/// copy (a clone) of the source's, which must have the same length.
fn copy_from_slice(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let n = view(&arg(args, 0)?).map(|(_, a, b)| b - a)?;
    let src = items_of(&arg(args, 1)?)?;
    if src.len() != n {
        return Err(panic(if aux == 0 {
            format!("source slice length ({}) does not match destination slice length ({n})", src.len())
        } else {
            "destination and source slices have different lengths".to_string()
        }));
    }
    let copies = src.iter().map(super::clone::clone_value).collect::<R<Vec<_>>>()?;
    with_window(&arg(args, 0)?, |w| {
        for (slot, c) in w.iter_mut().zip(copies) {
            *slot = c;
        }
    })?;
    Ok(Value::Unit)
}

/// `join(sep)` of strings (`["a", "b"].join(", ")`) or of vectors (`[[1], [2]].join(&0)`).
fn join(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    let sep = arg(args, 1)?;
    if items.iter().all(|x| matches!(util::deref(x), Ok(Value::Str(_) | Value::Char(_)))) {
        let sep = util::str_of(&sep)?;
        let parts = items.iter().map(util::str_of).collect::<R<Vec<_>>>()?;
        return Ok(Value::str(parts.join(&sep)));
    }
    let sep_items = match &sep {
        Value::Vec(_) | Value::Slice(_) => items_of(&sep)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend(sep_items.iter().cloned());
        }
        out.extend(items_of(x)?);
    }
    Ok(new_vec(out))
}

fn concat(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    if items.iter().all(|x| matches!(util::deref(x), Ok(Value::Str(_)))) {
        let parts = items.iter().map(util::str_of).collect::<R<Vec<_>>>()?;
        return Ok(Value::str(parts.concat()));
    }
    let mut out = Vec::new();
    for x in &items {
        out.extend(items_of(x)?);
    }
    Ok(new_vec(out))
}

fn to_vec(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    Ok(new_vec(items.iter().map(super::clone::clone_value).collect::<R<_>>()?))
}

fn capacity(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let c = h.read().map_err(conflict)?.items.capacity();
    Ok(Value::usize(c))
}

fn no_op(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Unit)
}

fn resize(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let n = usize_of(&arg(args, 1)?)?;
    let x = arg(args, 2)?;
    let cur = h.read().map_err(conflict)?.items.len();
    if n <= cur {
        h.write().map_err(conflict)?.items.truncate(n);
    } else {
        let extra = (cur..n).map(|_| super::clone::clone_value(&x)).collect::<R<Vec<_>>>()?;
        h.write().map_err(conflict)?.items.extend(extra);
    }
    Ok(Value::Unit)
}

fn repeat(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = items_of(&arg(args, 0)?)?;
    let n = usize_of(&arg(args, 1)?)?;
    if items.len().checked_mul(n).is_none_or(|t| t > 1 << 28) {
        return Err(panic("capacity overflow"));
    }
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        for x in &items {
            out.push(super::clone::clone_value(x)?);
        }
    }
    Ok(new_vec(out))
}

fn as_slice(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    Ok(slice_value(h, a, b))
}

/// `into_vec()`, `into_boxed_slice()`: the same vector.
fn same(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    arg(args, 0)
}

/// `__vec_permute(v, order)`: `v = [v[order[0]], v[order[1]], ...]` (the prelude's sorts).
fn permute(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let items = items_of(&v)?;
    let order = items_of(&arg(args, 1)?)?;
    let mut out = Vec::with_capacity(items.len());
    for i in &order {
        let i = usize_of(i)?;
        out.push(items.get(i).cloned().ok_or_else(|| oob(items.len(), i))?);
    }
    if out.len() != items.len() {
        return Err(panic("internal error: permutation of the wrong length"));
    }
    with_window(&v, |w| {
        for (slot, x) in w.iter_mut().zip(out) {
            *slot = x;
        }
    })?;
    Ok(Value::Unit)
}

/// `__vec_retain_mask(v, keep)`: keep the elements whose flag is true (`retain`, `dedup_by`).
fn retain_mask(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv_handle(args)?;
    let keep = items_of(&arg(args, 1)?)?;
    let flags = keep.iter().map(util::bool_of).collect::<R<Vec<bool>>>()?;
    let mut o = h.write().map_err(conflict)?;
    let mut i = 0;
    o.items.retain(|_| {
        let k = flags.get(i).copied().unwrap_or(true);
        i += 1;
        k
    });
    Ok(Value::Unit)
}

pub fn register(r: &mut super::registry::Registry) {
    super::slice::register(r);
    use super::registry::Kind::Vec as K;
    r.func("Vec::new", new);
    r.func("Vec::with_capacity", with_capacity);
    r.func("Vec::from", from);
    r.func("Vec::from_iter", from);
    r.func("__vec_sort", sort);
    r.func("__vec_dedup", dedup);
    r.func("__vec_contains", contains);
    r.func("__vec_extend", extend);
    r.func("__vec_permute", permute);
    r.func("__vec_retain_mask", retain_mask);
    let m: &[(&'static str, super::registry::NativeFn)] = &[
        ("len", len),
        ("is_empty", is_empty),
        ("push", push),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("swap_remove", swap_remove),
        ("clear", clear),
        ("truncate", truncate),
        ("extend", extend),
        ("extend_from_slice", extend_from_slice),
        ("append", append),
        ("split_off", split_off),
        ("drain", drain),
        ("contains", contains),
        ("first", first),
        ("last", last),
        ("first_mut", first_mut),
        ("last_mut", last_mut),
        ("get", get),
        ("get_mut", get_mut),
        ("iter", iter),
        ("iter_mut", iter_mut),
        ("into_iter", into_iter),
        ("reverse", reverse),
        ("sort", sort),
        ("sort_unstable", sort),
        ("dedup", dedup),
        ("swap", swap),
        ("fill", fill),
        ("join", join),
        ("concat", concat),
        ("to_vec", to_vec),
        ("into_vec", same),
        ("into_boxed_slice", same),
        ("capacity", capacity),
        ("reserve", no_op),
        ("shrink_to_fit", no_op),
        ("resize", resize),
        ("repeat", repeat),
        ("as_slice", as_slice),
        ("as_mut_slice", as_slice),
    ];
    for (name, f) in m {
        r.method(K, name, *f);
    }
    r.method_aux(K, "copy_from_slice", copy_from_slice, 0);
    r.method_aux(K, "clone_from_slice", copy_from_slice, 1);
}
