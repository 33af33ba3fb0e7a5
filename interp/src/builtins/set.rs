//! `HashSet` and `BTreeSet` (`Value::Coll`): the methods that take no closure. Set
//! operations (`union`, `intersection`, ...) return iterators over a snapshot, in the
//! receiver's order then the other's (sorted for BTreeSet, as Rust).

use super::map;
use super::util::{self, arg, conflict, new_coll, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::value::{Collection, Key, Value};
use indexmap::IndexSet;
use std::collections::BTreeSet;

fn not_a_set() -> super::NativeError {
    panic("type error: set expected")
}

fn hash_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::HashSet(crate::value::KeySet::default())))
}

fn btree_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(new_coll(Collection::BTreeSet(BTreeSet::new())))
}

fn hash_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    Ok(new_coll(Collection::HashSet(items.into_iter().map(Key).collect())))
}

fn btree_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    Ok(super::ordcoll::set_from(items))
}

fn insert(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(raw_arg(args, 1)?);
    let fresh = match &mut *h.write().map_err(conflict)? {
        Collection::HashSet(s) => s.insert(k),
        c @ Collection::BTreeSet(_) if super::ordcoll::needs_order(&k.0) => super::ordcoll::convert_insert(c, k.0, Value::Unit)?.old.is_none(),
        Collection::BTreeSet(s) => s.insert(k),
        _ => return Err(not_a_set()),
    };
    Ok(Value::Bool(fresh))
}

/// `replace(x)`: insert, returning the equal element that was there.
fn replace(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(raw_arg(args, 1)?);
    let old = match &mut *h.write().map_err(conflict)? {
        Collection::HashSet(s) => s.replace(k),
        c @ Collection::BTreeSet(_) if super::ordcoll::needs_order(&k.0) => {
            super::ordcoll::convert_insert(c, k.0, Value::Unit)?.old.map(Key)
        }
        Collection::BTreeSet(s) => s.replace(k),
        _ => return Err(not_a_set()),
    };
    Ok(util::option(cx, old.map(|k| k.0)))
}

fn contains(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Fast path: a `HashSet` and the key read in place, the key hashed without a copy.
    if let [Value::Coll(h), k, ..] = &*args {
        if let Collection::HashSet(s) = &*h.read().map_err(conflict)? {
            return Ok(Value::Bool(s.contains(&map::KeyRef(k))));
        }
    }
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    let found = match &*h.read().map_err(conflict)? {
        Collection::HashSet(s) => s.contains(&k),
        Collection::BTreeSet(s) => s.contains(&k),
        _ => return Err(not_a_set()),
    };
    Ok(Value::Bool(found))
}

fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    let found = match &*h.read().map_err(conflict)? {
        Collection::HashSet(s) => s.get(&k).map(|k| k.0.clone()),
        Collection::BTreeSet(s) => s.get(&k).map(|k| k.0.clone()),
        _ => return Err(not_a_set()),
    };
    Ok(util::option(cx, found))
}

fn remove(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    let found = match &mut *h.write().map_err(conflict)? {
        Collection::HashSet(s) => s.shift_remove(&k),
        Collection::BTreeSet(s) => s.remove(&k),
        _ => return Err(not_a_set()),
    };
    Ok(Value::Bool(found))
}

fn take(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let k = Key(arg(args, 1)?);
    let found = match &mut *h.write().map_err(conflict)? {
        Collection::HashSet(s) => s.shift_take(&k),
        Collection::BTreeSet(s) => s.take(&k),
        _ => return Err(not_a_set()),
    };
    Ok(util::option(cx, found.map(|k| k.0)))
}

/// The elements of a set (or any iterable) as keys, in order.
fn keys_of(v: &Value) -> R<Vec<Key>> {
    Ok(super::vec::items_of(v)?.into_iter().map(Key).collect())
}

fn sorted(v: &Value) -> R<bool> {
    Ok(matches!(&*map::coll(v)?.read().map_err(conflict)?, Collection::BTreeSet(_)))
}

/// The set operations, by `aux`: 0 union, 1 intersection, 2 difference, 3 symmetric.
fn set_op(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let a_val = arg(args, 0)?;
    let a = keys_of(&a_val)?;
    let b = keys_of(&arg(args, 1)?)?;
    let bset: IndexSet<Key> = b.iter().cloned().collect();
    let aset: IndexSet<Key> = a.iter().cloned().collect();
    let mut out: Vec<Key> = match aux {
        0 => a.iter().cloned().chain(b.iter().filter(|k| !aset.contains(*k)).cloned()).collect(),
        1 => a.iter().filter(|k| bset.contains(*k)).cloned().collect(),
        2 => a.iter().filter(|k| !bset.contains(*k)).cloned().collect(),
        _ => a
            .iter()
            .filter(|k| !bset.contains(*k))
            .chain(b.iter().filter(|k| !aset.contains(*k)))
            .cloned()
            .collect(),
    };
    if sorted(&a_val)? {
        out.sort();
    }
    Ok(util::new_iter(out.into_iter().map(|k| k.0)))
}

/// 0 is_subset, 1 is_superset, 2 is_disjoint.
fn relation(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let a: IndexSet<Key> = keys_of(&arg(args, 0)?)?.into_iter().collect();
    let b: IndexSet<Key> = keys_of(&arg(args, 1)?)?.into_iter().collect();
    Ok(Value::Bool(match aux {
        0 => a.iter().all(|k| b.contains(k)),
        1 => b.iter().all(|k| a.contains(k)),
        _ => a.iter().all(|k| !b.contains(k)),
    }))
}

fn extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = map::coll(&arg(args, 0)?)?;
    let items = keys_of(&arg(args, 1)?)?;
    match &mut *h.write().map_err(conflict)? {
        Collection::HashSet(s) => s.extend(items),
        c @ (Collection::BTreeSet(_) | Collection::Ordered(_)) if matches!(c, Collection::Ordered(_)) || items.iter().any(|k| super::ordcoll::needs_order(&k.0)) => {
            super::ordcoll::convert_pending(c, items.into_iter().map(|k| (k.0, Value::Unit)).collect())?
        }
        Collection::BTreeSet(s) => s.extend(items),
        _ => return Err(not_a_set()),
    }
    Ok(Value::Unit)
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{BTreeSet as B, HashSet as H};
    r.func("HashSet::new", hash_new);
    r.func("HashSet::with_capacity", hash_new);
    r.func("HashSet::from", hash_from);
    r.func("HashSet::from_iter", hash_from);
    r.func("BTreeSet::new", btree_new);
    r.func("BTreeSet::from", btree_from);
    r.func("BTreeSet::from_iter", btree_from);
    r.func("__set_extend", extend);
    r.func("__btset_from", btree_from);
    let both: &[(&'static str, super::registry::NativeFn)] = &[
        ("insert", insert),
        ("replace", replace),
        ("contains", contains),
        ("get", get),
        ("remove", remove),
        ("take", take),
        ("len", map::len),
        ("is_empty", map::is_empty),
        ("clear", map::clear),
        ("iter", map::iter),
        ("into_iter", map::into_iter),
        ("drain", map::drain),
        ("extend", extend),
    ];
    for (name, f) in both {
        r.method(H, name, *f);
        r.method(B, name, *f);
    }
    for (i, name) in ["union", "intersection", "difference", "symmetric_difference"].into_iter().enumerate() {
        r.method_aux(H, name, set_op, i as u32);
        r.method_aux(B, name, set_op, i as u32);
    }
    for (i, name) in ["is_subset", "is_superset", "is_disjoint"].into_iter().enumerate() {
        r.method_aux(H, name, relation, i as u32);
        r.method_aux(B, name, relation, i as u32);
    }
    r.method(B, "first", map::first);
    r.method(B, "last", map::last);
    r.method(B, "pop_first", map::pop_first);
    r.method(B, "pop_last", map::pop_last);
    r.method(B, "range", map::range);
}
