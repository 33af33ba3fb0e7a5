//! `HashMap` and `BTreeMap` (`Value::Coll`): the methods that take no closure. The entry API,
//! `retain` and closure-taking methods are in the prelude (`Entry` is a prelude struct holding
//! the map and the key; it uses `__entry_insert` and `get_mut`).
//!
//! `HashMap` keeps insertion order (Rust's order is unspecified; removal keeps the others in
//! order). `get_mut`, `values_mut`, `iter_mut` give `Ref(Place::MapValue)` places.

use super::util::{self, arg, conflict, new_coll, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::value::{Collection, Key, Place, Value};
use crate::value::KeyMap;
use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) fn coll(v: &Value) -> R<Heap<Collection>> {
    match v {
        Value::Coll(h) => Ok(h.clone()),
        Value::Ref(_) => coll(&util::deref(v)?),
        other => Err(util::type_error("collection", other)),
    }
}

fn recv(args: &[Value]) -> R<Heap<Collection>> {
    coll(&arg(args, 0)?)
}

fn not_a_map() -> super::NativeError {
    panic("type error: map expected")
}

/// An iterator over a collection's items: maps give `(k, v)` pairs (`(k, &mut v)` when
/// `by_mut`), sets their elements, VecDeque and BinaryHeap their items.
pub fn iter_entries(h: &Heap<Collection>, by_mut: bool) -> R<Value> {
    super::deque::settle(h)?;
    let c = h.read().map_err(conflict)?;
    let place = |k: &Key| Value::Ref(Arc::new(Place::MapValue(h.clone(), k.clone())));
    let items: Vec<Value> = match &*c {
        Collection::HashMap(m) => m
            .iter()
            .map(|(k, v)| util::pair(k.0.clone(), if by_mut { place(k) } else { v.clone() }))
            .collect(),
        Collection::BTreeMap(m) => m
            .iter()
            .map(|(k, v)| util::pair(k.0.clone(), if by_mut { place(k) } else { v.clone() }))
            .collect(),
        Collection::HashSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::BTreeSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::VecDeque(d) => d.iter().cloned().collect(),
        Collection::BinaryHeap(b) => b.clone(),
        Collection::Ordered(o) => o.items(),
    };
    Ok(util::new_iter(items))
}

fn hash_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::HashMap(KeyMap::default())))
}

fn btree_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::BTreeMap(BTreeMap::new())))
}

fn pairs_of(v: &Value) -> R<Vec<(Key, Value)>> {
    super::vec::items_of(v)?
        .iter()
        .map(|p| util::unpair(p).map(|(k, v)| (Key(k), v)))
        .collect()
}

/// `HashMap::from([(k, v), ...])` and `from_iter` of a native iterable of pairs.
fn hash_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let mut m = KeyMap::default();
    for (k, v) in pairs_of(&arg(args, 0)?)? {
        m.insert(k, v);
    }
    Ok(new_coll(Collection::HashMap(m)))
}

fn btree_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(super::ordcoll::map_from(pairs_of(&arg(args, 0)?)?))
}

fn insert(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Fast path: a `HashMap` receiver used in place (no handle copies).
    if let [Value::Coll(h), k, v, ..] = args {
        if let Collection::HashMap(m) = &mut *h.write().map_err(conflict)? {
            let old = m.insert(Key(std::mem::take(k)), std::mem::take(v));
            return Ok(util::option(cx, old));
        }
    }
    let h = recv(args)?;
    // The key and the value move into the map (their argument registers are temporaries).
    let k = Key(util::take_arg(args, 1)?);
    let v = util::take_arg(args, 2)?;
    let old = match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => m.insert(k, v),
        c @ Collection::BTreeMap(_) if super::ordcoll::needs_order(&k.0) => super::ordcoll::convert_insert(c, k.0, v)?.old,
        Collection::BTreeMap(m) => m.insert(k, v),
        _ => return Err(not_a_map()),
    };
    Ok(util::option(cx, old))
}

/// A key looked up in a `HashMap`/`HashSet` without being copied into a `Key`: hashed and
/// compared exactly as `Key` is (`compare::hash_value`, `compare::eq_values`), so a lookup
/// by `KeyRef(v)` finds what a lookup by `Key(v.clone())` finds.
pub(crate) struct KeyRef<'a>(pub(crate) &'a Value);

impl std::hash::Hash for KeyRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        super::compare::hash_key(self.0, state)
    }
}

impl indexmap::Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        super::compare::eq_keys(self.0, &key.0)
    }
}

/// Read the map under `h`, find `k`.
fn lookup(h: &Heap<Collection>, k: &Value) -> R<Option<Value>> {
    Ok(match &*h.read().map_err(conflict)? {
        Collection::HashMap(m) => m.get(&KeyRef(k)).cloned(),
        Collection::BTreeMap(m) => m.get(&Key(k.clone())).cloned(),
        _ => return Err(not_a_map()),
    })
}

fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Fast path: the map and the key read in place, the key hashed without a copy.
    if let [Value::Coll(h), k, ..] = &*args {
        if let Collection::HashMap(m) = &*h.read().map_err(conflict)? {
            let found = m.get(&KeyRef(k)).cloned();
            return Ok(util::option(cx, found));
        }
    }
    let h = recv(args)?;
    let k = arg(args, 1)?;
    Ok(util::option(cx, lookup(&h, &k)?))
}

fn get_key_value(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let k = Key(arg(args, 1)?);
    let found = match &*h.read().map_err(conflict)? {
        Collection::HashMap(m) => m.get_key_value(&k).map(|(k, v)| util::pair(k.0.clone(), v.clone())),
        Collection::BTreeMap(m) => m.get_key_value(&k).map(|(k, v)| util::pair(k.0.clone(), v.clone())),
        _ => return Err(not_a_map()),
    };
    Ok(util::option(cx, found))
}

fn get_mut(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let k = Key(arg(args, 1)?);
    Ok(if lookup(&h, &k.0)?.is_some() {
        util::some(cx, Value::Ref(Arc::new(Place::MapValue(h, k))))
    } else {
        util::none(cx)
    })
}

fn contains_key(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    if let [Value::Coll(h), k, ..] = &*args {
        if let Collection::HashMap(m) = &*h.read().map_err(conflict)? {
            return Ok(Value::Bool(m.contains_key(&KeyRef(k))));
        }
    }
    let h = recv(args)?;
    let k = arg(args, 1)?;
    Ok(Value::Bool(lookup(&h, &k)?.is_some()))
}

fn remove(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let k = Key(arg(args, 1)?);
    let old = match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => m.shift_remove(&k),
        Collection::BTreeMap(m) => m.remove(&k),
        _ => return Err(not_a_map()),
    };
    Ok(util::option(cx, old))
}

fn remove_entry(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let k = Key(arg(args, 1)?);
    let old = match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => m.shift_remove_entry(&k),
        Collection::BTreeMap(m) => m.remove_entry(&k),
        _ => return Err(not_a_map()),
    };
    Ok(util::option(cx, old.map(|(k, v)| util::pair(k.0, v))))
}

/// `len` of any collection.
pub fn len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let n = match &*h.read().map_err(conflict)? {
        Collection::HashMap(m) => m.len(),
        Collection::BTreeMap(m) => m.len(),
        Collection::HashSet(s) => s.len(),
        Collection::BTreeSet(s) => s.len(),
        Collection::VecDeque(d) => d.len(),
        Collection::BinaryHeap(b) => b.len(),
        Collection::Ordered(o) => o.len(),
    };
    Ok(Value::usize(n))
}

pub fn is_empty(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match len(cx, args, aux)? {
        Value::Int(n, _) => Ok(Value::Bool(n == 0)),
        _ => Ok(Value::Bool(false)),
    }
}

/// `clear` of any collection.
pub fn clear(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => m.clear(),
        Collection::BTreeMap(m) => m.clear(),
        Collection::HashSet(s) => s.clear(),
        Collection::BTreeSet(s) => s.clear(),
        Collection::VecDeque(d) => d.clear(),
        Collection::BinaryHeap(b) => b.clear(),
        Collection::Ordered(o) => o.clear(),
    }
    Ok(Value::Unit)
}

fn part(args: &[Value], which: u8) -> NativeResult {
    let h = recv(args)?;
    let c = h.read().map_err(conflict)?;
    let place = |k: &Key| Value::Ref(Arc::new(Place::MapValue(h.clone(), k.clone())));
    let pick = |k: &Key, v: &Value| match which {
        0 => k.0.clone(),
        1 => v.clone(),
        _ => place(k),
    };
    let items: Vec<Value> = match &*c {
        Collection::HashMap(m) => m.iter().map(|(k, v)| pick(k, v)).collect(),
        Collection::BTreeMap(m) => m.iter().map(|(k, v)| pick(k, v)).collect(),
        _ => return Err(not_a_map()),
    };
    Ok(util::new_iter(items))
}

fn keys(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    part(args, 0)
}

fn values(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    part(args, 1)
}

fn values_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    part(args, 2)
}

/// `iter()` of any collection.
pub fn iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_entries(&recv(args)?, false)
}

fn iter_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    iter_entries(&recv(args)?, true)
}

/// `into_iter()`: by value; `&mut map` (a `Ref` receiver) gives `(k, &mut v)`.
pub fn into_iter(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let by_mut = matches!(args.first(), Some(Value::Ref(_)));
    iter_entries(&recv(args)?, by_mut)
}

/// `drain()` of any collection: every item, leaving it empty.
pub fn drain(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let it = iter_entries(&recv(args)?, false)?;
    clear(cx, args, aux)?;
    Ok(it)
}

/// `extend` from a native iterable of pairs (the prelude's `extend` handles the rest).
fn extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let pairs = pairs_of(&arg(args, 1)?)?;
    match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => m.extend(pairs),
        c @ (Collection::BTreeMap(_) | Collection::Ordered(_)) if matches!(c, Collection::Ordered(_)) || pairs.iter().any(|(k, _)| super::ordcoll::needs_order(&k.0)) => {
            super::ordcoll::convert_pending(c, pairs.into_iter().map(|(k, v)| (k.0, v)).collect())?
        }
        Collection::BTreeMap(m) => m.extend(pairs),
        _ => return Err(not_a_map()),
    }
    Ok(Value::Unit)
}

/// `__entry_insert(map, key, value) -> &mut V`: insert when absent, then the place.
fn entry_insert(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    let k = Key(raw_arg(args, 1)?);
    let v = raw_arg(args, 2)?;
    match &mut *h.write().map_err(conflict)? {
        Collection::HashMap(m) => {
            m.entry(k.clone()).or_insert(v);
        }
        c @ Collection::BTreeMap(_) if super::ordcoll::needs_order(&k.0) => {
            let at = super::ordcoll::convert_insert(c, k.0, v)?.index;
            return Ok(Value::Ref(Arc::new(Place::MapValue(h.clone(), Key(Value::usize(at))))));
        }
        Collection::BTreeMap(m) => {
            m.entry(k.clone()).or_insert(v);
        }
        _ => return Err(not_a_map()),
    }
    Ok(Value::Ref(Arc::new(Place::MapValue(h, k))))
}

/// `__entry_place(map, key) -> &mut V` for a present key.
fn entry_place(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    if lookup(&h, &k.0)?.is_none() {
        return Err(panic("internal error: entry for a missing key"));
    }
    Ok(Value::Ref(Arc::new(Place::MapValue(h, k))))
}

/// `__entry_default(map, key) -> &mut V`: `or_default()`. The default comes from the hint
/// (`&mut V`), else from the type of a value already in the map, else `()`.
fn entry_default(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    if lookup(&h, &k.0)?.is_none() {
        let hint = cx.hint.cloned();
        let from_hint = match &hint {
            Some(t) => super::collect::default_of(cx, t)?,
            None => None,
        };
        let d = match from_hint {
            Some(d) => d,
            None => {
                let sample = match &*h.read().map_err(conflict)? {
                    Collection::HashMap(m) => m.values().next().cloned(),
                    Collection::BTreeMap(m) => m.values().next().cloned(),
                    _ => None,
                };
                match sample {
                    Some(s) => super::misc::default_like(&s)?,
                    None => Value::Unit,
                }
            }
        };
        match &mut *h.write().map_err(conflict)? {
            Collection::HashMap(m) => {
                m.insert(k.clone(), d);
            }
            c @ Collection::BTreeMap(_) if super::ordcoll::needs_order(&k.0) => {
                let at = super::ordcoll::convert_insert(c, k.0, d)?.index;
                return Ok(Value::Ref(Arc::new(Place::MapValue(h.clone(), Key(Value::usize(at))))));
            }
            Collection::BTreeMap(m) => {
                m.insert(k.clone(), d);
            }
            _ => return Err(not_a_map()),
        }
    }
    Ok(Value::Ref(Arc::new(Place::MapValue(h, k))))
}

/// `__map_keys(map) -> Vec<K>`: a snapshot of the keys (for the prelude's `retain`).
fn map_keys(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = coll(&arg(args, 0)?)?;
    let keys = match &*h.read().map_err(conflict)? {
        Collection::HashMap(m) => m.keys().map(|k| k.0.clone()).collect(),
        Collection::BTreeMap(m) => m.keys().map(|k| k.0.clone()).collect(),
        Collection::HashSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::BTreeSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        _ => return Err(not_a_map()),
    };
    Ok(util::new_vec(keys))
}

/// Is `k` inside the range value `r`?
pub fn in_range(r: &crate::value::RangeVal, k: &Value) -> bool {
    use super::compare::cmp_values;
    use std::cmp::Ordering::*;
    let lo = r.start.as_ref().is_none_or(|s| cmp_values(s, k) != Greater);
    let hi = r.end.as_ref().is_none_or(|e| match cmp_values(k, e) {
        Less => true,
        Equal => r.inclusive,
        Greater => false,
    });
    lo && hi
}

/// `range(a..b)` of a BTreeMap (pairs) or BTreeSet (elements).
pub fn range(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = recv(args)?;
    let r = match arg(args, 1)? {
        Value::Range(r) => r,
        other => return Err(util::type_error("range", &other)),
    };
    if let (Some(s), Some(e)) = (&r.start, &r.end) {
        if super::compare::cmp_values(s, e) == std::cmp::Ordering::Greater {
            return Err(panic("range start is greater than range end in BTreeMap"));
        }
    }
    let items: Vec<Value> = match &*h.read().map_err(conflict)? {
        Collection::BTreeMap(m) => m
            .iter()
            .filter(|(k, _)| in_range(&r, &k.0))
            .map(|(k, v)| util::pair(k.0.clone(), v.clone()))
            .collect(),
        Collection::BTreeSet(s) => s.iter().filter(|k| in_range(&r, &k.0)).map(|k| k.0.clone()).collect(),
        _ => return Err(not_a_map()),
    };
    Ok(util::new_iter(items))
}

fn end_entry(cx: &mut NativeCx<'_>, args: &[Value], last: bool, pop: bool) -> NativeResult {
    let h = recv(args)?;
    let mut c = h.write().map_err(conflict)?;
    let found = match &mut *c {
        Collection::BTreeMap(m) => {
            let e = match (last, pop) {
                (false, true) => m.pop_first(),
                (true, true) => m.pop_last(),
                (false, false) => m.first_key_value().map(|(k, v)| (k.clone(), v.clone())),
                (true, false) => m.last_key_value().map(|(k, v)| (k.clone(), v.clone())),
            };
            e.map(|(k, v)| util::pair(k.0, v))
        }
        Collection::BTreeSet(s) => {
            let e = match (last, pop) {
                (false, true) => s.pop_first(),
                (true, true) => s.pop_last(),
                (false, false) => s.first().cloned(),
                (true, false) => s.last().cloned(),
            };
            e.map(|k| k.0)
        }
        _ => return Err(not_a_map()),
    };
    drop(c);
    Ok(util::option(cx, found))
}

/// `first_key_value` (maps) / `first` (sets).
pub fn first(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    end_entry(cx, args, false, false)
}
pub fn last(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    end_entry(cx, args, true, false)
}
pub fn pop_first(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    end_entry(cx, args, false, true)
}
pub fn pop_last(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    end_entry(cx, args, true, true)
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{BTreeMap as B, HashMap as H};
    r.func("HashMap::new", hash_new);
    r.func("HashMap::with_capacity", hash_new);
    r.func("HashMap::from", hash_from);
    r.func("HashMap::from_iter", hash_from);
    r.func("BTreeMap::new", btree_new);
    r.func("BTreeMap::from", btree_from);
    r.func("BTreeMap::from_iter", btree_from);
    r.func("__entry_insert", entry_insert);
    r.func("__map_keys", map_keys);
    r.func("__map_extend", extend);
    r.func("__btmap_from", btree_from);
    r.func("__entry_place", entry_place);
    r.func("__entry_default", entry_default);
    let both: &[(&'static str, super::registry::NativeFn)] = &[
        ("insert", insert),
        ("get", get),
        ("get_key_value", get_key_value),
        ("get_mut", get_mut),
        ("contains_key", contains_key),
        ("remove", remove),
        ("remove_entry", remove_entry),
        ("len", len),
        ("is_empty", is_empty),
        ("clear", clear),
        ("keys", keys),
        ("values", values),
        ("values_mut", values_mut),
        ("into_keys", keys),
        ("into_values", values),
        ("iter", iter),
        ("iter_mut", iter_mut),
        ("into_iter", into_iter),
        ("drain", drain),
        ("extend", extend),
    ];
    for (name, f) in both {
        r.method(H, name, *f);
        r.method(B, name, *f);
    }
    r.method(H, "reserve", |_, _, _| Ok(Value::Unit));
    r.method(H, "shrink_to_fit", |_, _, _| Ok(Value::Unit));
    r.method(B, "range", range);
    r.method(B, "first_key_value", first);
    r.method(B, "last_key_value", last);
    r.method(B, "pop_first", pop_first);
    r.method(B, "pop_last", pop_last);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::IntTy;

    /// A lookup by `KeyRef` finds exactly what a lookup by an owned `Key` finds.
    #[test]
    fn key_ref_finds_what_key_finds() {
        let mut m = KeyMap::default();
        let keys = [
            Value::str("ka-1"),
            Value::str(""),
            Value::Int(7, IntTy::Usize),
            Value::Int(-1, IntTy::U64),
            Value::Char('x'),
            Value::Tuple(Heap::new(vec![Value::i32(1), Value::str("a")])),
        ];
        for (i, k) in keys.iter().enumerate() {
            m.insert(Key(k.clone()), Value::usize(i));
        }
        let probes = [
            Value::str("ka-1"),
            Value::str("ka-2"),
            Value::str(""),
            Value::Int(7, IntTy::Usize),
            Value::Int(8, IntTy::Usize),
            Value::Int(-1, IntTy::U64),
            Value::Char('x'),
            Value::Tuple(Heap::new(vec![Value::i32(1), Value::str("a")])),
            Value::Tuple(Heap::new(vec![Value::i32(1), Value::str("b")])),
        ];
        for p in &probes {
            let by_ref = m.get(&KeyRef(p)).map(|v| format!("{v:?}"));
            let by_key = m.get(&Key(p.clone())).map(|v| format!("{v:?}"));
            assert_eq!(by_ref, by_key, "{p:?}");
            assert_eq!(m.contains_key(&KeyRef(p)), by_key.is_some());
        }
        assert!(m.get(&KeyRef(&Value::str("ka-1"))).is_some());
    }
}
