//! Everything else: `process::exit`, `env::args`/`env::var`, `mem::swap`/`replace`/`take`,
//! `cmp::max`/`min`, the std constants (`i32::MAX`, `f64::consts::PI`...), the comparison
//! methods every value has (`cmp`, `partial_cmp`, `eq`, `lt`, `max`...), and small
//! intrinsics (`__panic`, `__needs_user_cmp`, `__type_name`).

use super::compare::{cmp_values, eq_values, needs_user_impl, partial_cmp_values};
use super::util::{self, arg, conflict, panic, raw_arg, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::heap::Heap;
use crate::value::{Collection, FloatTy, IntTy, Value, VecObj};
use std::cmp::Ordering;

/// Single-segment function names accepted as imports (`use std::process::exit; exit(1)`).
pub fn single_segment(name: &str) -> Option<&'static str> {
    Some(match name {
        "exit" => "process::exit",
        "args" => "env::args",
        "swap" => "mem::swap",
        "replace" => "mem::replace",
        "take" => "mem::take",
        "sleep" => "thread::sleep",
        "read_to_string" => "fs::read_to_string",
        "from_u32" => "char::from_u32",
        "from_digit" => "char::from_digit",
        "max" => "cmp::max",
        "min" => "cmp::min",
        _ => return None,
    })
}

fn exit(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (n, _) = util::int_of(&arg(args, 0)?)?;
    Err(NativeError::Exit(n as i32))
}

fn process_id(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Int(std::process::id() as i64, IntTy::U32))
}

fn args(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(util::new_iter(cx.args.iter().map(|a| Value::str(a.clone())).collect::<Vec<_>>()))
}

/// `__env_var(key) -> Option<String>`: the variable's value (the prelude's `std::env::var`
/// turns `None` into `Err(VarError::NotPresent)`; a value that is not Unicode counts as
/// absent).
fn var(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let name = util::str_of(&arg(args, 0)?)?;
    Ok(match std::env::var(name) {
        Ok(v) => util::some(cx, Value::str(v)),
        Err(_) => util::none(cx),
    })
}

/// The default of the same type as `v` (for `mem::take`/`Cell::take` without a type hint).
pub fn default_like(v: &Value) -> R<Value> {
    Ok(match v {
        Value::Unit => Value::Unit,
        Value::Bool(_) => Value::Bool(false),
        Value::Int(_, t) => Value::Int(0, *t),
        Value::Float(_, t) => Value::Float(0.0, *t),
        Value::Char(_) => Value::Char('\0'),
        Value::Str(_) => Value::str(""),
        Value::Vec(h) => {
            let o = h.read().map_err(conflict)?;
            if o.is_array {
                let items = o.items.iter().map(default_like).collect::<R<Vec<_>>>()?;
                Value::Vec(Heap::new(VecObj { items, is_array: true }))
            } else {
                util::new_vec(Vec::new())
            }
        }
        Value::Tuple(t) => {
            let items = t.read().map_err(conflict)?.iter().map(default_like).collect::<R<Vec<_>>>()?;
            Value::Tuple(Heap::new(items))
        }
        Value::Coll(c) => util::new_coll(match &*c.read().map_err(conflict)? {
            Collection::HashMap(_) => Collection::HashMap(Default::default()),
            Collection::HashSet(_) => Collection::HashSet(Default::default()),
            Collection::BTreeMap(_) => Collection::BTreeMap(Default::default()),
            Collection::BTreeSet(_) => Collection::BTreeSet(Default::default()),
            Collection::VecDeque(_) => Collection::VecDeque(Default::default()),
            Collection::BinaryHeap(_) => Collection::BinaryHeap(Vec::new()),
            Collection::Ordered(o) => Collection::Ordered(o.empty_like()),
        }),
        Value::Tag(def, _) if def.name == "Option" => Value::Tag(*def, util::NONE),
        Value::Tag(def, _) => return Err(panic(format!("type error: no default value known for `{}`", def.name))),
        Value::SomeObj(_) => match crate::value::some_def() {
            Some(def) => Value::Tag(def, util::NONE),
            None => return Err(panic("type error: no default value known for `Option`".to_string())),
        },
        Value::Adt(h) => {
            let o = h.read().map_err(conflict)?;
            if o.def.name == "Option" {
                util::adt(&o.def, util::NONE, vec![])
            } else {
                return Err(panic(format!("type error: no default value known for `{}`", o.def.name)));
            }
        }
        other => return Err(util::type_error("a type with a Default", other)),
    })
}

/// Exchange the contents of two heap objects of the same kind (for `&mut` to aggregates
/// passed as handles).
fn swap_objects(a: &Value, b: &Value) -> R<bool> {
    fn sw<T>(x: &Heap<T>, y: &Heap<T>) -> R<()> {
        if x.ptr_eq(y) {
            return Ok(());
        }
        let mut p = x.write().map_err(conflict)?;
        let mut q = y.write().map_err(conflict)?;
        std::mem::swap(&mut *p, &mut *q);
        Ok(())
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => sw(x, y)?,
        (Value::Vec(x), Value::Vec(y)) => sw(x, y)?,
        (Value::Tuple(x), Value::Tuple(y)) => sw(x, y)?,
        (Value::Adt(x), Value::Adt(y)) => sw(x, y)?,
        (Value::Coll(x), Value::Coll(y)) => sw(x, y)?,
        (Value::Cell(x), Value::Cell(y)) => sw(x, y)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// A fresh handle holding `v`'s current content (for `replace`/`take` on handles).
fn detach(v: &Value) -> R<Value> {
    let fresh = default_like(v).or_else(|_| super::clone::clone_value(v))?;
    if swap_objects(v, &fresh)? {
        Ok(fresh)
    } else {
        Err(panic("mem::take/replace needs a mutable place"))
    }
}

fn swap(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = raw_arg(args, 0)?;
    let b = raw_arg(args, 1)?;
    match (&a, &b) {
        (Value::Ref(p), Value::Ref(q)) => {
            let x = util::place_get(p)?;
            let y = util::place_get(q)?;
            util::place_set(p, y)?;
            util::place_set(q, x)?;
        }
        _ => {
            let (x, y) = (util::deref(&a)?, util::deref(&b)?);
            if !swap_objects(&x, &y)? {
                return Err(panic("mem::swap needs two mutable places"));
            }
        }
    }
    Ok(Value::Unit)
}

fn replace(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let dest = raw_arg(args, 0)?;
    let new = raw_arg(args, 1)?;
    match &dest {
        Value::Ref(p) => {
            let old = util::place_get(p)?;
            util::place_set(p, new)?;
            Ok(old)
        }
        _ => {
            let old = detach(&dest)?;
            if !swap_objects(&dest, &new)? {
                // A field-less variant held inline (`Value::Tag`) has no object to swap
                // with: the destination object takes its variant.
                if let (Value::Adt(_), Value::Tag(..) | Value::SomeObj(_)) = (&dest, &new) {
                    crate::vm::place::replace_contents(&dest, new).map_err(|e| panic(e.0))?;
                }
            }
            Ok(old)
        }
    }
}

fn take(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let dest = raw_arg(args, 0)?;
    let hint = cx.hint.cloned();
    match &dest {
        Value::Ref(p) => {
            let old = util::place_get(p)?;
            let d = match hint.as_ref().map(|h| super::collect::default_of(cx, h)).transpose()?.flatten() {
                Some(d) => d,
                None => default_like(&old)?,
            };
            util::place_set(p, d)?;
            Ok(old)
        }
        _ => detach(&dest),
    }
}

fn ordering_of(args: &[Value]) -> R<Ordering> {
    Ok(cmp_values(&arg(args, 0)?, &arg(args, 1)?))
}

fn cmp(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(util::ordering(cx, ordering_of(args)?))
}

fn partial_cmp(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let o = partial_cmp_values(&arg(args, 0)?, &arg(args, 1)?);
    Ok(util::option(cx, o.map(|o| util::ordering(cx, o))))
}

/// 0 eq, 1 ne, 2 lt, 3 le, 4 gt, 5 ge.
fn relation(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (a, b) = (arg(args, 0)?, arg(args, 1)?);
    Ok(Value::Bool(match aux {
        0 => eq_values(&a, &b),
        1 => !eq_values(&a, &b),
        _ => {
            let o = partial_cmp_values(&a, &b);
            match aux {
                2 => o == Some(Ordering::Less),
                3 => matches!(o, Some(Ordering::Less | Ordering::Equal)),
                4 => o == Some(Ordering::Greater),
                _ => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
            }
        }
    }))
}

/// `Ord::max` (aux 1) / `Ord::min` (aux 0): on ties `max` gives the second, `min` the first.
fn minmax(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (a, b) = (raw_arg(args, 0)?, raw_arg(args, 1)?);
    let o = cmp_values(&util::deref(&a)?, &util::deref(&b)?);
    Ok(match (aux, o) {
        (1, Ordering::Greater) => a,
        (1, _) => b,
        (_, Ordering::Greater) => b,
        _ => a,
    })
}

fn clamp(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, lo, hi) = (arg(args, 0)?, arg(args, 1)?, arg(args, 2)?);
    if cmp_values(&lo, &hi) == Ordering::Greater {
        return Err(panic("assertion failed: min <= max"));
    }
    Ok(if cmp_values(&x, &lo) == Ordering::Less {
        lo
    } else if cmp_values(&x, &hi) == Ordering::Greater {
        hi
    } else {
        x
    })
}

fn bool_to_string(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(util::bool_of(&arg(args, 0)?)?.to_string()))
}

fn bool_then_some(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let b = util::bool_of(&arg(args, 0)?)?;
    let v = raw_arg(args, 1)?;
    Ok(if b { util::some(cx, v) } else { util::none(cx) })
}

/// `__panic(msg)`.
fn panic_now(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Err(panic(util::str_of(&arg(args, 0)?)?))
}

/// `__needs_user_cmp(v, trait)`: does sorting/comparing `v`'s elements need user impls?
fn needs_user_cmp(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let tr = args.get(1).map(util::str_of).transpose()?.unwrap_or_else(|| "PartialOrd".into());
    Ok(Value::Bool(needs_user_impl(&v, &tr)))
}

fn type_name(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    Ok(Value::str(match &v {
        Value::Adt(h) => h.read().map_err(conflict)?.def.name.clone(),
        Value::Tag(d, _) => d.name.clone(),
        Value::SomeObj(_) => "Option".to_string(),
        other => util::describe(other).to_string(),
    }))
}

/// The std constants. `path` is canonical (see `canonical_paths`).
pub fn constant(path: &str) -> Option<Value> {
    let (ty, name) = path.rsplit_once("::")?;
    if let Some(t) = IntTy::from_name(ty) {
        return Some(match name {
            "MAX" => super::int::max_of(t),
            "MIN" => super::int::min_of(t),
            "BITS" => Value::Int(t.bits() as i64, IntTy::U32),
            _ => return None,
        });
    }
    let fty = match ty {
        "f64" | "consts" => FloatTy::F64,
        "f32" => FloatTy::F32,
        "char" => {
            return Some(Value::Char(match name {
                "MAX" => char::MAX,
                "REPLACEMENT_CHARACTER" => char::REPLACEMENT_CHARACTER,
                _ => return None,
            }))
        }
        _ => return super::time::constant(path).or_else(|| super::fs::constant(path)),
    };
    use std::f64::consts as c;
    let f = match name {
        "MAX" => f64::MAX,
        "MIN" => f64::MIN,
        "MIN_POSITIVE" => f64::MIN_POSITIVE,
        "EPSILON" => f64::EPSILON,
        "INFINITY" => f64::INFINITY,
        "NEG_INFINITY" => f64::NEG_INFINITY,
        "NAN" => f64::NAN,
        "PI" => c::PI,
        "TAU" => c::TAU,
        "E" => c::E,
        "SQRT_2" => c::SQRT_2,
        "LN_2" => c::LN_2,
        "LN_10" => c::LN_10,
        "LOG2_E" => c::LOG2_E,
        "LOG10_E" => c::LOG10_E,
        "LOG2_10" => c::LOG2_10,
        "LOG10_2" => c::LOG10_2,
        "FRAC_PI_2" => c::FRAC_PI_2,
        "FRAC_PI_3" => c::FRAC_PI_3,
        "FRAC_PI_4" => c::FRAC_PI_4,
        "FRAC_PI_6" => c::FRAC_PI_6,
        "FRAC_PI_8" => c::FRAC_PI_8,
        "FRAC_1_PI" => c::FRAC_1_PI,
        "FRAC_2_PI" => c::FRAC_2_PI,
        "FRAC_1_SQRT_2" => c::FRAC_1_SQRT_2,
        "FRAC_2_SQRT_PI" => c::FRAC_2_SQRT_PI,
        _ => return None,
    };
    Some(match fty {
        FloatTy::F64 => Value::Float(f, fty),
        FloatTy::F32 => {
            let g = match name {
                "MAX" => f32::MAX as f64,
                "MIN" => f32::MIN as f64,
                "MIN_POSITIVE" => f32::MIN_POSITIVE as f64,
                "EPSILON" => f32::EPSILON as f64,
                _ => f as f32 as f64,
            };
            Value::Float(g, fty)
        }
    })
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::{Any, Bool};
    r.func("process::exit", exit);
    r.func("env::args", args);
    r.func("process::id", process_id);
    r.func("__env_var", var);
    r.func("mem::swap", swap);
    r.func("mem::replace", replace);
    r.func("mem::take", take);
    r.func_aux("cmp::max", minmax, 1);
    r.func_aux("cmp::min", minmax, 0);
    r.func("Ord::cmp", cmp);
    r.func("PartialOrd::partial_cmp", partial_cmp);
    r.func_aux("PartialEq::eq", relation, 0);
    r.func_aux("PartialEq::ne", relation, 1);
    r.func("__panic", panic_now);
    r.func("__needs_user_cmp", needs_user_cmp);
    r.func("__type_name", type_name);
    r.method(Any, "cmp", cmp);
    r.method(Any, "partial_cmp", partial_cmp);
    for (i, name) in ["eq", "ne", "lt", "le", "gt", "ge"].into_iter().enumerate() {
        r.method_aux(Any, name, relation, i as u32);
    }
    r.method_aux(Any, "max", minmax, 1);
    r.method_aux(Any, "min", minmax, 0);
    r.method(Any, "clamp", clamp);
    r.method(Bool, "to_string", bool_to_string);
    r.method(Bool, "then_some", bool_then_some);
}
