//! `Instant`, `Duration` and `SystemTime` as opaque `StdObj`s (exact `Debug` text such as
//! `1.5s`). `thread::sleep` sleeps the OS thread (the scheduler-aware sleep comes with the
//! concurrency work). Duration arithmetic: the methods `add`, `sub`, `mul`, `div`,
//! `checked_add`, `checked_sub`, `saturating_sub` (the VM maps `+`/`-`/`*`/`/` on native
//! values to these methods).

use super::object::{std_obj, StdObj};
use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeResult};
use crate::value::{FloatTy, IntTy, Value};
use std::time::{Duration, Instant, SystemTime};

fn dur(v: Duration) -> Value {
    StdObj::Duration(v).into_value()
}

fn dur_of(v: &Value) -> R<Duration> {
    match std_obj(&util::deref(v)?) {
        Some(StdObj::Duration(d)) => Ok(*d),
        _ => Err(util::type_error("Duration", v)),
    }
}

fn u64_arg(args: &[Value], i: usize) -> R<u64> {
    let w = util::wide_of(&arg(args, i)?)?;
    u64::try_from(w).map_err(|_| panic("overflow in Duration::new"))
}

fn now(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(StdObj::Instant(Instant::now()).into_value())
}

/// `Instant::elapsed` (a `Duration`) and `SystemTime::elapsed` (a `Result`, as
/// `duration_since`: `Err` when the clock went back past the time).
fn elapsed(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    match std_obj(&v) {
        Some(StdObj::Instant(i)) => Ok(dur(i.elapsed())),
        Some(StdObj::SystemTime(t)) => Ok(match t.elapsed() {
            Ok(d) => util::ok(cx, dur(d)),
            Err(e) => util::err(cx, dur(e.duration())),
        }),
        _ => Err(util::type_error("Instant", &v)),
    }
}

fn duration_since(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let w = arg(args, 1)?;
    match (std_obj(&v), std_obj(&w)) {
        (Some(StdObj::Instant(a)), Some(StdObj::Instant(b))) => Ok(dur(a.saturating_duration_since(*b))),
        (Some(StdObj::SystemTime(a)), Some(StdObj::SystemTime(b))) => Ok(match a.duration_since(*b) {
            Ok(d) => util::ok(cx, dur(d)),
            Err(e) => util::err(cx, dur(e.duration())),
        }),
        _ => Err(util::type_error("Instant", &v)),
    }
}

/// Constructors by `aux`: 0 from_secs, 1 from_millis, 2 from_micros, 3 from_nanos.
fn from_unit(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let n = u64_arg(args, 0)?;
    Ok(dur(match aux {
        0 => Duration::from_secs(n),
        1 => Duration::from_millis(n),
        2 => Duration::from_micros(n),
        _ => Duration::from_nanos(n),
    }))
}

fn from_secs_f64(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let f = util::float_of(&arg(args, 0)?)?;
    Duration::try_from_secs_f64(f)
        .map(dur)
        .map_err(|e| panic(format!("cannot convert float seconds to Duration: {}", e.to_string().trim_start_matches("cannot convert float seconds to Duration: "))))
}

fn new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = u64_arg(args, 0)?;
    let n = u64_arg(args, 1)?;
    let extra = n / 1_000_000_000;
    let secs = s.checked_add(extra).ok_or_else(|| panic("overflow in Duration::new"))?;
    Ok(dur(Duration::new(secs, (n % 1_000_000_000) as u32)))
}

fn u64v(n: u128) -> Value {
    Value::Int(n.min(u64::MAX as u128) as u64 as i64, IntTy::U64)
}

/// Accessors by `aux`: 0 as_secs, 1 as_millis, 2 as_micros, 3 as_nanos, 4 subsec_millis,
/// 5 subsec_micros, 6 subsec_nanos, 7 as_secs_f64, 8 as_secs_f32, 9 is_zero.
fn access(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let d = dur_of(&arg(args, 0)?)?;
    Ok(match aux {
        0 => u64v(d.as_secs() as u128),
        // Rust's `as_millis`/`as_micros`/`as_nanos` are `u128`.
        1 => Value::int128(d.as_millis(), IntTy::U128),
        2 => Value::int128(d.as_micros(), IntTy::U128),
        3 => Value::int128(d.as_nanos(), IntTy::U128),
        4 => Value::Int(d.subsec_millis() as i64, IntTy::U32),
        5 => Value::Int(d.subsec_micros() as i64, IntTy::U32),
        6 => Value::Int(d.subsec_nanos() as i64, IntTy::U32),
        7 => Value::Float(d.as_secs_f64(), FloatTy::F64),
        8 => Value::Float(d.as_secs_f32() as f64, FloatTy::F32),
        _ => Value::Bool(d.is_zero()),
    })
}

/// Arithmetic by `aux`: 0 add, 1 sub, 2 mul (u32), 3 div (u32), 4 checked_add, 5 checked_sub,
/// 6 saturating_sub, 7 saturating_add, 8 mul_f64, 9 div_f64.
fn arith(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let recv = arg(args, 0)?;
    // `instant ± d` and `system_time ± d` (and their `checked_` forms); `later - earlier` of
    // two instants is the Duration between (saturating, as std does since 1.60).
    let other = arg(args, 1)?;
    let shifted = match (std_obj(&recv), std_obj(&other)) {
        (Some(StdObj::Instant(i)), Some(StdObj::Instant(j))) if aux == 1 => return Ok(dur(i.saturating_duration_since(*j))),
        (Some(StdObj::Instant(i)), _) => {
            let d = dur_of(&other)?;
            Some(if matches!(aux, 0 | 4) { i.checked_add(d) } else { i.checked_sub(d) }.map(StdObj::Instant))
        }
        (Some(StdObj::SystemTime(t)), _) => {
            let d = dur_of(&other)?;
            Some(if matches!(aux, 0 | 4) { t.checked_add(d) } else { t.checked_sub(d) }.map(StdObj::SystemTime))
        }
        _ => None,
    };
    if let Some(r) = shifted {
        // (std's messages, the same for `SystemTime`.)
        return match (r, aux) {
            (Some(t), 4 | 5) => Ok(util::some(cx, t.into_value())),
            (None, 4 | 5) => Ok(util::none(cx)),
            (Some(t), _) => Ok(t.into_value()),
            (None, 0) => Err(panic("overflow when adding duration to instant")),
            (None, _) => Err(panic("overflow when subtracting duration from instant")),
        };
    }
    let a = dur_of(&recv)?;
    let b = || dur_of(&other);
    let k = || -> R<u32> { u32::try_from(util::wide_of(&other)?).map_err(|_| panic("type error: u32 expected")) };
    Ok(match aux {
        0 => dur(a.checked_add(b()?).ok_or_else(|| panic("overflow when adding durations"))?),
        1 => dur(a.checked_sub(b()?).ok_or_else(|| panic("overflow when subtracting durations"))?),
        2 => dur(a.checked_mul(k()?).ok_or_else(|| panic("overflow when multiplying duration by scalar"))?),
        3 => dur(a.checked_div(k()?).ok_or_else(|| panic("divide by zero error when dividing duration by scalar"))?),
        4 => util::option(cx, a.checked_add(b()?).map(dur)),
        5 => util::option(cx, a.checked_sub(b()?).map(dur)),
        6 => dur(a.saturating_sub(b()?)),
        7 => dur(a.saturating_add(b()?)),
        8 => dur(a.mul_f64(util::float_of(&other)?)),
        _ => dur(a.div_f64(util::float_of(&other)?)),
    })
}

fn sleep(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let d = dur_of(&arg(args, 0)?)?;
    std::thread::sleep(d.min(Duration::from_secs(3600)));
    Ok(Value::Unit)
}

fn system_now(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(StdObj::SystemTime(SystemTime::now()).into_value())
}

/// `a + b`, `a - b`, `a * n`, `a / n` with a `Duration` or `Instant` operand (`op` is the
/// operator's character); `None` when neither operand is one.
pub fn binop(cx: &mut NativeCx<'_>, op: char, a: &Value, b: &Value) -> Option<NativeResult> {
    let is_time = |v: &Value| matches!(std_obj(v), Some(StdObj::Duration(_) | StdObj::Instant(_) | StdObj::SystemTime(_)));
    if !is_time(a) && !is_time(b) {
        return None;
    }
    // `n * d`: scalar first.
    let (a, b) = if !is_time(a) && op == '*' { (b, a) } else { (a, b) };
    let aux = match op {
        '+' => 0,
        '-' => 1,
        '*' => 2,
        '/' => 3,
        _ => return Some(Err(panic(format!("cannot apply `{op}` to a Duration")))),
    };
    let mut args = [a.clone(), b.clone()];
    Some(arith(cx, &mut args, aux))
}

/// `UNIX_EPOCH` and `Duration::ZERO`/`MAX` and friends, for `misc::constant`.
pub fn constant(path: &str) -> Option<Value> {
    Some(match path {
        "Duration::ZERO" => dur(Duration::ZERO),
        "Duration::MAX" => dur(Duration::MAX),
        "Duration::SECOND" => dur(Duration::from_secs(1)),
        "Duration::MILLISECOND" => dur(Duration::from_millis(1)),
        "Duration::MICROSECOND" => dur(Duration::from_micros(1)),
        "Duration::NANOSECOND" => dur(Duration::from_nanos(1)),
        "time::UNIX_EPOCH" | "SystemTime::UNIX_EPOCH" | "UNIX_EPOCH" => StdObj::SystemTime(SystemTime::UNIX_EPOCH).into_value(),
        _ => return None,
    })
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Native as K;
    r.func("Instant::now", now);
    r.func("SystemTime::now", system_now);
    for (i, name) in ["from_secs", "from_millis", "from_micros", "from_nanos"].into_iter().enumerate() {
        r.func_owned(format!("Duration::{name}"), from_unit, i as u32);
    }
    r.func("Duration::from_secs_f64", from_secs_f64);
    r.func("Duration::from_secs_f32", from_secs_f64);
    r.func("Duration::new", new);
    r.func("thread::sleep", sleep);
    r.method(K, "elapsed", elapsed);
    r.method(K, "duration_since", duration_since);
    r.method(K, "saturating_duration_since", duration_since);
    for (i, name) in [
        "as_secs",
        "as_millis",
        "as_micros",
        "as_nanos",
        "subsec_millis",
        "subsec_micros",
        "subsec_nanos",
        "as_secs_f64",
        "as_secs_f32",
        "is_zero",
    ]
    .into_iter()
    .enumerate()
    {
        r.method_aux(K, name, access, i as u32);
    }
    for (i, name) in [
        "add",
        "sub",
        "mul",
        "div",
        "checked_add",
        "checked_sub",
        "saturating_sub",
        "saturating_add",
        "mul_f64",
        "div_f64",
    ]
    .into_iter()
    .enumerate()
    {
        r.method_aux(K, name, arith, i as u32);
    }
}
