//! Small intrinsics of the prelude (`__name` natives) that belong to no std type: `?`-like
//! plumbing of `try_fold`, `__collect_pair`, `__copy`, `__mem_replace`, `__option_content`,
//! `__empty_iter`, `__native_iterable`, `__is_fn`. The full list is in `mod.rs`.

use super::util::{self, arg, conflict, panic, raw_arg};
use super::{NativeCx, NativeResult};
use crate::types::Ty;
use crate::value::{Place, Value};
use std::sync::Arc;

/// `__try_is_break(&r)`: is `r` a `None` or an `Err` (the early exit of `try_fold`)?
fn try_is_break(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let r = arg(args, 0)?;
    Ok(Value::Bool(match (util::as_option(&r), util::as_result(&r)) {
        (Some(o), _) => o.is_none(),
        (_, Some(r)) => r.is_err(),
        _ => false,
    }))
}

/// `__try_unwrap(r)`: the content of `Some`/`Ok` (anything else as it is).
fn try_unwrap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let r = arg(args, 0)?;
    Ok(match (util::as_option(&r), util::as_result(&r)) {
        (Some(Some(v)), _) => v,
        (_, Some(Ok(v))) => v,
        _ => r,
    })
}

/// `__try_sample(&r)`: remembers which kind of `Try` value the closure returns.
fn try_sample(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    arg(args, 0)
}

/// `__try_wrap(v, sample)`: `Ok(v)` or `Some(v)`, like the sample (else like the hint).
fn try_wrap(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = raw_arg(args, 0)?;
    let sample = arg(args, 1)?;
    if util::as_result(&sample).is_some() {
        return Ok(util::ok(cx, v));
    }
    if util::as_option(&sample).is_some() {
        return Ok(util::some(cx, v));
    }
    Ok(match cx.hint.map(|h| h.deref()) {
        Some(Ty::Named(n, _)) if n == "Result" => util::ok(cx, v),
        _ => util::some(cx, v),
    })
}

/// `__collect_pair(left, right)`: `(A, B)` from two Vecs, by the hint `(A, B)`.
fn collect_pair(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let l = super::vec::items_of(&arg(args, 0)?)?;
    let r = super::vec::items_of(&arg(args, 1)?)?;
    let (ta, tb) = match cx.hint.map(|h| h.deref()) {
        Some(Ty::Tuple(ts)) if ts.len() == 2 => (ts.first().cloned(), ts.get(1).cloned()),
        _ => (None, None),
    };
    let a = super::collect::collect_into(cx, l, ta.as_ref())?;
    let b = super::collect::collect_into(cx, r, tb.as_ref())?;
    Ok(util::pair(a, b))
}

/// `__copy(x)`: the copy a `Copy` read makes (`copied()`).
fn copy(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::clone::copy_value(&arg(args, 0)?)
}

/// `__option_content(opt)`: `&mut` to the content of `Some`/`Ok`/`Err` (field 0).
fn option_content(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Adt(h) => {
            if h.read().map_err(conflict)?.fields.is_empty() {
                return Err(panic("called `Option::unwrap()` on a `None` value"));
            }
            Ok(Value::Ref(Arc::new(Place::Field(h, 0))))
        }
        Value::Tag(..) => Err(panic("called `Option::unwrap()` on a `None` value")),
        // An inline `Some`: `&mut` of its payload (an object) is the payload's handle.
        Value::SomeObj(h) => Ok(Value::Adt(h)),
        other => Err(util::type_error("Option", &other)),
    }
}

fn empty_iter(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(util::new_iter(Vec::new()))
}

/// `__native_iterable(&x)`: can natives enumerate `x` without running TERAS code?
fn native_iterable(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    Ok(Value::Bool(match &v {
        Value::Vec(_) | Value::Slice(_) | Value::Coll(_) | Value::Iter(_) | Value::Range(_) => true,
        Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => util::as_option(&v).is_some() || util::as_result(&v).is_some(),
        _ => false,
    }))
}

/// `__as_array(v)`: the Vec marked as a fixed-size array (`[T; N]::map`).
fn as_array(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    if let Value::Vec(h) = &v {
        h.write().map_err(conflict)?.is_array = true;
    }
    Ok(v)
}

/// `__is_fn(&x)`: is `x` a function or closure (a closure pattern)?
fn is_fn(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(matches!(arg(args, 0)?, Value::Func(_))))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__try_is_break", try_is_break);
    r.func("__try_unwrap", try_unwrap);
    r.func("__try_sample", try_sample);
    r.func("__try_wrap", try_wrap);
    r.func("__collect_pair", collect_pair);
    r.func("__copy", copy);
    r.func("__option_content", option_content);
    r.func("__empty_iter", empty_iter);
    r.func("__native_iterable", native_iterable);
    r.func("__is_fn", is_fn);
    r.func("__as_array", as_array);
    r.alias("__mem_replace", "mem::replace");
}
