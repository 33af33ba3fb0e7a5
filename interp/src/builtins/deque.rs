//! `VecDeque` and `BinaryHeap` (`Value::Coll`).
//!
//! `BinaryHeap` is a max-heap by `cmp_values` (so `Reverse(x)`, a prelude tuple struct with a
//! reversed `Ord`... note: natives compare structurally, so the prelude's `Reverse` is handled
//! here by name: a struct named `Reverse` compares its field reversed). Push and pop use Rust's
//! sift algorithms, so `iter()` shows the same internal order as Rust.
//! VecDeque elements cannot be `&mut` places (`iter_mut`, `front_mut` are not supported).

use super::compare::{cmp_values, eq_values};
use super::map;
use super::util::{self, arg, conflict, new_coll, oob, panic, raw_arg, usize_of, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{Collection, Value};
use std::cmp::Ordering;
use std::collections::VecDeque;

fn not_a_deque() -> super::NativeError {
    panic("type error: VecDeque expected")
}

/// Run `f` on the deque of receiver `args[0]`.
fn with_deque<T>(args: &[Value], f: impl FnOnce(&mut VecDeque<Value>) -> T) -> R<T> {
    let h = map::coll(&arg(args, 0)?)?;
    let mut c = h.write().map_err(conflict)?;
    match &mut *c {
        Collection::VecDeque(d) => Ok(f(d)),
        _ => Err(not_a_deque()),
    }
}

fn new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::VecDeque(VecDeque::new())))
}

fn from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    Ok(new_coll(Collection::VecDeque(items.into())))
}

fn push_back(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = raw_arg(args, 1)?;
    with_deque(args, |d| d.push_back(x))?;
    Ok(Value::Unit)
}

fn push_front(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = raw_arg(args, 1)?;
    with_deque(args, |d| d.push_front(x))?;
    Ok(Value::Unit)
}

fn pop_back(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_deque(args, |d| d.pop_back())?;
    Ok(util::option(cx, x))
}

fn pop_front(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_deque(args, |d| d.pop_front())?;
    Ok(util::option(cx, x))
}

fn front(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_deque(args, |d| d.front().cloned())?;
    Ok(util::option(cx, x))
}

fn back(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_deque(args, |d| d.back().cloned())?;
    Ok(util::option(cx, x))
}

fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = util::wide_of(&arg(args, 1)?)?;
    let x = with_deque(args, |d| usize::try_from(i).ok().and_then(|i| d.get(i).cloned()))?;
    Ok(util::option(cx, x))
}

/// `d[i]` for the VM's indexing.
pub fn index(v: &Value, i: usize) -> R<Value> {
    let h = map::coll(v)?;
    let c = h.read().map_err(conflict)?;
    match &*c {
        Collection::VecDeque(d) => d.get(i).cloned().ok_or_else(|| panic("Out of bounds access")),
        _ => Err(not_a_deque()),
    }
}

fn contains(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = arg(args, 1)?;
    let items = with_deque(args, |d| d.iter().cloned().collect::<Vec<_>>())?;
    Ok(Value::Bool(items.iter().any(|y| eq_values(y, &x))))
}

fn insert(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = usize_of(&arg(args, 1)?)?;
    let x = raw_arg(args, 2)?;
    with_deque(args, |d| {
        if i > d.len() {
            Err(panic("index out of bounds"))
        } else {
            d.insert(i, x);
            Ok(())
        }
    })??;
    Ok(Value::Unit)
}

fn remove(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = usize_of(&arg(args, 1)?)?;
    let x = with_deque(args, |d| d.remove(i))?;
    Ok(util::option(cx, x))
}

fn truncate(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = usize_of(&arg(args, 1)?)?;
    with_deque(args, |d| d.truncate(n))?;
    Ok(Value::Unit)
}

fn swap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = usize_of(&arg(args, 1)?)?;
    let j = usize_of(&arg(args, 2)?)?;
    with_deque(args, |d| {
        let len = d.len();
        if i >= len || j >= len {
            Err(panic("assertion failed: i < self.len()"))
        } else {
            d.swap(i, j);
            Ok(())
        }
    })??;
    Ok(Value::Unit)
}

fn rotate(args: &[Value], left: bool) -> NativeResult {
    let n = usize_of(&arg(args, 1)?)?;
    with_deque(args, |d| {
        if n > d.len() {
            Err(panic("assertion failed: n <= self.len()"))
        } else {
            if left {
                d.rotate_left(n)
            } else {
                d.rotate_right(n)
            }
            Ok(())
        }
    })??;
    Ok(Value::Unit)
}

fn rotate_left(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, true)
}

fn rotate_right(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, false)
}

/// `make_contiguous` / `as_slices`-like views: a Vec copy of the items (writes through it are
/// not seen by the deque).
fn make_contiguous(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = with_deque(args, |d| d.iter().cloned().collect::<Vec<_>>())?;
    Ok(util::new_vec(items))
}

fn extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 1)?)?;
    with_deque(args, |d| d.extend(items))?;
    Ok(Value::Unit)
}

fn append(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let other = map::coll(&arg(args, 1)?)?;
    let moved: Vec<Value> = match &mut *other.write().map_err(conflict)? {
        Collection::VecDeque(d) => d.drain(..).collect(),
        _ => return Err(not_a_deque()),
    };
    with_deque(args, |d| d.extend(moved))?;
    Ok(Value::Unit)
}

fn range_drain(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let r = match args.get(1).map(util::deref).transpose()? {
        Some(Value::Range(r)) => Some(r),
        _ => None,
    };
    let out = with_deque(args, |d| {
        let (a, b) = match &r {
            Some(r) => super::vec::drain_bounds(r, d.len())?,
            None => (0, d.len()),
        };
        Ok::<Vec<Value>, super::NativeError>(d.drain(a..b).collect())
    })??;
    Ok(util::new_iter(out))
}

// ---- BinaryHeap ----

/// Heap order: a prelude `Reverse(x)` compares reversed.
fn heap_cmp(a: &Value, b: &Value) -> Ordering {
    cmp_values(a, b)
}

fn sift_up(v: &mut [Value], start: usize, mut pos: usize) {
    while pos > start {
        let parent = (pos - 1) / 2;
        if heap_cmp(&v[pos], &v[parent]) != Ordering::Greater {
            break;
        }
        v.swap(pos, parent);
        pos = parent;
    }
}

/// Rust's `sift_down_to_bottom` then `sift_up` (used by `pop`).
fn sift_down_to_bottom(v: &mut [Value], mut pos: usize) {
    let end = v.len();
    let start = pos;
    let mut child = 2 * pos + 1;
    while child + 1 < end {
        if heap_cmp(&v[child], &v[child + 1]) != Ordering::Greater {
            child += 1;
        }
        v.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    if child == end - 1 {
        v.swap(pos, child);
        pos = child;
    }
    sift_up(v, start, pos);
}

/// Rust's `sift_down_range` (used to rebuild).
fn sift_down(v: &mut [Value], mut pos: usize, end: usize) {
    let mut child = 2 * pos + 1;
    while child + 1 < end {
        if heap_cmp(&v[child], &v[child + 1]) != Ordering::Greater {
            child += 1;
        }
        if heap_cmp(&v[pos], &v[child]) != Ordering::Less {
            return;
        }
        v.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    if child == end - 1 && heap_cmp(&v[pos], &v[child]) == Ordering::Less {
        v.swap(pos, child);
    }
}

/// std's `rebuild_tail`: after `extend`/`append` put new items at `start..`, either sift
/// each up or rebuild the whole heap, by the same cost rule (so the array layout is std's).
fn rebuild_tail(v: &mut [Value], start: usize) {
    let len = v.len();
    if start == len {
        return;
    }
    let tail_len = len - start;
    let log2 = |x: usize| (usize::BITS - x.leading_zeros()).saturating_sub(1) as usize;
    let better_to_rebuild = if start < tail_len {
        true
    } else if len <= 2048 {
        2 * len < tail_len * log2(start)
    } else {
        2 * len < tail_len * 11
    };
    if better_to_rebuild {
        rebuild(v);
    } else {
        for i in start..len {
            sift_up(v, 0, i);
        }
    }
}

fn rebuild(v: &mut [Value]) {
    let n = v.len();
    let mut i = n / 2;
    while i > 0 {
        i -= 1;
        sift_down(v, i, n);
    }
}

fn with_heap<T>(args: &[Value], f: impl FnOnce(&mut Vec<Value>) -> T) -> R<T> {
    let h = map::coll(&arg(args, 0)?)?;
    let mut c = h.write().map_err(conflict)?;
    match &mut *c {
        Collection::BinaryHeap(d) => Ok(f(d)),
        _ => Err(panic("type error: BinaryHeap expected")),
    }
}

/// A BinaryHeap of `items` (heapified as Rust's `From<Vec<T>>` does).
pub fn heap_of(mut items: Vec<Value>) -> Value {
    rebuild(&mut items);
    new_coll(Collection::BinaryHeap(items))
}

fn heap_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::BinaryHeap(Vec::new())))
}

fn heap_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    Ok(super::ordcoll::heap_from(items))
}

fn heap_push(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = raw_arg(args, 1)?;
    if super::ordcoll::needs_order(&x) {
        let h = map::coll(&arg(args, 0)?)?;
        let mut c = h.write().map_err(conflict)?;
        super::ordcoll::convert_insert(&mut c, x, Value::Unit)?;
        return Ok(Value::Unit);
    }
    with_heap(args, |v| {
        v.push(x);
        let n = v.len() - 1;
        sift_up(v, 0, n);
    })?;
    Ok(Value::Unit)
}

fn heap_pop(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_heap(args, |v| {
        let mut item = v.pop()?;
        if !v.is_empty() {
            std::mem::swap(&mut item, &mut v[0]);
            sift_down_to_bottom(v, 0);
        }
        Some(item)
    })?;
    Ok(util::option(cx, x))
}

fn heap_peek(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let x = with_heap(args, |v| v.first().cloned())?;
    Ok(util::option(cx, x))
}

fn into_sorted_vec(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let mut items = with_heap(args, |v| v.clone())?;
    items.sort_by(heap_cmp);
    Ok(util::new_vec(items))
}

fn into_vec(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(util::new_vec(with_heap(args, |v| v.clone())?))
}

fn heap_extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 1)?)?;
    if items.iter().any(super::ordcoll::needs_order) {
        let h = map::coll(&arg(args, 0)?)?;
        let mut c = h.write().map_err(conflict)?;
        super::ordcoll::convert_pending(&mut c, items.into_iter().map(|x| (x, Value::Unit)).collect())?;
        return Ok(Value::Unit);
    }
    with_heap(args, |v| {
        let start = v.len();
        v.extend(items);
        rebuild_tail(v, start);
    })?;
    Ok(Value::Unit)
}

/// The VM's `d[i] = x` on a VecDeque.
pub fn index_set(v: &Value, i: usize, x: Value) -> R<()> {
    let h = map::coll(v)?;
    let mut c = h.write().map_err(conflict)?;
    match &mut *c {
        Collection::VecDeque(d) => {
            let len = d.len();
            *d.get_mut(i).ok_or_else(|| oob(len, i))? = x;
            Ok(())
        }
        _ => Err(not_a_deque()),
    }
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{BinaryHeap as BH, VecDeque as D};
    let _ = Heap::new(());
    r.func("VecDeque::new", new);
    r.func("VecDeque::with_capacity", new);
    r.func("VecDeque::from", from);
    r.func("VecDeque::from_iter", from);
    r.func("__deque_extend", extend);
    let m: &[(&'static str, super::registry::NativeFn)] = &[
        ("push_back", push_back),
        ("push_front", push_front),
        ("pop_back", pop_back),
        ("pop_front", pop_front),
        ("front", front),
        ("back", back),
        ("get", get),
        ("contains", contains),
        ("insert", insert),
        ("remove", remove),
        ("truncate", truncate),
        ("swap", swap),
        ("rotate_left", rotate_left),
        ("rotate_right", rotate_right),
        ("make_contiguous", make_contiguous),
        ("extend", extend),
        ("append", append),
        ("drain", range_drain),
        ("len", map::len),
        ("is_empty", map::is_empty),
        ("clear", map::clear),
        ("iter", map::iter),
        ("into_iter", map::into_iter),
    ];
    for (name, f) in m {
        r.method(D, name, *f);
    }
    r.func("BinaryHeap::new", heap_new);
    r.func("BinaryHeap::with_capacity", heap_new);
    r.func("BinaryHeap::from", heap_from);
    r.func("BinaryHeap::from_iter", heap_from);
    r.func("__bheap_from", heap_from);
    r.func("__bheap_extend", heap_extend);
    let h: &[(&'static str, super::registry::NativeFn)] = &[
        ("push", heap_push),
        ("pop", heap_pop),
        ("peek", heap_peek),
        ("into_sorted_vec", into_sorted_vec),
        ("into_vec", into_vec),
        ("extend", heap_extend),
        ("len", map::len),
        ("is_empty", map::is_empty),
        ("clear", map::clear),
        ("iter", map::iter),
        ("into_iter", map::into_iter),
        ("drain", map::drain),
    ];
    for (name, f) in h {
        r.method(BH, name, *f);
    }
}
