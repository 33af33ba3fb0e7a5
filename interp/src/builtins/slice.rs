//! Slice methods of `Vec`, arrays and slices that view or reorder without growing:
//! `windows`, `chunks`, `split_at`, `starts_with`, `binary_search` (Rust's probe order),
//! `rotate_*`, `is_sorted`. (Split from vec.rs.)

use super::compare::{cmp_values, eq_values};
use super::util::{self, arg, panic, usize_of};
use super::vec::{index, items_of, slice_value, view, with_window};
use super::{NativeCx, NativeResult};
use crate::value::Value;

fn windows(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    let n = usize_of(&arg(args, 1)?)?;
    if n == 0 {
        return Err(panic("window size must be non-zero"));
    }
    let out = (a..b).take_while(|i| i + n <= b).map(|i| slice_value(h.clone(), i, i + n));
    Ok(util::new_iter(out.collect::<Vec<_>>()))
}

fn chunks_impl(args: &[Value], exact: bool, from_end: bool) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    let n = usize_of(&arg(args, 1)?)?;
    if n == 0 {
        return Err(panic("chunk size must be non-zero"));
    }
    let mut out = Vec::new();
    if from_end {
        let mut e = b;
        while e > a {
            let s = e.saturating_sub(n).max(a);
            if exact && e - s < n {
                break;
            }
            out.push(slice_value(h.clone(), s, e));
            e = s;
        }
    } else {
        let mut s = a;
        while s < b {
            let e = (s + n).min(b);
            if exact && e - s < n {
                break;
            }
            out.push(slice_value(h.clone(), s, e));
            s = e;
        }
    }
    Ok(util::new_iter(out))
}

fn chunks(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    chunks_impl(args, false, false)
}

fn chunks_exact(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    chunks_impl(args, true, false)
}

fn rchunks(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    chunks_impl(args, false, true)
}

fn split_at(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    let mid = usize_of(&arg(args, 1)?)?;
    if mid > b - a {
        return Err(panic("mid > len"));
    }
    Ok(util::pair(slice_value(h.clone(), a, a + mid), slice_value(h, a + mid, b)))
}

fn split_first(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    if a == b {
        return Ok(util::none(cx));
    }
    let first = index(&slice_value(h.clone(), a, b), 0)?;
    Ok(util::some(cx, util::pair(first, slice_value(h, a + 1, b))))
}

fn split_last(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (h, a, b) = view(&arg(args, 0)?)?;
    if a == b {
        return Ok(util::none(cx));
    }
    let last = index(&slice_value(h.clone(), a, b), b - a - 1)?;
    Ok(util::some(cx, util::pair(last, slice_value(h, a, b - 1))))
}

fn starts_with(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = items_of(&arg(args, 0)?)?;
    let p = items_of(&arg(args, 1)?)?;
    Ok(Value::Bool(p.len() <= v.len() && v.iter().zip(&p).all(|(x, y)| eq_values(x, y))))
}

fn ends_with(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = items_of(&arg(args, 0)?)?;
    let p = items_of(&arg(args, 1)?)?;
    Ok(Value::Bool(
        p.len() <= v.len() && v[v.len() - p.len()..].iter().zip(&p).all(|(x, y)| eq_values(x, y)),
    ))
}

/// Rust's `binary_search_by` (same probe sequence, so the same index among equal elements).
pub fn binary_search_with(len: usize, mut f: impl FnMut(usize) -> std::cmp::Ordering) -> Result<usize, usize> {
    use std::cmp::Ordering::*;
    let mut size = len;
    if size == 0 {
        return Err(0);
    }
    let mut base = 0usize;
    while size > 1 {
        let half = size / 2;
        let mid = base + half;
        if f(mid) != Greater {
            base = mid;
        }
        size -= half;
    }
    match f(base) {
        Equal => Ok(base),
        Less => Err(base + 1),
        Greater => Err(base),
    }
}

fn binary_search(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = items_of(&arg(args, 0)?)?;
    let x = arg(args, 1)?;
    let r = binary_search_with(v.len(), |i| v.get(i).map(|y| cmp_values(y, &x)).unwrap_or(std::cmp::Ordering::Greater));
    Ok(match r {
        Ok(i) => util::ok(cx, Value::usize(i)),
        Err(i) => util::err(cx, Value::usize(i)),
    })
}

fn rotate(args: &[Value], left: bool) -> NativeResult {
    let k = usize_of(&arg(args, 1)?)?;
    with_window(&arg(args, 0)?, |w| {
        if k > w.len() {
            return Err(panic(if left { "assertion failed: mid <= self.len()" } else { "assertion failed: k <= self.len()" }));
        }
        if left {
            w.rotate_left(k)
        } else {
            w.rotate_right(k)
        }
        Ok(())
    })??;
    Ok(Value::Unit)
}

fn rotate_left(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, true)
}

fn rotate_right(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, false)
}

fn is_sorted(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = items_of(&arg(args, 0)?)?;
    Ok(Value::Bool(v.windows(2).all(|w| super::compare::partial_cmp_values(&w[0], &w[1]).is_some_and(|o| o.is_le()))))
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Vec as K;
    r.func("__vec_binary_search", binary_search);
    r.func("__vec_is_sorted", is_sorted);
    r.method(K, "windows", windows);
    r.method(K, "chunks", chunks);
    r.method(K, "chunks_exact", chunks_exact);
    r.method(K, "chunks_mut", chunks);
    r.method(K, "chunks_exact_mut", chunks_exact);
    r.method(K, "rchunks_mut", rchunks);
    r.method(K, "rchunks", rchunks);
    r.method(K, "split_at", split_at);
    r.method(K, "split_at_mut", split_at);
    r.method(K, "split_first", split_first);
    r.method(K, "split_last", split_last);
    r.method(K, "starts_with", starts_with);
    r.method(K, "ends_with", ends_with);
    r.method(K, "binary_search", binary_search);
    r.method(K, "rotate_left", rotate_left);
    r.method(K, "rotate_right", rotate_right);
    r.method(K, "is_sorted", is_sorted);
}
