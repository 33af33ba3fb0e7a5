//! Method resolution for call sites: the inline cache of a `CallSite` (one word per site:
//! the receiver's type id and the target, a bit for natives, one for a target found through
//! an `Rc`/`Arc`), and the look-up behind it by receiver type, through `Deref`, through
//! `Rc`, and by trait method.

use super::bytecode::CallSiteInfo;
use super::program::{tid, type_id_of, Program};
use super::call::Target;
use crate::builtins;
use crate::value::Value;
use std::sync::atomic::Ordering;

/// Marks a site cache entry whose target is a native (see `cache_bits`).
pub(super) const NATIVE_BIT: u64 = 1 << 31;

/// Resolve method `sym`/`name` for `recv` (already dereferenced), using the site's cache.
pub fn resolve_method(prog: &Program, site: &CallSiteInfo, sym: u32, name: &str, recv: &Value) -> Option<Target> {
    let t = receiver_type_id(recv);
    let c = site.cache.load(Ordering::Relaxed);
    if c & DEREF_ENTRY != 0 && t == tid::RC {
        // This site's methods are found through the `Rc`/`Arc` (see `resolve_derefed`); an
        // `Rc` has none of its own under this name (that depends on nothing but the name).
        return None;
    }
    if c != 0 && (c >> 32) as u32 == t + 1 {
        return Some(cached_target(c));
    }
    let target = lookup_method(prog, t, sym, name, recv)?;
    let low = cache_bits(target);
    // ADT receivers are cached by type id; natives by kind are cached too (same type id,
    // same native).
    site.cache.store(((t as u64 + 1) << 32) | low, Ordering::Relaxed);
    Some(target)
}

/// `type_id_of`, inlined for the receivers of most native method calls (strings, vectors,
/// integers: their type id is their tag's); out of line for the others.
#[inline]
pub(super) fn receiver_type_id(v: &Value) -> u32 {
    match v {
        Value::Str(_) => tid::STR,
        Value::Vec(_) | Value::Slice(_) => tid::VEC,
        Value::Int(_, t) => tid::int(*t),
        _ => type_id_of(v),
    }
}

/// The type id of a receiver whose kind alone tells it (a string, a vector or slice, an
/// integer below 128 bits, a std collection), read without a call; `None` for the others
/// (objects, references, cells, ...: `type_id_of` and the general path).
#[inline(always)]
pub(super) fn plain_type_id(v: &Value) -> Option<u32> {
    use crate::value::Collection;
    Some(match v {
        Value::Str(_) => tid::STR,
        Value::Vec(_) | Value::Slice(_) => tid::VEC,
        Value::Int(_, t) => tid::int(*t),
        Value::Coll(h) => match &*h.read().ok()? {
            Collection::HashMap(_) => tid::HASHMAP,
            Collection::HashSet(_) => tid::HASHSET,
            Collection::BTreeMap(_) => tid::BTREEMAP,
            Collection::BTreeSet(_) => tid::BTREESET,
            Collection::VecDeque(_) => tid::VECDEQUE,
            Collection::BinaryHeap(_) => tid::BINARYHEAP,
            Collection::Ordered(_) => return None,
        },
        _ => return None,
    })
}

/// The target a site cache entry holds in its low 32 bits (see `cache_bits`).
#[inline]
pub(super) fn cached_target(c: u64) -> Target {
    let low = c & 0xffff_ffff;
    if low & NATIVE_BIT != 0 {
        Target::Native((low & !NATIVE_BIT) as u32)
    } else {
        Target::Func(low as u32)
    }
}

/// The low 32 bits of a site cache entry for `target` (`NATIVE_BIT` marks a native).
#[inline]
pub(super) fn cache_bits(target: Target) -> u64 {
    match target {
        Target::Func(f) => f as u64,
        Target::Native(n) => n as u64 | NATIVE_BIT,
    }
}

/// The native a site's cache entry `c` found through an `Rc`/`Arc` whose content's type id is
/// `inner` (`resolve_derefed`'s hit, without reading the content): `None` for any other entry.
#[inline]
pub(super) fn cached_derefed_native(c: u64, inner: u32) -> Option<u32> {
    if c & DEREF_ENTRY != 0 && ((c >> 32) as u32 & 0x7fff_ffff) == inner.wrapping_add(1) {
        if let Target::Native(n) = cached_target(c) {
            return Some(n);
        }
    }
    None
}

/// Marks a site cache entry found through auto-deref: bits 32..63 hold the *inner* value's
/// type id + 1 (the outer value's lookup failed; see `resolve_method`).
pub(super) const DEREF_ENTRY: u64 = 1 << 63;

/// Resolve method `sym`/`name` for `inner`, the content of an `Rc`/`Arc` (or the target of
/// a reference) whose own lookup failed, using the site's cache (`c.lock()` on an
/// `Arc<Mutex<_>>` in a loop looks up once).
pub fn resolve_derefed(prog: &Program, site: &CallSiteInfo, sym: u32, name: &str, inner: &Value) -> Option<Target> {
    let t = type_id_of(inner);
    let c = site.cache.load(Ordering::Relaxed);
    if c & DEREF_ENTRY != 0 && ((c >> 32) as u32 & 0x7fff_ffff) == t + 1 {
        return Some(cached_target(c));
    }
    let target = lookup_method(prog, t, sym, name, inner)?;
    let low = cache_bits(target);
    if t < 0x7fff_ffff {
        // Relaxed: the cache word is read and written whole; any word a racing thread reads
        // is a valid entry or a miss (pairs with the loads of this function and of
        // `resolve_method`).
        site.cache.store(DEREF_ENTRY | ((t as u64 + 1) << 32) | low, Ordering::Relaxed);
    }
    Some(target)
}

/// A method call on an `Rc`/`Arc` at a site whose cache says its methods are found through
/// the pointer: the content and the target, without looking the `Rc` itself up (`None`: not
/// an `Rc`, or not such a site; take the general path).
pub fn resolve_through_rc(prog: &Program, site: &CallSiteInfo, sym: u32, name: &str, recv: &Value) -> Option<(Target, Value)> {
    // Relaxed: see `resolve_derefed`.
    if site.cache.load(Ordering::Relaxed) & DEREF_ENTRY == 0 {
        return None;
    }
    let inner = builtins::auto_deref(recv)?;
    let target = resolve_derefed(prog, site, sym, name, &inner)?;
    Some((target, inner))
}

/// Method lookup without cache: impls of the type (and blanket impls), then natives.
pub fn lookup_method(prog: &Program, t: u32, sym: u32, name: &str, recv: &Value) -> Option<Target> {
    if let Some(f) = prog.methods.get(&(t, sym)) {
        return Some(Target::Func(*f));
    }
    if let Some((_, plain)) = name.contains(':').then(|| name.rsplit_once("::")).flatten() {
        // `Trait::method(x)` for a type without that trait's impl: the plain method.
        let psym = prog.symbols.get(plain)?;
        return lookup_method(prog, t, psym, plain, recv);
    }
    if let Some(n) = builtins::method(recv, name) {
        return Some(Target::Native(n));
    }
    if let Some(f) = prog.methods.get(&(tid::ANY, sym)) {
        return Some(Target::Func(*f));
    }
    None
}
