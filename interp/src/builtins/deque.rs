//! `VecDeque` and `BinaryHeap` (`Value::Coll`).
//!
//! `BinaryHeap` is a max-heap by `cmp_values` (so `Reverse(x)`, a prelude tuple struct with a
//! reversed `Ord`... note: natives compare structurally, so the prelude's `Reverse` is handled
//! here by name: a struct named `Reverse` compares its field reversed). Push and pop use Rust's
//! sift algorithms, so `iter()` shows the same internal order as Rust.
//! VecDeque elements cannot be `&mut` places (`iter_mut`, `front_mut` are not supported).
//!
//! `make_contiguous` lends the deque out: it returns a `&mut` to a vector holding the items
//! (a `Ref` to field 0 of a loan object, as a lock guard is), and remembers the pair
//! (`LENT`). The vector's content goes back into the deque when that reference dies
//! (`release_lend`, called where guards are released: a temporary at its statement's end, a
//! local at its scope end) and when the deque is used again through one of its methods
//! (`settle`), or read by formatting, comparison, hashing or iteration (`settle_for_read`): in Rust
//! the deque cannot be used while the slice lives, so each of these points sees the final
//! content.

use super::compare::{cmp_values, eq_values};
use super::map;
use super::util::{self, arg, conflict, new_coll, oob, panic, raw_arg, usize_of, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtDef, AdtObj, Collection, Place, Value, VariantDef, VariantKind, VecObj};
use std::sync::{Arc, OnceLock};
use std::cmp::Ordering;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrd};

/// Deques lent out by `make_contiguous`, each with the vector its slice views.
static LENT: parking_lot::Mutex<Vec<(Heap<Collection>, Heap<VecObj>)>> = parking_lot::Mutex::new(Vec::new());
/// `LENT`'s length, so that deques are not slowed down when nothing is lent.
static LENT_COUNT: AtomicUsize = AtomicUsize::new(0);
/// At most this many loans are kept; beyond it the oldest is given back at once.
const MAX_LENT: usize = 256;

/// Take the loan at `i` out of the table (the caller holds it).
fn take_loan(t: &mut Vec<(Heap<Collection>, Heap<VecObj>)>, i: usize) -> (Heap<Collection>, Heap<VecObj>) {
    let loan = t.remove(i);
    LENT_COUNT.store(t.len(), AtomicOrd::Release);
    loan
}

/// Put a lent vector's content back into its deque.
fn give_back(deque: &Heap<Collection>, vec: &Heap<VecObj>) -> R<()> {
    let items = std::mem::take(&mut vec.write().map_err(conflict)?.items);
    if let Collection::VecDeque(d) = &mut *deque.write().map_err(conflict)? {
        *d = items.into();
    }
    Ok(())
}

/// Before a deque is used: if `make_contiguous` lent it out, take its content back from the
/// slice's vector (which Rust's borrow rules say is no longer used).
pub fn settle(h: &Heap<Collection>) -> R<()> {
    if LENT_COUNT.load(AtomicOrd::Acquire) == 0 {
        return Ok(());
    }
    let loan = {
        let mut t = LENT.lock();
        match t.iter().position(|(d, _)| d.ptr_eq(h)) {
            Some(i) => take_loan(&mut t, i),
            None => return Ok(()),
        }
    };
    give_back(&loan.0, &loan.1)
}

/// `h`, settled (`settle`) for a read that is not a deque method (formatting, comparison):
/// a conflict leaves the loan to the deque's next method call.
pub fn settle_for_read(h: &Heap<Collection>) -> &Heap<Collection> {
    let _ = settle(h);
    h
}

/// The definition of the loan object whose field 0 holds the lent vector.
fn loan_def() -> &'static Arc<AdtDef> {
    static D: OnceLock<Arc<AdtDef>> = OnceLock::new();
    D.get_or_init(|| {
        Arc::new(AdtDef {
            name: "<deque loan>".into(),
            is_enum: false,
            variants: vec![VariantDef { name: "<deque loan>".into(), kind: VariantKind::Unit, fields: Vec::new(), discriminant: 0 }],
            is_copy: false,
            derives: Vec::new(),
            type_id: 32,
        })
    })
}

/// The lent vector a `make_contiguous` reference points at.
fn lent_vec(p: &Place) -> Option<Heap<VecObj>> {
    let Place::Field(store, 0) = p else { return None };
    let o = store.read().ok()?;
    if !o.def.is(loan_def()) {
        return None;
    }
    match o.fields.first()? {
        Value::Vec(v) => Some(v.clone()),
        _ => None,
    }
}

/// A value dies (a temporary at the end of its statement, a local at its scope end): when it
/// is a `make_contiguous` reference, the vector's content is copied back into the deque. The
/// loan ends there when this was the reference's last copy; otherwise it stays, and the
/// deque's next method call ends it. `false` when `v` is no such reference.
pub fn release_lend(v: &Value) -> bool {
    if LENT_COUNT.load(AtomicOrd::Acquire) == 0 {
        return false;
    }
    let Value::Ref(p) = v else { return false };
    let Some(vec) = lent_vec(p) else { return false };
    // The loan object's handle and the table's: a third one is an iterator over the vector.
    let last = Arc::strong_count(p) == 1 && vec.handle_count() <= 3;
    let deque = {
        let mut t = LENT.lock();
        let Some(i) = t.iter().position(|(_, v)| v.ptr_eq(&vec)) else { return true };
        if last {
            take_loan(&mut t, i).0
        } else {
            t[i].0.clone()
        }
    };
    // A conflict here (the deque is being used right now) leaves the content in the vector:
    // when the loan stays, the deque's next method call takes it back.
    let _ = if last { give_back(&deque, &vec) } else { copy_back(&deque, &vec) };
    true
}

/// Copy a lent vector's content into its deque (the loan goes on).
fn copy_back(deque: &Heap<Collection>, vec: &Heap<VecObj>) -> R<()> {
    let items: VecDeque<Value> = vec.read().map_err(conflict)?.items.iter().cloned().collect();
    if let Collection::VecDeque(d) = &mut *deque.write().map_err(conflict)? {
        *d = items;
    }
    Ok(())
}

/// Lend deque `h` out: a slice over a vector holding a copy of its items.
fn lend(h: Heap<Collection>) -> R<Value> {
    settle(&h)?;
    let items: Vec<Value> = match &*h.read().map_err(conflict)? {
        Collection::VecDeque(d) => d.iter().cloned().collect(),
        _ => return Err(not_a_deque()),
    };
    let vec = Heap::new(VecObj { items, is_array: false });
    let oldest = {
        let mut t = LENT.lock();
        t.push((h, vec.clone()));
        let oldest = if t.len() > MAX_LENT { Some(take_loan(&mut t, 0)) } else { None };
        LENT_COUNT.store(t.len(), AtomicOrd::Release);
        oldest
    };
    if let Some((d, v)) = oldest {
        give_back(&d, &v)?;
    }
    let store = Heap::new(AdtObj { def: loan_def().into(), variant: 0, fields: smallvec::smallvec![Value::Vec(vec), Value::Unit] });
    Ok(Value::Ref(Arc::new(Place::Field(store, 0))))
}

fn not_a_deque() -> super::NativeError {
    panic("type error: VecDeque expected")
}

/// Run `f` on the deque of receiver `args[0]`.
fn with_deque<T>(args: &[Value], f: impl FnOnce(&mut VecDeque<Value>) -> T) -> R<T> {
    let h = map::coll(&arg(args, 0)?)?;
    settle(&h)?;
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
    settle(&h)?;
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

/// `make_contiguous`: a `&mut [T]` whose writes the deque sees (see the module doc).
fn make_contiguous(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    lend(map::coll(&arg(args, 0)?)?)
}

/// A `map.rs` native on a deque, after the deque took back a lent content.
fn settled(args: &mut [Value], f: impl FnOnce(&mut [Value]) -> NativeResult) -> NativeResult {
    settle(&map::coll(&arg(args, 0)?)?)?;
    f(args)
}

fn d_len(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    settled(args, |a| map::len(cx, a, aux))
}

fn d_is_empty(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    settled(args, |a| map::is_empty(cx, a, aux))
}

fn d_clear(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    settled(args, |a| map::clear(cx, a, aux))
}

fn d_iter(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    settled(args, |a| map::iter(cx, a, aux))
}

fn d_into_iter(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    settled(args, |a| map::into_iter(cx, a, aux))
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
    settle(&h)?;
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
        ("len", d_len),
        ("is_empty", d_is_empty),
        ("clear", d_clear),
        ("iter", d_iter),
        ("into_iter", d_into_iter),
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

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    #[test]
    fn make_contiguous_writes_reach_the_deque() {
        let src = "use std::collections::VecDeque;
fn main() {
    let mut d: VecDeque<i32> = VecDeque::from(vec![5, 3, 9]);
    d.push_front(7);
    d.make_contiguous().sort();
    println!(\"{:?}\", d);
    d.make_contiguous().sort_by(|a, b| b.cmp(a));
    println!(\"{:?}\", d);
    let s = d.make_contiguous();
    s[0] = 1;
    println!(\"{} {:?}\", d.len(), d.front());
}
";
        let (out, _) = run_program(src);
        assert_eq!(out, "[3, 5, 7, 9]\n[9, 7, 5, 3]\n4 Some(1)\n");
    }

    #[test]
    fn a_loan_ends_when_the_deque_is_used_again() {
        let src = "use std::collections::VecDeque;
fn main() {
    let mut d: VecDeque<i32> = VecDeque::from(vec![2, 1]);
    let s = d.make_contiguous();
    s.swap(0, 1);
    d.push_back(3);
    let t = d.make_contiguous();
    t.reverse();
    println!(\"{:?}\", d.iter().collect::<Vec<_>>());
}
";
        let (out, _) = run_program(src);
        assert_eq!(out, "[3, 2, 1]\n");
    }
}
