//! The small std types sync natives construct, as objects of private definitions whose
//! `Debug` text is std's: `PoisonError { .. }`, `TryLockError::{Poisoned(..), WouldBlock}`
//! (std's Debug writes these two as quoted strings: `"WouldBlock"`),
//! `WaitTimeoutResult(bool)`, `BarrierWaitResult { is_leader: bool }`, and the five atomic
//! `Ordering`s. A unit-kind variant prints its name verbatim, so `PoisonError { .. }` is a
//! struct whose one variant is named that and keeps the guard in a hidden field.
//!
//! Their methods (`into_inner`, `get_ref`, `get_mut`, `timed_out`, `is_leader`) are natives
//! on `Value::Adt` receivers that hand any other receiver on (`sync::fallback`). Their type
//! id is `tid::NATIVE`, which has no impls, so method lookup reaches these natives.

use super::super::util::{self, raw_arg};
use super::super::{NativeCx, NativeError, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtDef, AdtObj, Value, VariantDef, VariantKind};
use std::sync::{Arc, OnceLock};

/// `vm::program::tid::NATIVE`: a type id with no impls.
const NATIVE_TID: u32 = 32;

fn def(name: &str, is_enum: bool, variants: &[(&str, VariantKind, &[&str])], derives: &[&str]) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.into(),
        is_enum,
        variants: variants
            .iter()
            .enumerate()
            .map(|(i, (n, k, f))| VariantDef {
                name: n.to_string(),
                kind: *k,
                fields: f.iter().map(|s| s.to_string()).collect(),
                discriminant: i as i64,
            })
            .collect(),
        is_copy: derives.contains(&"Copy"),
        derives: derives.iter().map(|s| s.to_string()).collect(),
        type_id: NATIVE_TID,
    })
}

macro_rules! lazy_def {
    ($name:ident, $e:expr) => {
        pub fn $name() -> &'static Arc<AdtDef> {
            static D: OnceLock<Arc<AdtDef>> = OnceLock::new();
            D.get_or_init(|| $e)
        }
    };
}

lazy_def!(storage_def, def("<lock storage>", false, &[("<lock storage>", VariantKind::Unit, &[])], &[]));
// Unit-kind variants print their name only; the hidden field is still declared, so that the
// VM's drop walk sees a live object and releases the guard inside.
lazy_def!(poison_def, def("PoisonError { .. }", false, &[("PoisonError { .. }", VariantKind::Unit, &["guard"])], &["Debug"]));
lazy_def!(
    try_lock_def,
    def("TryLockError", true, &[("\"Poisoned(..)\"", VariantKind::Unit, &["0"]), ("\"WouldBlock\"", VariantKind::Unit, &[])], &["Debug", "PartialEq"])
);
lazy_def!(
    timeout_def,
    def("WaitTimeoutResult", false, &[("WaitTimeoutResult", VariantKind::Tuple, &["0"])], &["Debug", "Clone", "Copy", "PartialEq", "Eq"])
);
lazy_def!(
    barrier_def,
    def("BarrierWaitResult", false, &[("BarrierWaitResult", VariantKind::Named, &["is_leader"])], &["Debug"])
);
lazy_def!(
    ordering_def,
    def(
        "Ordering",
        true,
        &[
            ("Relaxed", VariantKind::Unit, &[]),
            ("Release", VariantKind::Unit, &[]),
            ("Acquire", VariantKind::Unit, &[]),
            ("AcqRel", VariantKind::Unit, &[]),
            ("SeqCst", VariantKind::Unit, &[]),
        ],
        &["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash"]
    )
);

fn obj(def: &Arc<AdtDef>, variant: u32, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj { def: def.into(), variant, fields: fields.into() }))
}

/// `PoisonError` around `inner` (a guard, or the content for `into_inner`).
pub fn poison_error(inner: Value) -> Value {
    obj(poison_def(), 0, vec![inner])
}

/// Is `v` a `PoisonError` or a `TryLockError` (whose `Display` is std's: `display_text`)?
pub fn is_poison_error(v: &Value) -> bool {
    display_text(v).is_some()
}

/// std's `Display` text of a `PoisonError` or a `TryLockError` (`None` for anything else).
pub fn display_text(v: &Value) -> Option<&'static str> {
    const POISONED: &str = "poisoned lock: another task failed inside";
    if let Value::Tag(d, i) = v {
        let try_lock = d.is(try_lock_def());
        return try_lock.then_some(if *i == 0 { POISONED } else { "try_lock failed because the operation would block" });
    }
    let Value::Adt(h) = v else { return None };
    let o = h.read().ok()?;
    if o.def.is(poison_def()) {
        Some(POISONED)
    } else if o.def.is(try_lock_def()) {
        Some(if o.variant == 0 { POISONED } else { "try_lock failed because the operation would block" })
    } else {
        None
    }
}

/// `TryLockError::Poisoned(PoisonError(guard))`.
pub fn try_lock_poisoned(guard: Value) -> Value {
    obj(try_lock_def(), 0, vec![poison_error(guard)])
}

pub fn would_block() -> Value {
    obj(try_lock_def(), 1, vec![])
}

pub fn wait_timeout_result(timed_out: bool) -> Value {
    obj(timeout_def(), 0, vec![Value::Bool(timed_out)])
}

pub fn barrier_result(leader: bool) -> Value {
    obj(barrier_def(), 0, vec![Value::Bool(leader)])
}

/// `Ok(v)`, or `Err(PoisonError(v))` when `poisoned`.
pub fn lock_result(cx: &NativeCx<'_>, v: Value, poisoned: bool) -> Value {
    if poisoned {
        util::err(cx, poison_error(v))
    } else {
        util::ok(cx, v)
    }
}

/// The atomic orderings, in std's declaration order.
pub const ORDERINGS: [&str; 5] = ["Relaxed", "Release", "Acquire", "AcqRel", "SeqCst"];

pub fn ordering(i: usize) -> Value {
    obj(ordering_def(), i as u32, vec![])
}

/// The index in `ORDERINGS` of an atomic `Ordering` value.
pub fn ordering_index(v: &Value) -> Result<usize, NativeError> {
    let d = util::deref(v)?;
    if let Value::Tag(def, i) = &d {
        if def.is(ordering_def()) {
            return Ok(*i as usize);
        }
    }
    if let Value::Adt(h) = &d {
        if let Ok(o) = h.read() {
            if o.def.is(ordering_def()) {
                return Ok(o.variant as usize);
            }
        }
    }
    Err(util::type_error("std::sync::atomic::Ordering", &d))
}

/// `Ordering::SeqCst`... and `TryLockError::WouldBlock`, by canonical path.
pub fn constant(path: &str) -> Option<Value> {
    let (ty, name) = path.rsplit_once("::")?;
    let ty = ty.rsplit("::").next().unwrap_or(ty);
    match ty {
        "Ordering" => ORDERINGS.iter().position(|o| *o == name).map(ordering),
        "TryLockError" if name == "WouldBlock" => Some(would_block()),
        _ => None,
    }
}

/// The variant index of a tuple variant of these types named by `path` in a pattern
/// (`Err(TryLockError::Poisoned(e))`).
pub fn tuple_variant(path: &str) -> Option<u16> {
    let (ty, name) = path.rsplit_once("::")?;
    (ty.rsplit("::").next() == Some("TryLockError") && name == "Poisoned").then_some(0)
}

/// The fields of `v` when it is an object of `d`.
fn fields_of(v: &Value, d: &Arc<AdtDef>) -> Option<(u32, Vec<Value>)> {
    let Value::Adt(h) = util::deref(v).ok()?.untag().into_owned() else { return None };
    let o = h.read().ok()?;
    o.def.is(d).then(|| (o.variant, o.fields.to_vec()))
}

/// `PoisonError::into_inner` (aux 1) / `get_ref` / `get_mut` (aux 0): the guard or value
/// inside. `into_inner` moves a guard out into a new handle that takes over the lock (see
/// `sync::rehandle`), so the copy left in the dying `PoisonError` cannot keep it locked.
fn poison_inner(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match args.first().and_then(|v| fields_of(v, poison_def())) {
        Some((_, f)) => {
            let inner = f.into_iter().next().unwrap_or_default();
            Ok(if aux & 0xff == 1 { super::rehandle(&inner) } else { inner })
        }
        None => super::fallback(cx, args, aux, "PoisonError"),
    }
}

/// `WaitTimeoutResult::timed_out` / `BarrierWaitResult::is_leader`.
fn flag(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let d = if aux & 0xffff == 0 { timeout_def() } else { barrier_def() };
    match args.first().and_then(|v| fields_of(v, d)) {
        Some((_, f)) => Ok(f.into_iter().next().unwrap_or(Value::Bool(false))),
        None => super::fallback(cx, args, aux, if aux & 0xffff == 0 { "WaitTimeoutResult" } else { "BarrierWaitResult" }),
    }
}

/// `TryLockError::Poisoned(e)` called as a constructor (`From<PoisonError<T>>` is the
/// other way std builds one).
fn make_try_lock_poisoned(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(obj(try_lock_def(), 0, vec![raw_arg(args, 0)?]))
}

/// `__wait_timeout_result(b)`: for the prelude's `wait_timeout_while`.
fn make_timeout(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let b = matches!(util::deref(&raw_arg(args, 0)?)?, Value::Bool(true));
    Ok(wait_timeout_result(b))
}

pub fn register(r: &mut super::super::registry::Registry) {
    super::adt_method(r, "into_inner", poison_inner, 1);
    for name in ["get_ref", "get_mut"] {
        super::adt_method(r, name, poison_inner, 0);
    }
    super::adt_method(r, "timed_out", flag, 0);
    super::adt_method(r, "is_leader", flag, 1);
    r.func("__wait_timeout_result", make_timeout);
    r.func("TryLockError::Poisoned", make_try_lock_poisoned);
}
