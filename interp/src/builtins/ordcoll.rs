//! User-ordered `BTreeMap`, `BTreeSet` and `BinaryHeap` (`Collection::Ordered`).
//!
//! A native `BTreeMap`/`BTreeSet`/`BinaryHeap` orders its keys structurally (`Key`'s `Ord`, what
//! a derive does). When a key whose order needs a hand-written `Ord` enters one (a struct or
//! enum that does not derive `Ord`, or a tuple, `Vec`, `Option`... holding one: see
//! `compare::needs_user_impl`), the collection turns into an `OrdColl` in place: a sorted
//! `Vec` of keys (and values) for maps and sets, std's heap array for heaps. Natives never
//! call back into the VM, so every comparison from then on runs in the prelude
//! (`prelude/ordcoll.rs`: binary search and heap sifts that call the user's `cmp` through
//! `prelude_ord_cmp`); the natives here only read the collection and move whole entries by
//! index. An `Ordered` value has its own type ids (`__OrdMap`, `__OrdSet`, `__OrdHeap`), so
//! the native fast path of ordinary keys pays nothing.
//!
//! The conversion itself happens in a native (`insert`, `push`, `entry`): the keys already
//! there need no user order, so comparing them with the new key structurally never reaches
//! two user-ordered values (they would have the same type at the same position), and the
//! structural position is the right one. Natives that receive many keys at once (`from`,
//! `collect`, `extend`) leave them in `pending`; the prelude function that called them
//! places them (`prelude_oc_settle`) before anything else sees the collection.
//!
//! A `&mut V` into a user-ordered map is `Place::MapValue(map, Key(index))` (the index of the
//! entry: Rust's borrow rules keep the map unchanged while it lives).

use super::compare::{cmp_values, eq_values, needs_user_impl};
use super::map::coll;
use super::util::{self, arg, conflict, new_coll, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::value::{Collection, Key, OrdColl, OrdKind, Place, Value};
use std::cmp::Ordering;
use std::sync::Arc;

/// Does this key need a hand-written `Ord` to be ordered?
pub fn needs_order(k: &Value) -> bool {
    needs_user_impl(k, "Ord")
}

impl OrdColl {
    pub fn new(kind: OrdKind) -> OrdColl {
        OrdColl { kind, keys: Vec::new(), vals: Vec::new(), pending: Vec::new() }
    }

    /// An empty collection of the same kind.
    pub fn empty_like(&self) -> OrdColl {
        OrdColl::new(self.kind)
    }

    /// The same entries (handles shared).
    pub fn shallow_clone(&self) -> OrdColl {
        OrdColl { kind: self.kind, keys: self.keys.clone(), vals: self.vals.clone(), pending: self.pending.clone() }
    }

    /// A copy with every key and value passed through `f` (`clone`).
    pub fn map_values<E>(&self, mut f: impl FnMut(&Value) -> Result<Value, E>) -> Result<OrdColl, E> {
        Ok(OrdColl {
            kind: self.kind,
            keys: self.keys.iter().map(&mut f).collect::<Result<_, E>>()?,
            vals: self.vals.iter().map(&mut f).collect::<Result<_, E>>()?,
            pending: self
                .pending
                .iter()
                .map(|(k, v)| Ok((f(k)?, f(v)?)))
                .collect::<Result<_, E>>()?,
        })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The items in order: `(k, v)` pairs for a map, elements otherwise.
    pub fn items(&self) -> Vec<Value> {
        match self.kind {
            OrdKind::Map => self.keys.iter().zip(&self.vals).map(|(k, v)| util::pair(k.clone(), v.clone())).collect(),
            _ => self.keys.clone(),
        }
    }

    /// Every key and value, leaving it empty (for drops).
    pub fn take_all(&mut self) -> Vec<Value> {
        let mut out = std::mem::take(&mut self.keys);
        out.append(&mut self.vals);
        out.extend(std::mem::take(&mut self.pending).into_iter().flat_map(|(k, v)| [k, v]));
        out
    }

    /// The value a `Place::MapValue(_, Key(index))` names.
    pub fn slot(&self, k: &Key) -> Option<&Value> {
        match k.0 {
            Value::Int(i, _) => self.vals.get(usize::try_from(i).ok()?),
            _ => None,
        }
    }

    pub fn slot_mut(&mut self, k: &Key) -> Option<&mut Value> {
        match k.0 {
            Value::Int(i, _) => self.vals.get_mut(usize::try_from(i).ok()?),
            _ => None,
        }
    }

    /// The index of a key structurally equal to `k` (the VM's `map[&k]`, which cannot call
    /// the user's `cmp`).
    pub fn index_by_eq(&self, k: &Value) -> Option<usize> {
        self.keys.iter().position(|x| eq_values(x, k))
    }

    /// Clear everything.
    pub fn clear(&mut self) {
        self.keys.clear();
        self.vals.clear();
        self.pending.clear();
    }
}

/// Turn a native `BTreeMap`/`BTreeSet`/`BinaryHeap` into an `Ordered` one in place (its
/// elements keep their order); an `Ordered` one is returned as it is.
pub fn to_ordered(c: &mut Collection) -> Option<&mut OrdColl> {
    let o = match std::mem::replace(c, Collection::BinaryHeap(Vec::new())) {
        Collection::BTreeMap(m) => {
            let (keys, vals) = m.into_iter().map(|(k, v)| (k.0, v)).unzip();
            OrdColl { kind: OrdKind::Map, keys, vals, pending: Vec::new() }
        }
        Collection::BTreeSet(s) => {
            OrdColl { kind: OrdKind::Set, keys: s.into_iter().map(|k| k.0).collect(), vals: Vec::new(), pending: Vec::new() }
        }
        Collection::BinaryHeap(h) => OrdColl { kind: OrdKind::Heap, keys: h, vals: Vec::new(), pending: Vec::new() },
        Collection::Ordered(o) => o,
        other => {
            *c = other;
            return None;
        }
    };
    *c = Collection::Ordered(o);
    match c {
        Collection::Ordered(o) => Some(o),
        _ => None,
    }
}

/// Where one entry went, and what it met there.
pub struct Placed {
    pub index: usize,
    /// Map: the value that was under an equal key (replaced); set: `k` itself, not inserted.
    pub old: Option<Value>,
}

/// Insert one entry into a collection that was just converted (see the module doc: a
/// structural position is right). Map: replaces the value of an equal key (the key stays);
/// set: leaves an equal key in place; heap: pushes and sifts up.
pub fn place_one(o: &mut OrdColl, k: Value, v: Value) -> Placed {
    if o.kind == OrdKind::Heap {
        o.keys.push(k);
        let mut pos = o.keys.len() - 1;
        while pos > 0 {
            let parent = (pos - 1) / 2;
            if cmp_values(&o.keys[pos], &o.keys[parent]) != Ordering::Greater {
                break;
            }
            o.keys.swap(pos, parent);
            pos = parent;
        }
        return Placed { index: pos, old: None };
    }
    match o.keys.binary_search_by(|x| cmp_values(x, &k)) {
        Ok(i) => {
            let old = if o.kind == OrdKind::Map { o.vals.get_mut(i).map(|slot| std::mem::replace(slot, v)) } else { Some(k) };
            Placed { index: i, old }
        }
        Err(i) => {
            o.keys.insert(i, k);
            if o.kind == OrdKind::Map {
                o.vals.insert(i, v);
            }
            Placed { index: i, old: None }
        }
    }
}

/// A native insert into a `BTreeMap`/`BTreeSet`/`BinaryHeap` of a key that needs a user order:
/// convert and place it. `None` when the collection was user-ordered already (the prelude
/// inserts into those; a native reaching one is a bug of the caller).
pub fn convert_insert(c: &mut Collection, k: Value, v: Value) -> R<Placed> {
    if matches!(c, Collection::Ordered(_)) {
        return Err(panic("internal error: native insert into a user-ordered collection"));
    }
    match to_ordered(c) {
        Some(o) => Ok(place_one(o, k, v)),
        None => Err(panic("type error: BTreeMap, BTreeSet or BinaryHeap expected")),
    }
}

/// Many entries from a native (`extend`): convert, and leave them for the prelude.
pub fn convert_pending(c: &mut Collection, entries: Vec<(Value, Value)>) -> R<()> {
    match to_ordered(c) {
        Some(o) => {
            o.pending.extend(entries);
            Ok(())
        }
        None => Err(panic("type error: BTreeMap, BTreeSet or BinaryHeap expected")),
    }
}

/// A new `BTreeMap` of `pairs` (`from`, `collect`): native unless a key needs a user order;
/// then user-ordered with every pair pending (placed by the prelude's caller).
pub fn map_from(pairs: Vec<(Key, Value)>) -> Value {
    if pairs.iter().any(|(k, _)| needs_order(&k.0)) {
        let mut o = OrdColl::new(OrdKind::Map);
        o.pending = pairs.into_iter().map(|(k, v)| (k.0, v)).collect();
        return new_coll(Collection::Ordered(o));
    }
    new_coll(Collection::BTreeMap(pairs.into_iter().collect()))
}

/// A new `BTreeSet` (as `map_from`).
pub fn set_from(items: Vec<Value>) -> Value {
    if items.iter().any(needs_order) {
        let mut o = OrdColl::new(OrdKind::Set);
        o.pending = items.into_iter().map(|k| (k, Value::Unit)).collect();
        return new_coll(Collection::Ordered(o));
    }
    new_coll(Collection::BTreeSet(items.into_iter().map(Key).collect()))
}

/// A new `BinaryHeap` (as `map_from`; a native one is heapified at once).
pub fn heap_from(items: Vec<Value>) -> Value {
    if items.iter().any(needs_order) {
        let mut o = OrdColl::new(OrdKind::Heap);
        o.pending = items.into_iter().map(|k| (k, Value::Unit)).collect();
        return new_coll(Collection::Ordered(o));
    }
    super::deque::heap_of(items)
}

// ---- intrinsics for prelude/ordcoll.rs ----

/// Run `f` on the `OrdColl` under argument 0.
fn with<T>(args: &[Value], f: impl FnOnce(&mut OrdColl) -> R<T>) -> R<T> {
    let h = coll(&arg(args, 0)?)?;
    let mut g = h.write().map_err(conflict)?;
    match &mut *g {
        Collection::Ordered(o) => f(o),
        _ => Err(panic("internal error: user-ordered collection expected")),
    }
}

fn index(args: &[Value], i: usize) -> R<usize> {
    util::usize_of(&arg(args, i)?)
}

fn missing() -> super::NativeError {
    panic("internal error: user-ordered collection index out of range")
}

/// `__oc_kind(c) -> i32`: 0 map, 1 set, 2 heap.
fn oc_kind(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| {
        Ok(Value::i32(match o.kind {
            OrdKind::Map => 0,
            OrdKind::Set => 1,
            OrdKind::Heap => 2,
        }))
    })
}

/// `__oc_is_unsettled(&x) -> bool`: a fast test before `__oc_unsettled` (for `collect`).
fn oc_is_unsettled(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    if let Some(Value::Coll(h)) = args.first() {
        return Ok(Value::Bool(matches!(&*h.read().map_err(conflict)?, Collection::Ordered(o) if !o.pending.is_empty())));
    }
    match args.first() {
        Some(Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_)) => {
            let found = oc_unsettled(cx, args, aux)?;
            Ok(Value::Bool(matches!(util::as_option(&found), Some(Some(_)))))
        }
        _ => Ok(Value::Bool(false)),
    }
}

/// `__oc_len(c) -> usize` (placed entries).
fn oc_len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| Ok(Value::usize(o.len())))
}

fn oc_is_empty(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| Ok(Value::Bool(o.is_empty())))
}

fn oc_clear(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| {
        o.clear();
        Ok(Value::Unit)
    })
}

/// `__oc_key(c, i) -> K`.
fn oc_key(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    with(args, |o| o.keys.get(i).cloned().ok_or_else(missing))
}

/// `__oc_val(c, i) -> V`.
fn oc_val(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    with(args, |o| o.vals.get(i).cloned().ok_or_else(missing))
}

/// `__oc_val_place(c, i) -> &mut V`.
fn oc_val_place(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    let h = coll(&arg(args, 0)?)?;
    with(args, |o| if i < o.vals.len() { Ok(()) } else { Err(missing()) })?;
    Ok(Value::Ref(Arc::new(Place::MapValue(h, Key(Value::usize(i))))))
}

/// `__oc_insert_at(c, i, k, v)`: a new entry at index `i` (`v` ignored for sets and heaps).
fn oc_insert_at(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    let k = raw_arg(args, 2)?;
    let v = raw_arg(args, 3)?;
    with(args, |o| {
        if i > o.keys.len() {
            return Err(missing());
        }
        o.keys.insert(i, k);
        if o.kind == OrdKind::Map {
            o.vals.insert(i.min(o.vals.len()), v);
        }
        Ok(Value::Unit)
    })
}

/// `__oc_set_val(c, i, v) -> V`: replace a value, return the old one.
fn oc_set_val(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    let v = raw_arg(args, 2)?;
    with(args, |o| o.vals.get_mut(i).map(|slot| std::mem::replace(slot, v)).ok_or_else(missing))
}

/// `__oc_set_key(c, i, k) -> K`: replace a key (set `replace`, heap `pop`), return the old one.
fn oc_set_key(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    let k = raw_arg(args, 2)?;
    with(args, |o| o.keys.get_mut(i).map(|slot| std::mem::replace(slot, k)).ok_or_else(missing))
}

/// `__oc_remove_at(c, i)`: the entry at `i` removed: `(k, v)` for maps, `k` otherwise.
fn oc_remove_at(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    with(args, |o| {
        if i >= o.keys.len() {
            return Err(missing());
        }
        let k = o.keys.remove(i);
        Ok(if o.kind == OrdKind::Map && i < o.vals.len() { util::pair(k, o.vals.remove(i)) } else { k })
    })
}

/// `__oc_push(c, k)`: append to a heap's array.
fn oc_push(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let k = raw_arg(args, 1)?;
    with(args, |o| {
        o.keys.push(k);
        Ok(Value::Unit)
    })
}

/// `__oc_pop_last(c) -> K`: the last element of a heap's array, removed.
fn oc_pop_last(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| o.keys.pop().ok_or_else(missing))
}

/// `__oc_swap(c, i, j)`.
fn oc_swap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let i = index(args, 1)?;
    let j = index(args, 2)?;
    with(args, |o| {
        if i >= o.keys.len() || j >= o.keys.len() {
            return Err(missing());
        }
        o.keys.swap(i, j);
        Ok(Value::Unit)
    })
}

/// `__oc_take_pending(c) -> Vec`: the entries a native left unplaced (`(k, v)` pairs for
/// maps, elements otherwise), in arrival order; `c` keeps none.
fn oc_take_pending(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| {
        let p = std::mem::take(&mut o.pending);
        Ok(util::new_vec(match o.kind {
            OrdKind::Map => p.into_iter().map(|(k, v)| util::pair(k, v)).collect(),
            _ => p.into_iter().map(|(k, _)| k).collect(),
        }))
    })
}

/// `__oc_unsettled(&x) -> Option<C>`: the user-ordered collection with pending entries that
/// `x` is, or holds as `Ok`/`Some` (what `collect` builds), if any.
fn oc_unsettled(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let mut v = arg(args, 0)?;
    for _ in 0..2 {
        if let Value::Coll(h) = &v {
            let has = matches!(&*h.read().map_err(conflict)?, Collection::Ordered(o) if !o.pending.is_empty());
            return Ok(util::option(cx, has.then(|| v.clone())));
        }
        let inner = match util::as_result(&v) {
            Some(Ok(x)) => Some(x),
            Some(Err(_)) => None,
            None => util::as_option(&v).flatten(),
        };
        match inner {
            Some(x) => v = util::deref(&x)?,
            None => break,
        }
    }
    Ok(util::none(cx))
}

/// `__oc_slice(c, lo, hi) -> Iter`: the items `lo..hi` (pairs for maps), for `range`.
fn oc_slice(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let lo = index(args, 1)?;
    let hi = index(args, 2)?;
    with(args, |o| {
        let hi = hi.min(o.keys.len());
        let lo = lo.min(hi);
        Ok(util::new_iter((lo..hi).map(|i| match o.kind {
            OrdKind::Map => util::pair(o.keys[i].clone(), o.vals.get(i).cloned().unwrap_or_default()),
            _ => o.keys[i].clone(),
        })))
    })
}

/// `__oc_sorted(x) -> Vec<T>`: the elements of a set, user-ordered or native, in order.
fn oc_sorted(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    let g = h.read().map_err(conflict)?;
    Ok(util::new_vec(match &*g {
        Collection::Ordered(o) => o.keys.clone(),
        Collection::BTreeSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::HashSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        _ => return Err(panic("type error: set expected")),
    }))
}

/// `__oc_default(c) -> V`: `or_default()`'s value: from the hint (`&mut V`), else like a
/// value already in the map, else `()`.
fn oc_default(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    if let Some(t) = cx.hint.cloned() {
        if let Some(d) = super::collect::default_of(cx, &t)? {
            return Ok(d);
        }
    }
    let sample = with(args, |o| Ok(o.vals.first().cloned()))?;
    match sample {
        Some(s) => super::misc::default_like(&s),
        None => Ok(Value::Unit),
    }
}

/// `__range_bounds(r) -> (Option<T>, Option<T>, bool)`: start, end, end included.
fn range_bounds(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Range(r) => {
            let s = util::option(cx, r.start.clone());
            let e = util::option(cx, r.end.clone());
            Ok(Value::Tuple(crate::heap::Heap::new(vec![s, e, Value::Bool(r.inclusive)])))
        }
        other => Err(util::type_error("range", &other)),
    }
}

// ---- methods of user-ordered collections that need no comparison ----

fn iter_of(args: &[Value], by_mut: bool) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    with(args, |o| {
        Ok(util::new_iter(match o.kind {
            OrdKind::Map => (0..o.keys.len())
                .map(|i| {
                    let v = if by_mut {
                        Value::Ref(Arc::new(Place::MapValue(h.clone(), Key(Value::usize(i)))))
                    } else {
                        o.vals.get(i).cloned().unwrap_or_default()
                    };
                    util::pair(o.keys[i].clone(), v)
                })
                .collect::<Vec<_>>(),
            _ => o.keys.clone(),
        }))
    })
}

/// `iter()` (and the entries a `for` loop sees).
pub fn iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_of(args, false)
}

fn iter_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_of(args, true)
}

fn into_iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let by_mut = matches!(args.first(), Some(Value::Ref(_)));
    iter_of(args, by_mut)
}

/// `keys` (0), `values` (1), `values_mut` (2).
fn part(_: &mut NativeCx<'_>, args: &mut [Value], which: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    with(args, |o| {
        Ok(util::new_iter(match which {
            0 => o.keys.clone(),
            1 => o.vals.clone(),
            _ => (0..o.vals.len()).map(|i| Value::Ref(Arc::new(Place::MapValue(h.clone(), Key(Value::usize(i)))))).collect(),
        }))
    })
}

/// `drain()` (heaps): every element in array order, leaving it empty.
fn drain(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| {
        let items = o.items();
        o.clear();
        Ok(util::new_iter(items))
    })
}

/// `first`/`last` (aux 0/1), `pop_first`/`pop_last` (2/3) of maps and sets.
fn end(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (last, pop) = (aux & 1 == 1, aux >= 2);
    let found = with(args, |o| {
        if o.keys.is_empty() {
            return Ok(None);
        }
        let i = if last { o.keys.len() - 1 } else { 0 };
        let is_map = o.kind == OrdKind::Map;
        Ok(Some(if pop {
            let k = o.keys.remove(i);
            if is_map && i < o.vals.len() {
                util::pair(k, o.vals.remove(i))
            } else {
                k
            }
        } else if is_map {
            util::pair(o.keys[i].clone(), o.vals.get(i).cloned().unwrap_or_default())
        } else {
            o.keys[i].clone()
        }))
    })?;
    Ok(util::option(cx, found))
}

/// `peek()` of a heap.
fn peek(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let top = with(args, |o| Ok(o.keys.first().cloned()))?;
    Ok(util::option(cx, top))
}

/// `into_vec()` of a heap: the array.
fn into_vec(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with(args, |o| Ok(util::new_vec(o.keys.clone())))
}

// ---- comparison that honours hand-written impls (`prelude_ord_cmp`) ----

/// `__cmp_shape(a, b, partial) -> i32`: how the prelude compares `a` and `b`: 0/1/2 Less/
/// Equal/Greater decided structurally (no hand-written impl involved); 3 incomparable
/// (partial only); 4 call the user's `cmp` (`partial_cmp` when `partial`); 5 `Reverse`:
/// compare `b.0` with `a.0`; 6 same shape: compare `__cmp_parts` in order, then lengths.
fn cmp_shape(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = util::deref(&arg(args, 0)?)?;
    let b = util::deref(&arg(args, 1)?)?;
    let partial = matches!(arg(args, 2)?, Value::Bool(true));
    let tr = if partial { "PartialOrd" } else { "Ord" };
    let code = |o: Option<Ordering>| match o {
        Some(Ordering::Less) => 0,
        Some(Ordering::Equal) => 1,
        Some(Ordering::Greater) => 2,
        None => 3,
    };
    let structural = || {
        if partial {
            code(super::compare::partial_cmp_values(&a, &b))
        } else {
            code(Some(cmp_values(&a, &b)))
        }
    };
    if !needs_user_impl(&a, tr) && !needs_user_impl(&b, tr) {
        return Ok(Value::i32(structural()));
    }
    // (An inline `Tag` is judged as its field-less object.)
    let (a, b) = (a.untag().into_owned(), b.untag().into_owned());
    let c = match (&a, &b) {
        (Value::Adt(x), Value::Adt(y)) => {
            let (x, y) = (x.read().map_err(conflict)?, y.read().map_err(conflict)?);
            let std = matches!(x.def.name.as_str(), "Option" | "Result" | "Ordering" | "Reverse");
            if x.def.name == "Reverse" && !x.def.is_enum {
                5
            } else if !std && !x.def.derives.iter().any(|d| d == tr) {
                4
            } else if !x.def.is(&y.def) {
                structural()
            } else if x.variant != y.variant {
                code(Some(x.variant.cmp(&y.variant)))
            } else {
                6
            }
        }
        (Value::Tuple(_), Value::Tuple(_)) | (Value::Vec(_) | Value::Slice(_), Value::Vec(_) | Value::Slice(_)) => 6,
        (Value::Cell(_), Value::Cell(_)) => 6,
        (Value::Coll(_), Value::Coll(_)) => 6,
        _ => structural(),
    };
    Ok(Value::i32(c))
}

/// `__cmp_parts(x) -> Vec`: the parts `prelude_ord_cmp` compares in order: fields,
/// elements, a cell's content, a collection's items.
fn cmp_parts(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = util::deref(&arg(args, 0)?)?;
    let parts = match &v {
        Value::Tag(..) => Vec::new(),
        Value::SomeObj(h) => vec![Value::Adt(h.clone())],
        Value::Adt(h) => h.read().map_err(conflict)?.fields.to_vec(),
        Value::Tuple(t) => t.read().map_err(conflict)?.clone(),
        Value::Vec(_) | Value::Slice(_) => super::vec::items_of(&v)?,
        Value::Cell(h) => match &*h.read().map_err(conflict)? {
            crate::value::CellObj::Rc { value, .. } | crate::value::CellObj::Cell(value) | crate::value::CellObj::RefCell { value, .. } => {
                vec![value.clone()]
            }
            crate::value::CellObj::Weak { .. } => Vec::new(),
        },
        Value::Coll(_) => super::vec::try_items(&v)?.unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(util::new_vec(parts))
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{OrdHeap as H, OrdMap as M, OrdSet as S};
    let fs: &[(&'static str, super::registry::NativeFn)] = &[
        ("__oc_len", oc_len),
        ("__oc_kind", oc_kind),
        ("__oc_is_unsettled", oc_is_unsettled),
        ("__oc_key", oc_key),
        ("__oc_val", oc_val),
        ("__oc_val_place", oc_val_place),
        ("__oc_insert_at", oc_insert_at),
        ("__oc_set_val", oc_set_val),
        ("__oc_set_key", oc_set_key),
        ("__oc_remove_at", oc_remove_at),
        ("__oc_push", oc_push),
        ("__oc_pop_last", oc_pop_last),
        ("__oc_swap", oc_swap),
        ("__oc_take_pending", oc_take_pending),
        ("__oc_unsettled", oc_unsettled),
        ("__oc_slice", oc_slice),
        ("__oc_sorted", oc_sorted),
        ("__oc_default", oc_default),
        ("__range_bounds", range_bounds),
        ("__cmp_shape", cmp_shape),
        ("__cmp_parts", cmp_parts),
    ];
    for (name, f) in fs {
        r.func(name, *f);
    }
    for k in [M, S, H] {
        r.method(k, "len", oc_len);
        r.method(k, "is_empty", oc_is_empty);
        r.method(k, "clear", oc_clear);
        r.method(k, "iter", iter);
        r.method(k, "into_iter", into_iter);
    }
    r.method(M, "iter_mut", iter_mut);
    r.method_aux(M, "keys", part, 0);
    r.method_aux(M, "into_keys", part, 0);
    r.method_aux(M, "values", part, 1);
    r.method_aux(M, "into_values", part, 1);
    r.method_aux(M, "values_mut", part, 2);
    for (i, (m, s)) in [("first_key_value", "first"), ("last_key_value", "last"), ("pop_first", "pop_first"), ("pop_last", "pop_last")]
        .into_iter()
        .enumerate()
    {
        r.method_aux(M, m, end, i as u32);
        r.method_aux(S, s, end, i as u32);
    }
    r.method(H, "peek", peek);
    r.method(H, "into_vec", into_vec);
    r.method(H, "drain", drain);
    r.method(S, "drain", drain);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_keeps_order_and_places_one() {
        let mut c = Collection::BTreeSet([1, 5, 9].into_iter().map(|i| Key(Value::i32(i))).collect());
        let o = to_ordered(&mut c).expect("a set converts");
        let p = place_one(o, Value::i32(7), Value::Unit);
        assert_eq!(p.index, 2);
        assert!(p.old.is_none());
        let again = place_one(o, Value::i32(5), Value::Unit);
        assert!(again.old.is_some());
        assert_eq!(o.keys.len(), 4);
        assert!(o.slot(&Key(Value::usize(0))).is_none());
    }

    #[test]
    fn heap_place_sifts_up() {
        let mut c = Collection::BinaryHeap(vec![Value::i32(5), Value::i32(3)]);
        let o = to_ordered(&mut c).expect("a heap converts");
        let p = place_one(o, Value::i32(8), Value::Unit);
        assert_eq!(p.index, 0);
        assert!(matches!(o.keys[0], Value::Int(8, _)));
    }

    #[test]
    fn map_slots_by_index() {
        let mut o = OrdColl::new(OrdKind::Map);
        o.keys.push(Value::i32(1));
        o.vals.push(Value::i32(10));
        if let Some(s) = o.slot_mut(&Key(Value::usize(0))) {
            *s = Value::i32(11);
        }
        assert!(matches!(o.slot(&Key(Value::usize(0))), Some(Value::Int(11, _))));
        assert!(o.slot(&Key(Value::usize(3))).is_none());
    }
}
