//! Plain twins (`registry::PlainFn`) of the hottest natives: the common case of `push_str`,
//! `push` and `len` of a `String`, `get`, `insert` and `contains_key` of a `HashMap`, `push`
//! and `len` of a `Vec`, `String::new`, `HashMap::new`, `Vec::new`. The VM's fast call path
//! (`call::native_into`) runs such a twin before its native, without building the natives'
//! context and without a `NativeResult`: each does exactly what its native's own fast path
//! does for these arguments (the same reads and writes, the same handles cloned or moved),
//! and answers `None`, having changed nothing, in every other case (another kind of argument,
//! a borrow conflict), so that the native runs and reports it. A twin never moves its
//! receiver (`args[0]`) out of the window: the VM may lend it a bitwise copy of the receiver's
//! handle, uncounted (`call::site_plain_recv`), which it takes back after the twin.

use super::map::KeyRef;
use super::registry::{Kind, Registry};
use super::NativeId;
use super::util::{new_coll, new_vec, option_of};
use super::StdDefs;
use crate::value::{Collection, Key, KeyMap, Value};

/// `s.push_str(t)` of two distinct strings (`string::push_str`'s fast path).
fn str_push_str(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [s, t, ..] = &*args else { return None };
    push_str_to(s, t).then_some(Value::Unit)
}

/// The body of `str_push_str` on the receiver and the argument where they are: true having
/// appended string `t` to string `s`; false having changed nothing (not two distinct strings,
/// a borrow conflict). The dispatch loop runs it on `s.push_str(t)` with the receiver
/// borrowed in its register (`MovRecv` before a site whose cache holds this twin:
/// `call::STR_PUSH_STR`), without the twin's call.
#[inline(always)]
pub fn push_str_to(s: &Value, t: &Value) -> bool {
    let (Value::Str(a), Value::Str(b)) = (s, t) else { return false };
    if a.ptr_eq(b) {
        return false;
    }
    let Ok(t) = b.read() else { return false };
    let Ok(mut s) = a.write() else { return false };
    s.push_str(&t);
    true
}

/// `s.push(c)` (`string::push`'s fast path).
fn str_push(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [Value::Str(h), Value::Char(c), ..] = &*args else { return None };
    h.write().ok()?.push(*c);
    Some(Value::Unit)
}

/// `s.len()` (`string::len`'s fast path).
fn str_len(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let Some(Value::Str(h)) = args.first() else { return None };
    let n = h.read().ok()?.len();
    Some(Value::usize(n))
}

/// `m.get(&k)` of a `HashMap` (`map::get`'s fast path: the key hashed in place).
fn map_get(std: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [Value::Coll(h), k, ..] = &*args else { return None };
    let found = match &*h.read().ok()? {
        Collection::HashMap(m) => m.get(&KeyRef(k)).cloned(),
        _ => return None,
    };
    Some(option_of(std, found))
}

/// `m.contains_key(&k)` of a `HashMap` (`map::contains_key`'s fast path).
fn map_contains_key(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [Value::Coll(h), k, ..] = &*args else { return None };
    let found = match &*h.read().ok()? {
        Collection::HashMap(m) => m.contains_key(&KeyRef(k)),
        _ => return None,
    };
    Some(Value::Bool(found))
}

/// `m.insert(k, v)` of a `HashMap` (`map::insert`'s fast path: the key and the value move
/// out of their argument registers, which are temporaries).
fn map_insert(std: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [Value::Coll(h), k, v, ..] = args else { return None };
    let old = match &mut *h.write().ok()? {
        Collection::HashMap(m) => m.insert(Key(std::mem::take(k)), std::mem::take(v)),
        _ => return None,
    };
    Some(option_of(std, old))
}

/// `v.push(x)` (`vec::push`: the element is cloned from its register, as `raw_arg` does).
fn vec_push(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let [Value::Vec(h), x, ..] = &*args else { return None };
    h.write().ok()?.items.push(x.clone());
    Some(Value::Unit)
}

/// `v.len()` of a vector (`vec::len` through `vec::view`).
fn vec_len(_: &StdDefs, args: &mut [Value]) -> Option<Value> {
    let Some(Value::Vec(h)) = args.first() else { return None };
    let n = h.read().ok()?.items.len();
    Some(Value::usize(n))
}

fn string_new(_: &StdDefs, _: &mut [Value]) -> Option<Value> {
    Some(Value::str(String::new()))
}

fn hash_map_new(_: &StdDefs, _: &mut [Value]) -> Option<Value> {
    Some(new_coll(Collection::HashMap(KeyMap::default())))
}

fn vec_new(_: &StdDefs, _: &mut [Value]) -> Option<Value> {
    Some(new_vec(Vec::new()))
}

/// Attach the twins to their natives (after every module registered its natives).
pub fn register(r: &mut Registry) {
    r.plain_method(Kind::Str, "push_str", str_push_str);
    r.str_push_str = r.methods.get(&(Kind::Str, "push_str")).copied().unwrap_or(NativeId::MAX);
    r.plain_method(Kind::Str, "push", str_push);
    r.plain_method(Kind::Str, "len", str_len);
    r.plain_method(Kind::HashMap, "get", map_get);
    r.plain_method(Kind::HashMap, "contains_key", map_contains_key);
    r.plain_method(Kind::HashMap, "insert", map_insert);
    r.plain_method(Kind::Vec, "push", vec_push);
    r.plain_method(Kind::Vec, "len", vec_len);
    r.plain_func("String::new", string_new);
    r.plain_func("HashMap::new", hash_map_new);
    r.plain_func("Vec::new", vec_new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::registry::registry;

    /// Every twin is attached to the native it mirrors (a renamed native would leave its
    /// twin out silently).
    #[test]
    fn twins_are_attached() {
        let r = registry();
        let plain = |id: u32| r.defs[id as usize].plain.is_some();
        for (k, n) in [(Kind::Str, "push_str"), (Kind::Str, "push"), (Kind::Str, "len"), (Kind::HashMap, "get"), (Kind::HashMap, "contains_key"), (Kind::HashMap, "insert"), (Kind::Vec, "push"), (Kind::Vec, "len")] {
            assert!(plain(r.methods[&(k, n)]), "{n}");
        }
        for f in ["String::new", "HashMap::new", "Vec::new"] {
            assert!(plain(r.funcs[f]), "{f}");
        }
        assert_eq!(r.str_push_str, r.methods[&(Kind::Str, "push_str")]);
    }

    /// No twin is attached to a native that may discard elements of its receiver: the fast
    /// path that runs twins (`call::site_plain`) skips the drop glue such natives need.
    #[test]
    fn twins_discard_nothing() {
        let r = registry();
        for ((_, name), id) in &r.methods {
            if r.defs[*id as usize].plain.is_some() {
                assert!(!crate::vm::drop::discards(name), "{name}");
            }
        }
    }

    /// A twin answers `None` and changes nothing where its native has to report something.
    #[test]
    fn twins_leave_other_cases_to_the_native() {
        let s = Value::str("ab");
        let mut same = [s.clone(), s.clone()];
        assert!(str_push_str(&crate::builtins::tests::defs(), &mut same).is_none());
        let Value::Str(h) = &s else { unreachable!() };
        assert_eq!(*h.read().unwrap(), "ab");
        let _guard = h.write().unwrap();
        let mut args = [s.clone(), Value::Char('c')];
        assert!(str_push(&crate::builtins::tests::defs(), &mut args).is_none());
        assert!(str_len(&crate::builtins::tests::defs(), &mut args).is_none());
    }
}
