//! Native iterators (`Value::Iter`): ranges, vectors (by value and by `&mut` place), and
//! snapshots of owned items (map entries, chars, split pieces, drained values). `next`,
//! `next_back`, `len`, and the intrinsics the prelude's `Iterator` builds on.
//!
//! Adapters and consumers (`map`, `filter`, `sum`, ...) are the prelude's `Iterator` default
//! methods, which apply to native iterators too. `__rev` reverses a native iterator in place
//! of the prelude's buffering `Rev`.

use super::util::{self, arg, conflict, panic, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{IntTy, NativeIter, Place, RangeVal, Value};
use std::collections::VecDeque;
use std::sync::Arc;

/// Most items a native iterator is drained into a buffer (beyond: `capacity overflow`, so an
/// infinite iterator collected ends in a panic instead of exhausting memory).
const MAX_ITEMS: usize = 1 << 27;

/// The iterator `for x in a..b` walks.
pub fn range_iter(r: &RangeVal) -> R<NativeIter> {
    let start = r.start.as_ref().map(util::deref).transpose()?;
    let end = r.end.as_ref().map(util::deref).transpose()?;
    match (start, end) {
        (Some(Value::Char(a)), Some(Value::Char(b))) => {
            Ok(NativeIter::CharRange { next: a as u32, end: b as u32, inclusive: r.inclusive, done: false })
        }
        (Some(Value::Int(a, ta)), Some(Value::Int(b, tb))) => {
            // A literal bound typed i32 by default takes the other bound's type.
            let ty = if ta == crate::value::IntTy::I32 { tb } else { ta };
            Ok(NativeIter::Range { next: a, end: b, ty, inclusive: r.inclusive, done: false, rev: false })
        }
        (Some(a), Some(b)) if wide_bound(&a) || wide_bound(&b) => {
            let ty = match (&a, &b) {
                (Value::Wide(_, t), _) | (_, Value::Wide(_, t)) => *t,
                (Value::Int(_, t), _) => *t,
                _ => crate::value::IntTy::I128,
            };
            let bits = |v: &Value| super::int128::ext_bits(v).ok_or_else(|| util::type_error("integer range", v));
            Ok(NativeIter::WideRange { next: bits(&a)?, end: bits(&b)?, ty, inclusive: r.inclusive, done: false, rev: false })
        }
        (Some(a @ (Value::Int(_, IntTy::I128 | IntTy::U128) | Value::Wide(..))), None) => {
            let ty = util::int_ty_of(&a);
            let end = if ty == IntTy::U128 { u128::MAX } else { i128::MAX as u128 };
            let next = super::int128::ext_bits(&a).unwrap_or(0);
            Ok(NativeIter::WideRange { next, end, ty, inclusive: true, done: false, rev: false })
        }
        (Some(Value::Int(a, ty)), None) => {
            Ok(NativeIter::Range { next: a, end: ty.max(), ty, inclusive: true, done: false, rev: false })
        }
        (Some(v), _) => Err(util::type_error("integer or char range", &v)),
        (None, _) => Err(panic("type error: a range without a start cannot be iterated")),
    }
}

/// A range bound that needs a `WideRange` (an `i128`/`u128` outside the 64-bit range).
fn wide_bound(v: &Value) -> bool {
    matches!(v, Value::Wide(..))
}

/// `a < b` for the bits of two values of `ty` (i128 or u128).
fn wide_lt(a: u128, b: u128, ty: IntTy) -> bool {
    if ty == IntTy::U128 {
        a < b
    } else {
        (a as i128) < (b as i128)
    }
}

/// A copy of a `WideRange` (formatting walks the copy).
pub fn wide_copy(it: &NativeIter) -> NativeIter {
    match it {
        NativeIter::WideRange { next, end, ty, inclusive, done, rev } => {
            NativeIter::WideRange { next: *next, end: *end, ty: *ty, inclusive: *inclusive, done: *done, rev: *rev }
        }
        _ => NativeIter::Items { items: Default::default() },
    }
}

fn w(v: i64, ty: crate::value::IntTy) -> i128 {
    super::int::wide(v, ty)
}

/// Advance from the front (`back == false`) or the back.
pub fn step(it: &mut NativeIter, back: bool) -> R<Option<Value>> {
    Ok(match it {
        NativeIter::Range { next, end, ty, inclusive, done, rev } => {
            let ty = *ty;
            let from_front = back == *rev;
            let (lo, hi) = (w(*next, ty), w(*end, ty));
            if *done {
                return Ok(None);
            }
            if *inclusive {
                if lo > hi {
                    return Ok(None);
                }
                if lo == hi {
                    *done = true;
                    return Ok(Some(Value::Int(*next, ty)));
                }
                if !from_front {
                    let v = *end;
                    *end = (hi - 1) as i64;
                    return Ok(Some(Value::Int(v, ty)));
                }
            } else if lo >= hi {
                return Ok(None);
            }
            if from_front {
                let v = *next;
                *next = (lo + 1) as i64;
                Some(Value::Int(v, ty))
            } else {
                *end = (hi - 1) as i64;
                Some(Value::Int(*end, ty))
            }
        }
        NativeIter::WideRange { next, end, ty, inclusive, done, rev } => {
            let ty = *ty;
            let from_front = back == *rev;
            let (lo, hi) = (*next, *end);
            if *done {
                return Ok(None);
            }
            if *inclusive {
                if wide_lt(hi, lo, ty) {
                    return Ok(None);
                }
                if lo == hi {
                    *done = true;
                    return Ok(Some(Value::int128(lo, ty)));
                }
                if !from_front {
                    *end = hi.wrapping_sub(1);
                    return Ok(Some(Value::int128(hi, ty)));
                }
            } else if !wide_lt(lo, hi, ty) {
                return Ok(None);
            }
            if from_front {
                *next = lo.wrapping_add(1);
                Some(Value::int128(lo, ty))
            } else {
                *end = hi.wrapping_sub(1);
                Some(Value::int128(*end, ty))
            }
        }
        NativeIter::CharRange { next, end, inclusive, done } => {
            if *done {
                return Ok(None);
            }
            let limit = if *inclusive { *end } else { end.saturating_sub(1) };
            if *next > limit || (!*inclusive && *next >= *end) {
                return Ok(None);
            }
            let v = if back { limit } else { *next };
            if *next == limit {
                *done = true;
            } else if back {
                let mut e = limit - 1;
                if (0xD800..0xE000).contains(&e) {
                    e = 0xD7FF;
                }
                *end = if *inclusive { e } else { e + 1 };
            } else {
                let mut n = *next + 1;
                if (0xD800..0xE000).contains(&n) {
                    n = 0xE000;
                }
                *next = n;
            }
            char::from_u32(v).map(Value::Char)
        }
        NativeIter::Vec { vec, front, back: b, by_mut } => {
            let len = vec.read().map_err(conflict)?.items.len();
            let end = (*b).min(len);
            if *front >= end {
                return Ok(None);
            }
            let i = if back {
                *b = end - 1;
                end - 1
            } else {
                *front += 1;
                *front - 1
            };
            if *by_mut {
                Some(Value::Ref(Arc::new(Place::Elem(vec.clone(), i as u32))))
            } else {
                vec.read().map_err(conflict)?.items.get(i).cloned()
            }
        }
        NativeIter::Items { items } => {
            if back {
                items.pop_back()
            } else {
                items.pop_front()
            }
        }
    })
}

/// How many items remain (exact for every native iterator).
pub fn remaining(it: &NativeIter) -> usize {
    match it {
        NativeIter::Range { next, end, ty, inclusive, done, .. } => {
            if *done {
                return 0;
            }
            let n = w(*end, *ty) - w(*next, *ty) + if *inclusive { 1 } else { 0 };
            n.clamp(0, usize::MAX as i128) as usize
        }
        NativeIter::WideRange { next, end, ty, inclusive, done, .. } => {
            if *done || wide_lt(*end, *next, *ty) {
                return 0;
            }
            let n = end.wrapping_sub(*next);
            if n >= usize::MAX as u128 {
                return usize::MAX;
            }
            n as usize + usize::from(*inclusive)
        }
        NativeIter::CharRange { next, end, inclusive, done } => {
            if *done {
                return 0;
            }
            let e = *end as i64 + if *inclusive { 1 } else { 0 };
            let mut n = e - *next as i64;
            if *next < 0xD800 && e > 0xE000 {
                n -= 0x800;
            }
            n.max(0) as usize
        }
        NativeIter::Vec { front, back, .. } => back.saturating_sub(*front),
        NativeIter::Items { items } => items.len(),
    }
}

/// Every remaining item.
pub fn drain_all(h: &Heap<NativeIter>) -> R<Vec<Value>> {
    let mut it = h.write().map_err(conflict)?;
    let mut out = Vec::new();
    while let Some(x) = step(&mut it, false)? {
        if out.len() >= MAX_ITEMS {
            return Err(panic("capacity overflow"));
        }
        out.push(x);
    }
    Ok(out)
}

fn iter_handle(v: &Value) -> R<Heap<NativeIter>> {
    match v {
        Value::Iter(h) => Ok(h.clone()),
        Value::Ref(_) => iter_handle(&util::deref(v)?),
        other => Err(util::type_error("iterator", other)),
    }
}

fn next(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = iter_handle(&arg(args, 0)?)?;
    let x = step(&mut *h.write().map_err(conflict)?, false)?;
    Ok(util::option(cx, x))
}

fn next_back(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = iter_handle(&arg(args, 0)?)?;
    let x = step(&mut *h.write().map_err(conflict)?, true)?;
    Ok(util::option(cx, x))
}

fn len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = iter_handle(&arg(args, 0)?)?;
    let n = remaining(&*h.read().map_err(conflict)?);
    Ok(Value::usize(n))
}

/// `__size_hint(it)`: the remaining count of a native iterator, 0 for anything else.
fn size_hint(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(match arg(args, 0)? {
        Value::Iter(h) => remaining(&*h.read().map_err(conflict)?),
        _ => 0,
    }))
}

/// A native iterator over `v` (`for x in v` on a std value), or `v` itself when it already is
/// an iterator (a native or a user one).
pub fn into_iter_value(v: &Value) -> R<Value> {
    Ok(match v {
        Value::Iter(_) => v.clone(),
        Value::Range(r) => Value::Iter(Heap::new(range_iter(r)?)),
        Value::Vec(_) | Value::Slice(_) => {
            let (h, a, b) = super::vec::view(v)?;
            Value::Iter(Heap::new(NativeIter::Vec { vec: h, front: a, back: b, by_mut: false }))
        }
        Value::Ref(p) => match util::place_get(p)? {
            inner @ (Value::Vec(_) | Value::Slice(_)) => {
                let (h, a, b) = super::vec::view(&inner)?;
                Value::Iter(Heap::new(NativeIter::Vec { vec: h, front: a, back: b, by_mut: true }))
            }
            Value::Coll(c) => super::map::iter_entries(&c, true)?,
            // A user iterator held inline (`Value::Tag`) behind `&mut`: its `next` changes it
            // through its handle, so the place gets the equivalent object first.
            mut t @ Value::Tag(..) if super::vec::try_items(&t)?.is_none() => {
                t.promote();
                util::place_set(p, t.clone())?;
                t
            }
            other => into_iter_value(&other)?,
        },
        Value::Coll(c) => super::map::iter_entries(c, false)?,
        other => match super::vec::try_items(other)? {
            Some(items) => util::new_iter(items),
            None => other.clone(),
        },
    })
}

fn into_iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    into_iter_value(&raw_or_arg(args)?)
}

fn raw_or_arg(args: &[Value]) -> R<Value> {
    util::raw_arg(args, 0)
}

fn is_native_iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(matches!(arg(args, 0)?, Value::Iter(_) | Value::Range(_))))
}

/// `__rev(it)`: the native iterator reversed (`Some`), or `None` for a user iterator.
fn rev(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let h = match &v {
        Value::Iter(h) => h.clone(),
        Value::Range(r) => Heap::new(range_iter(r)?),
        _ => return Ok(util::none(cx)),
    };
    let mut it = h.write().map_err(conflict)?;
    let reversed = match &mut *it {
        NativeIter::Range { next, end, ty, inclusive, done, rev } => {
            NativeIter::Range { next: *next, end: *end, ty: *ty, inclusive: *inclusive, done: *done, rev: !*rev }
        }
        NativeIter::WideRange { next, end, ty, inclusive, done, rev } => {
            NativeIter::WideRange { next: *next, end: *end, ty: *ty, inclusive: *inclusive, done: *done, rev: !*rev }
        }
        other => {
            let mut items = VecDeque::new();
            while let Some(x) = step(other, true)? {
                if items.len() >= MAX_ITEMS {
                    return Err(panic("capacity overflow"));
                }
                items.push_back(x);
            }
            NativeIter::Items { items }
        }
    };
    drop(it);
    Ok(util::some(cx, Value::Iter(Heap::new(reversed))))
}

/// `r.next()` on a range kept in a variable (`let mut r = 0..3; r.next()`): a range value is
/// immutable, so the variable (passed as a `Ref`) is turned into a native iterator first.
fn range_next(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let place = match args.first() {
        Some(Value::Ref(p)) => p.clone(),
        _ => return Err(panic("cannot advance a range that is not in a `let mut` variable")),
    };
    let it = match util::place_get(&place)? {
        Value::Range(r) => {
            let it = Value::Iter(Heap::new(range_iter(&r)?));
            util::place_set(&place, it.clone())?;
            it
        }
        other => other,
    };
    let mut a = [it];
    if aux == 1 {
        next_back(cx, &mut a, 0)
    } else {
        next(cx, &mut a, 0)
    }
}

/// `__iter_count(it)`: consume a native iterator, counting its items.
fn count(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = match arg(args, 0)? {
        Value::Iter(h) => h,
        Value::Range(r) => Heap::new(range_iter(&r)?),
        other => return Err(util::type_error("iterator", &other)),
    };
    let mut it = h.write().map_err(conflict)?;
    let n = match &*it {
        NativeIter::Items { .. } | NativeIter::Vec { .. } | NativeIter::Range { .. } | NativeIter::WideRange { .. } => remaining(&it),
        NativeIter::CharRange { .. } => {
            let mut n = 0;
            while step(&mut it, false)?.is_some() {
                n += 1;
            }
            n
        }
    };
    // Exhaust it.
    *it = NativeIter::Items { items: VecDeque::new() };
    Ok(Value::usize(n))
}

/// `__iter_nth(it, n)`: skip `n` items natively, then `next`.
fn nth(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = iter_handle(&arg(args, 0)?)?;
    let n = util::usize_of(&arg(args, 1)?)?;
    let mut it = h.write().map_err(conflict)?;
    for _ in 0..n {
        if step(&mut it, false)?.is_none() {
            return Ok(util::none(cx));
        }
    }
    let x = step(&mut it, false)?;
    Ok(util::option(cx, x))
}

fn range_contains(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let r = match arg(args, 0)? {
        Value::Range(r) => r,
        other => return Err(util::type_error("range", &other)),
    };
    let x = arg(args, 1)?;
    use super::compare::partial_cmp_values as pc;
    use std::cmp::Ordering::*;
    let lo_ok = match &r.start {
        Some(s) => matches!(pc(s, &x), Some(Less | Equal)),
        None => true,
    };
    let hi_ok = match &r.end {
        Some(e) => match pc(&x, e) {
            Some(Less) => true,
            Some(Equal) => r.inclusive,
            _ => false,
        },
        None => true,
    };
    Ok(Value::Bool(lo_ok && hi_ok))
}

fn range_len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Range(r) => Ok(Value::usize(remaining(&range_iter(&r)?))),
        other => Err(util::type_error("range", &other)),
    }
}

/// `RangeInclusive::start()` (aux 0) / `end()` (aux 1); also the `.start`/`.end` fields of
/// `Range` (see `vm/access.rs`).
pub fn range_bound(r: &RangeVal, end: bool) -> R<Value> {
    let b = if end { &r.end } else { &r.start };
    b.clone().ok_or_else(|| panic(if end { "the range has no end" } else { "the range has no start" }))
}

fn range_start_end(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Range(r) => range_bound(&r, aux == 1),
        other => Err(util::type_error("range", &other)),
    }
}

fn range_is_empty(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Range(r) => Ok(Value::Bool(remaining(&range_iter(&r)?) == 0)),
        other => Err(util::type_error("range", &other)),
    }
}

/// `chars.as_str()`: the rest of a `Chars` iterator as a string (without consuming it).
fn as_str(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = iter_handle(&arg(args, 0)?)?;
    let it = h.read().map_err(conflict)?;
    let mut s = String::new();
    if let NativeIter::Items { items } = &*it {
        for x in items {
            s.push_str(&util::str_of(x)?);
        }
    }
    Ok(Value::str(s))
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{Iter, Range};
    r.method(Iter, "as_str", as_str);
    r.func("__iter_to_string", as_str);
    r.method(Iter, "next", next);
    r.method(Iter, "next_back", next_back);
    r.method(Iter, "len", len);
    r.method(Iter, "into_iter", into_iter);
    r.method(Iter, "by_ref", into_iter);
    r.method(Range, "into_iter", into_iter);
    r.method(Range, "contains", range_contains);
    r.method_aux(Range, "next", range_next, 0);
    r.method_aux(Range, "next_back", range_next, 1);
    r.method(Range, "len", range_len);
    r.method_aux(Range, "start", range_start_end, 0);
    r.method_aux(Range, "end", range_start_end, 1);
    r.method(Range, "is_empty", range_is_empty);
    r.func("__iter_next", next);
    r.func("__iter_next_back", next_back);
    r.func("__iter_nth", nth);
    r.func("__iter_count", count);
    r.func("__into_iter", into_iter);
    r.func("__is_native_iter", is_native_iter);
    r.func("__size_hint", size_hint);
    r.func("__rev", rev);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::IntTy;

    fn ints(it: &mut NativeIter, back: bool) -> Vec<i64> {
        let mut v = vec![];
        while let Some(Value::Int(n, _)) = step(it, back).unwrap() {
            v.push(n);
        }
        v
    }

    #[test]
    fn ranges_both_ways() {
        let mk = |inclusive| NativeIter::Range { next: 1, end: 4, ty: IntTy::I32, inclusive, done: false, rev: false };
        assert_eq!(ints(&mut mk(false), false), vec![1, 2, 3]);
        assert_eq!(ints(&mut mk(true), false), vec![1, 2, 3, 4]);
        assert_eq!(ints(&mut mk(false), true), vec![3, 2, 1]);
        assert_eq!(ints(&mut mk(true), true), vec![4, 3, 2, 1]);
        let mut full = NativeIter::Range { next: 250, end: 255, ty: IntTy::U8, inclusive: true, done: false, rev: false };
        assert_eq!(ints(&mut full, false), vec![250, 251, 252, 253, 254, 255]);
        assert_eq!(remaining(&mk(true)), 4);
    }
}
