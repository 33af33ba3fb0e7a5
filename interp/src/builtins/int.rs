//! Integer arithmetic with Rust's debug-build semantics, for the VM and for the integer
//! methods (`checked_add`, `pow`, `rem_euclid`, ...).
//!
//! Values are kept normalized: an `Int(bits, ty)` of a narrow type holds its value sign- or
//! zero-extended to i64; `u64`/`usize` hold their bits reinterpreted. Every operation here
//! takes normalized operands and returns a normalized result, or Rust's panic message.
//! Receivers of type `i128`/`u128` (which may be `Value::Wide`) are handed to `int128.rs`.

use super::util::{self, int_of, panic, wide_of, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::value::{FloatTy, IntTy, Value};

pub const ALL: [IntTy; 12] = [
    IntTy::I8,
    IntTy::I16,
    IntTy::I32,
    IntTy::I64,
    IntTy::Isize,
    IntTy::U8,
    IntTy::U16,
    IntTy::U32,
    IntTy::U64,
    IntTy::Usize,
    IntTy::I128,
    IntTy::U128,
];

/// The `IntTy` registered as a native's `aux`.
pub fn ty_of_aux(aux: u32) -> IntTy {
    ALL.get(aux as usize).copied().unwrap_or(IntTy::I32)
}

/// The `aux` of a type.
pub fn aux_of(ty: IntTy) -> u32 {
    ALL.iter().position(|t| *t == ty).unwrap_or(2) as u32
}

/// Truncate an i64 to `ty`'s width (the `as` cast between integer types).
#[inline]
pub fn norm(v: i64, ty: IntTy) -> i64 {
    let bits = ty.bits();
    if bits >= 64 {
        v
    } else if ty.signed() {
        (v << (64 - bits)) >> (64 - bits)
    } else {
        v & ((1i64 << bits) - 1)
    }
}

/// The mathematical value of a normalized integer.
#[inline]
pub fn wide(v: i64, ty: IntTy) -> i128 {
    if matches!(ty, IntTy::U64 | IntTy::Usize) {
        v as u64 as i128
    } else {
        v as i128
    }
}

/// The type's smallest value (`i128::MIN` for i128).
#[inline]
pub fn min_wide(ty: IntTy) -> i128 {
    match ty {
        IntTy::I128 => i128::MIN,
        _ => wide(ty.min(), ty),
    }
}
/// The type's largest value (for u128, capped at `i128::MAX`).
#[inline]
pub fn max_wide(ty: IntTy) -> i128 {
    match ty {
        IntTy::I128 | IntTy::U128 => i128::MAX,
        _ => wide(ty.max(), ty),
    }
}

/// Does the mathematical value `w` fit `ty`?
#[inline]
pub fn fits(w: i128, ty: IntTy) -> bool {
    w >= min_wide(ty) && w <= max_wide(ty)
}

/// `w` wrapped into `ty` (two's complement).
#[inline]
pub fn wrap(w: i128, ty: IntTy) -> i64 {
    norm(w as i64, ty)
}

#[inline]
fn checked(w: i128, ty: IntTy, msg: &str) -> Result<i64, NativeError> {
    if fits(w, ty) {
        Ok(w as i64)
    } else {
        Err(panic(msg))
    }
}

#[inline]
pub fn add(a: i64, b: i64, ty: IntTy) -> Result<i64, NativeError> {
    checked(wide(a, ty) + wide(b, ty), ty, "attempt to add with overflow")
}
#[inline]
pub fn sub(a: i64, b: i64, ty: IntTy) -> Result<i64, NativeError> {
    checked(wide(a, ty) - wide(b, ty), ty, "attempt to subtract with overflow")
}
#[inline]
pub fn mul(a: i64, b: i64, ty: IntTy) -> Result<i64, NativeError> {
    checked(wide(a, ty) * wide(b, ty), ty, "attempt to multiply with overflow")
}
#[inline]
pub fn div(a: i64, b: i64, ty: IntTy) -> Result<i64, NativeError> {
    if b == 0 {
        return Err(panic("attempt to divide by zero"));
    }
    checked(wide(a, ty) / wide(b, ty), ty, "attempt to divide with overflow")
}
#[inline]
pub fn rem(a: i64, b: i64, ty: IntTy) -> Result<i64, NativeError> {
    if b == 0 {
        return Err(panic("attempt to calculate the remainder with a divisor of zero"));
    }
    if ty.signed() && b == -1 && a == ty.min() {
        return Err(panic("attempt to calculate the remainder with overflow"));
    }
    Ok((wide(a, ty) % wide(b, ty)) as i64)
}
#[inline]
pub fn neg(a: i64, ty: IntTy) -> Result<i64, NativeError> {
    checked(-wide(a, ty), ty, "attempt to negate with overflow")
}
/// The shift amount, checked against the width (`attempt to shift left with overflow`).
#[inline]
fn shift_amount(b: i128, ty: IntTy, msg: &str) -> Result<u32, NativeError> {
    if b < 0 || b >= ty.bits() as i128 {
        Err(panic(msg))
    } else {
        Ok(b as u32)
    }
}
/// `a << b`; `b` is the shift amount's mathematical value (any integer type).
#[inline]
pub fn shl(a: i64, b: i128, ty: IntTy) -> Result<i64, NativeError> {
    let s = shift_amount(b, ty, "attempt to shift left with overflow")?;
    Ok(norm(a.wrapping_shl(s), ty))
}
#[inline]
pub fn shr(a: i64, b: i128, ty: IntTy) -> Result<i64, NativeError> {
    let s = shift_amount(b, ty, "attempt to shift right with overflow")?;
    Ok(norm((wide(a, ty) >> s) as i64, ty))
}
#[inline]
pub fn bitand(a: i64, b: i64, ty: IntTy) -> i64 {
    norm(a & b, ty)
}
#[inline]
pub fn bitor(a: i64, b: i64, ty: IntTy) -> i64 {
    norm(a | b, ty)
}
#[inline]
pub fn bitxor(a: i64, b: i64, ty: IntTy) -> i64 {
    norm(a ^ b, ty)
}
/// `!a`.
#[inline]
pub fn not(a: i64, ty: IntTy) -> i64 {
    norm(!a, ty)
}
/// Compare two normalized values of the same type.
#[inline]
pub fn cmp(a: i64, b: i64, ty: IntTy) -> std::cmp::Ordering {
    wide(a, ty).cmp(&wide(b, ty))
}

/// `v as to`, for `v` of type `from`.
#[inline]
pub fn cast_int(v: i64, from: IntTy, to: IntTy) -> i64 {
    let _ = from;
    norm(v, to)
}

/// `f as to`: saturating, NaN is 0 (Rust's semantics). For the 128-bit types this is the
/// result clamped to the compact range; `int128::cast_float` gives the whole value.
#[inline]
pub fn cast_float_to_int(f: f64, to: IntTy) -> i64 {
    use IntTy::*;
    match to {
        I8 => f as i8 as i64,
        I16 => f as i16 as i64,
        I32 => f as i32 as i64,
        I64 | Isize => f as i64,
        U8 => f as u8 as i64,
        U16 => f as u16 as i64,
        U32 => f as u32 as i64,
        U64 | Usize => f as u64 as i64,
        I128 => f as i64,
        U128 => (f as i64).max(0),
    }
}

/// `v as f64` / `v as f32` (f32 results rounded to f32 once).
#[inline]
pub fn int_to_float(v: i64, from: IntTy, to: FloatTy) -> f64 {
    let unsigned64 = matches!(from, IntTy::U64 | IntTy::Usize);
    match (to, unsigned64) {
        (FloatTy::F64, false) => v as f64,
        (FloatTy::F64, true) => v as u64 as f64,
        (FloatTy::F32, false) => v as f32 as f64,
        (FloatTy::F32, true) => v as u64 as f32 as f64,
    }
}

/// `i32::pow` and friends: the exact power, or `None` past i128.
fn exact_pow(base: i128, exp: u32) -> Option<i128> {
    base.checked_pow(exp)
}

fn wrapping_pow(a: i64, exp: u32, ty: IntTy) -> i64 {
    let mut result: i64 = 1;
    let mut base = a;
    let mut e = exp;
    while e > 0 {
        if e & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        e >>= 1;
    }
    norm(result, ty)
}

/// The overflow modes of the `checked_`/`wrapping_`/`saturating_`/`overflowing_` families.
#[derive(Clone, Copy)]
pub(super) enum Mode {
    Checked,
    Wrapping,
    Saturating,
    Overflowing,
}

#[derive(Clone, Copy)]
pub(super) enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Neg,
    Pow,
    Abs,
    Shl,
    Shr,
}

/// `aux` encodes mode * 16 + op.
fn encode(mode: Mode, op: Op) -> u32 {
    mode as u32 * 16 + op as u32
}

pub(super) fn decode(aux: u32) -> (Mode, Op) {
    let mode = match aux / 16 {
        0 => Mode::Checked,
        1 => Mode::Wrapping,
        2 => Mode::Saturating,
        _ => Mode::Overflowing,
    };
    let op = match aux % 16 {
        0 => Op::Add,
        1 => Op::Sub,
        2 => Op::Mul,
        3 => Op::Div,
        4 => Op::Rem,
        5 => Op::Neg,
        6 => Op::Pow,
        7 => Op::Abs,
        8 => Op::Shl,
        _ => Op::Shr,
    };
    (mode, op)
}

/// The family methods: `x.checked_add(y)`, `x.wrapping_neg()`, `x.overflowing_pow(e)`...
fn family(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (mode, op) = decode(aux);
    let (a, ty) = int_of(&util::arg(args, 0)?)?;
    let wa = wide(a, ty);
    let b = match op {
        Op::Neg | Op::Abs => 0i128,
        _ => wide_of(&util::arg(args, 1)?)?,
    };
    // exact: the mathematical result, None when it does not exist (division by zero) or
    // does not fit i128; wrapped: the two's complement result.
    let (exact, wrapped): (Option<i128>, Option<i64>) = match op {
        Op::Add => (Some(wa + b), None),
        Op::Sub => (Some(wa - b), None),
        Op::Mul => (Some(wa * b), None),
        Op::Div | Op::Rem if b == 0 => {
            return match mode {
                Mode::Checked => Ok(util::none(cx)),
                _ if matches!(op, Op::Div) => Err(panic("attempt to divide by zero")),
                _ => Err(panic("attempt to calculate the remainder with a divisor of zero")),
            };
        }
        Op::Div => (Some(wa / b), None),
        Op::Rem => {
            if ty.signed() && b == -1 && a == ty.min() {
                // i32::MIN % -1 overflows in Rust (the quotient does not fit)
                (None, Some(0))
            } else {
                (Some(wa % b), None)
            }
        }
        Op::Neg => (Some(-wa), None),
        Op::Abs => (Some(wa.abs()), None),
        Op::Pow => {
            let e = u32::try_from(b).unwrap_or(u32::MAX);
            (exact_pow(wa, e), Some(wrapping_pow(a, e, ty)))
        }
        Op::Shl | Op::Shr => {
            let bits = ty.bits() as i128;
            let s = (b.rem_euclid(bits)) as u32;
            let w = if matches!(op, Op::Shl) {
                norm(a.wrapping_shl(s), ty)
            } else {
                norm((wa >> s) as i64, ty)
            };
            let over = b < 0 || b >= bits;
            if over {
                (None, Some(w))
            } else {
                (Some(wide(w, ty)), Some(w))
            }
        }
    };
    let fits_exact = exact.filter(|e| fits(*e, ty));
    let wrapped = match (wrapped, exact) {
        (Some(w), _) => w,
        (None, Some(e)) => wrap(e, ty),
        (None, None) => 0,
    };
    let int = |v: i64| Value::Int(v, ty);
    Ok(match mode {
        Mode::Checked => util::option(cx, fits_exact.map(|e| int(e as i64))),
        Mode::Wrapping => int(wrapped),
        Mode::Overflowing => util::pair(int(wrapped), Value::Bool(fits_exact.is_none())),
        Mode::Saturating => match fits_exact {
            Some(e) => int(e as i64),
            None => {
                let positive = match (op, exact) {
                    (_, Some(e)) => e > 0,
                    // a power past i128: its sign is the base's sign for odd exponents
                    (Op::Pow, None) => wa > 0 || (b % 2 == 0),
                    _ => true,
                };
                int(if positive { ty.max() } else { ty.min() })
            }
        },
    })
}

fn recv(args: &[Value]) -> R<(i64, IntTy)> {
    int_of(&util::arg(args, 0)?)
}

fn other(args: &[Value], i: usize) -> R<i128> {
    wide_of(&util::arg(args, i)?)
}

fn pow(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let e = u32::try_from(other(args, 1)?).unwrap_or(u32::MAX);
    match exact_pow(wide(a, ty), e).filter(|w| fits(*w, ty)) {
        Some(w) => Ok(Value::Int(w as i64, ty)),
        None => Err(panic("attempt to multiply with overflow")),
    }
}

fn abs(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let w = wide(a, ty).abs();
    checked(w, ty, "attempt to negate with overflow").map(|v| Value::Int(v, ty))
}

fn unsigned_of(ty: IntTy) -> IntTy {
    use IntTy::*;
    match ty {
        I8 => U8,
        I16 => U16,
        I32 => U32,
        I64 => U64,
        Isize => Usize,
        t => t,
    }
}

fn unsigned_abs(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let u = unsigned_of(ty);
    Ok(Value::Int(wrap(wide(a, ty).abs(), u), u))
}

fn abs_diff(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let b = other(args, 1)?;
    let u = unsigned_of(ty);
    Ok(Value::Int(wrap((wide(a, ty) - b).abs(), u), u))
}

fn signum(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(Value::Int(wide(a, ty).signum() as i64, ty))
}

fn is_positive(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(Value::Bool(wide(a, ty) > 0))
}

fn is_negative(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(Value::Bool(wide(a, ty) < 0))
}

fn is_power_of_two(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let w = wide(a, ty);
    Ok(Value::Bool(w > 0 && (w & (w - 1)) == 0))
}

fn next_power_of_two(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let mut p: i128 = 1;
    while p < wide(a, ty) {
        p *= 2;
    }
    checked(p, ty, "attempt to add with overflow").map(|v| Value::Int(v, ty))
}

fn min(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let b = other(args, 1)?;
    Ok(Value::Int(wide(a, ty).min(b) as i64, ty))
}

fn max(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let b = other(args, 1)?;
    Ok(Value::Int(wide(a, ty).max(b) as i64, ty))
}

fn clamp(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let lo = other(args, 1)?;
    let hi = other(args, 2)?;
    if lo > hi {
        return Err(panic(format!("min > max. min = {lo}, max = {hi}")));
    }
    Ok(Value::Int(wide(a, ty).clamp(lo, hi) as i64, ty))
}

fn rem_euclid(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let b = other(args, 1)?;
    if b == 0 {
        return Err(panic("attempt to calculate the remainder with a divisor of zero"));
    }
    if ty.signed() && b == -1 && a == ty.min() {
        return Err(panic("attempt to calculate the remainder with overflow"));
    }
    Ok(Value::Int(wide(a, ty).rem_euclid(b) as i64, ty))
}

fn div_euclid(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let b = other(args, 1)?;
    if b == 0 {
        return Err(panic("attempt to divide by zero"));
    }
    checked(wide(a, ty).div_euclid(b), ty, "attempt to divide with overflow").map(|v| Value::Int(v, ty))
}

/// The value's bits as an unsigned number of the type's width.
fn bits_of(a: i64, ty: IntTy) -> u64 {
    if ty.bits() == 64 {
        a as u64
    } else {
        (a as u64) & ((1u64 << ty.bits()) - 1)
    }
}

fn u32v(n: u32) -> Value {
    Value::Int(n as i64, IntTy::U32)
}

fn count_ones(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(u32v(bits_of(a, ty).count_ones()))
}

fn count_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(u32v(ty.bits() - bits_of(a, ty).count_ones()))
}

fn leading_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(u32v(bits_of(a, ty).leading_zeros() - (64 - ty.bits())))
}

fn trailing_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(u32v(bits_of(a, ty).trailing_zeros().min(ty.bits())))
}

fn rotate(args: &[Value], left: bool) -> NativeResult {
    let (a, ty) = recv(args)?;
    let n = (other(args, 1)?.rem_euclid(ty.bits() as i128)) as u32;
    let bits = ty.bits();
    let x = bits_of(a, ty);
    let n = if left { n } else { (bits - n) % bits };
    let r = if n == 0 { x } else { (x << n) | (x >> (bits - n)) };
    Ok(Value::Int(norm(r as i64, ty), ty))
}

fn rotate_left(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, true)
}

fn rotate_right(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    rotate(args, false)
}

fn isqrt(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    let w = wide(a, ty);
    if w < 0 {
        return Err(panic("argument of integer square root cannot be negative"));
    }
    let mut r = (w as f64).sqrt() as i128;
    while r * r > w {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= w {
        r += 1;
    }
    Ok(Value::Int(r as i64, ty))
}

fn to_string(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, ty) = recv(args)?;
    Ok(Value::str(wide(a, ty).to_string()))
}

/// `i32::from_str_radix(s, radix)`, and `parse::<i32>()` (radix 10).
pub fn parse_int(s: &str, radix: u32, ty: IntTy) -> Result<Value, std::num::ParseIntError> {
    // Parse with Rust's own parser for exactly the error kinds and messages.
    use IntTy::*;
    Ok(Value::Int(match ty {
        I8 => i8::from_str_radix(s, radix)? as i64,
        I16 => i16::from_str_radix(s, radix)? as i64,
        I32 => i32::from_str_radix(s, radix)? as i64,
        I64 | Isize => i64::from_str_radix(s, radix)?,
        U8 => u8::from_str_radix(s, radix)? as i64,
        U16 => u16::from_str_radix(s, radix)? as i64,
        U32 => u32::from_str_radix(s, radix)? as i64,
        U64 | Usize => u64::from_str_radix(s, radix)? as i64,
        I128 | U128 => return super::int128::parse(s, radix, ty),
    }, ty))
}

fn from_str_radix(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let ty = ty_of_aux(aux);
    let s = util::str_of(&util::arg(args, 0)?)?;
    let radix = other(args, 1)?;
    if !(2..=36).contains(&radix) {
        return Err(panic(format!(
            "from_ascii_radix: radix must lie in the range `[2, 36]` - found {radix}"
        )));
    }
    Ok(match parse_int(&s, radix as u32, ty) {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, super::object::StdObj::ParseInt(e).into_value()),
    })
}

/// `i64::from(x)`, `u32::from(c)`, `u8::from(b)`: lossless conversions.
fn from(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let ty = ty_of_aux(aux);
    Ok(match util::arg(args, 0)? {
        v @ (Value::Int(..) | Value::Wide(..)) if ty.is_128() || super::int128::is_wide_int(&v) => {
            super::int128::cast_int(&v, ty).unwrap_or(Value::Unit)
        }
        Value::Int(n, t) => Value::Int(cast_int(n, t, ty), ty),
        Value::Char(c) => Value::Int(norm(c as i64, ty), ty),
        Value::Bool(b) => Value::Int(b as i64, ty),
        other => return Err(util::type_error("integer", &other)),
    })
}

/// `u8::try_from(x)`: `Result<u8, TryFromIntError>`.
fn try_from(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let ty = ty_of_aux(aux);
    let v = util::arg(args, 0)?;
    let fit = super::int128::try_fit(&v, ty).ok_or_else(|| util::type_error("integer", &v))?;
    Ok(if let Some(v) = fit {
        util::ok(cx, v)
    } else {
        let e = u8::try_from(300i32).err();
        match e {
            Some(e) => util::err(cx, super::object::StdObj::TryFromInt(e).into_value()),
            None => util::err(cx, Value::Unit),
        }
    })
}

/// `x.try_into()` with the target from the hint (`Result<u8, _>` or `u8`).
pub fn try_into(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    use crate::types::Ty;
    let target = match cx.hint.map(|h| h.deref()) {
        Some(Ty::Named(n, a)) if n == "Result" => a.first().cloned(),
        Some(t) => Some(t.clone()),
        None => None,
    };
    match target {
        Some(Ty::Int(t)) => try_from(cx, args, aux_of(t)),
        _ => {
            let v = util::arg(args, 0)?;
            Ok(util::ok(cx, v))
        }
    }
}

/// `T::MIN` (also the `MIN` constant).
pub fn min_of(ty: IntTy) -> Value {
    if ty.is_128() {
        super::int128::min_value(ty)
    } else {
        Value::Int(ty.min(), ty)
    }
}

/// `T::MAX` (also the `MAX` constant).
pub fn max_of(ty: IntTy) -> Value {
    if ty.is_128() {
        super::int128::max_value(ty)
    } else {
        Value::Int(ty.max(), ty)
    }
}

fn min_value(_: &mut NativeCx<'_>, _: &mut [Value], aux: u32) -> NativeResult {
    Ok(min_of(ty_of_aux(aux)))
}

fn max_value(_: &mut NativeCx<'_>, _: &mut [Value], aux: u32) -> NativeResult {
    Ok(max_of(ty_of_aux(aux)))
}

/// A native that hands a 128-bit receiver to `int128`'s function of the same name.
macro_rules! or_wide {
    ($name:ident) => {{
        fn f(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
            if args.first().is_some_and(|a| super::int128::is_wide_int(&util::deref(a).unwrap_or(Value::Unit))) {
                super::int128::$name(cx, args, aux)
            } else {
                $name(cx, args, aux)
            }
        }
        f
    }};
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Int;
    let ops = [
        ("add", Op::Add),
        ("sub", Op::Sub),
        ("mul", Op::Mul),
        ("div", Op::Div),
        ("rem", Op::Rem),
        ("neg", Op::Neg),
        ("pow", Op::Pow),
        ("abs", Op::Abs),
        ("shl", Op::Shl),
        ("shr", Op::Shr),
    ];
    let modes = [
        ("checked", Mode::Checked),
        ("wrapping", Mode::Wrapping),
        ("saturating", Mode::Saturating),
        ("overflowing", Mode::Overflowing),
    ];
    for (mname, mode) in modes {
        for (oname, op) in ops {
            let name: &'static str = Box::leak(format!("{mname}_{oname}").into_boxed_str());
            r.method_aux(Int, name, or_wide!(family), encode(mode, op));
        }
    }
    r.method(Int, "pow", or_wide!(pow));
    r.method(Int, "abs", or_wide!(abs));
    r.method(Int, "unsigned_abs", or_wide!(unsigned_abs));
    r.method(Int, "abs_diff", or_wide!(abs_diff));
    r.method(Int, "signum", or_wide!(signum));
    r.method(Int, "is_positive", or_wide!(is_positive));
    r.method(Int, "is_negative", or_wide!(is_negative));
    r.method(Int, "is_power_of_two", or_wide!(is_power_of_two));
    r.method(Int, "next_power_of_two", or_wide!(next_power_of_two));
    r.method(Int, "min", or_wide!(min));
    r.method(Int, "max", or_wide!(max));
    r.method(Int, "clamp", or_wide!(clamp));
    r.method(Int, "rem_euclid", or_wide!(rem_euclid));
    r.method(Int, "div_euclid", or_wide!(div_euclid));
    r.method(Int, "count_ones", or_wide!(count_ones));
    r.method(Int, "count_zeros", or_wide!(count_zeros));
    r.method(Int, "leading_zeros", or_wide!(leading_zeros));
    r.method(Int, "trailing_zeros", or_wide!(trailing_zeros));
    r.method(Int, "rotate_left", or_wide!(rotate_left));
    r.method(Int, "rotate_right", or_wide!(rotate_right));
    r.method(Int, "isqrt", or_wide!(isqrt));
    r.method(Int, "to_string", or_wide!(to_string));
    r.method(Int, "try_into", try_into);
    for ty in ALL {
        let n = ty.name();
        let aux = aux_of(ty);
        r.func_owned(format!("{n}::from_str_radix"), from_str_radix, aux);
        r.func_owned(format!("{n}::from"), from, aux);
        r.func_owned(format!("{n}::try_from"), try_from, aux);
        r.func_owned(format!("{n}::min_value"), min_value, aux);
        r.func_owned(format!("{n}::max_value"), max_value, aux);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IntTy::*;

    #[test]
    fn arithmetic_overflows_like_rust() {
        assert_eq!(add(250, 5, U8), Ok(255));
        assert_eq!(add(255, 1, U8), Err(panic("attempt to add with overflow")));
        assert_eq!(sub(0, 1, U32), Err(panic("attempt to subtract with overflow")));
        assert_eq!(mul(i32::MAX as i64, 2, I32), Err(panic("attempt to multiply with overflow")));
        assert_eq!(div(1, 0, I32), Err(panic("attempt to divide by zero")));
        assert_eq!(div(i32::MIN as i64, -1, I32), Err(panic("attempt to divide with overflow")));
        assert_eq!(
            rem(1, 0, I64),
            Err(panic("attempt to calculate the remainder with a divisor of zero"))
        );
        assert_eq!(rem(-7, 3, I32), Ok(-1));
        assert_eq!(neg(i8::MIN as i64, I8), Err(panic("attempt to negate with overflow")));
        assert_eq!(shl(1, 8, U8), Err(panic("attempt to shift left with overflow")));
        assert_eq!(shl(1, 7, U8), Ok(128));
        assert_eq!(shl(1, 7, I8), Ok(-128));
        assert_eq!(shr(-1, 60, U64), Ok(15));
        assert_eq!(shr(-16, 2, I32), Ok(-4));
        assert_eq!(add(-1, 0, U64), Ok(-1));
        assert_eq!(add(-1, 1, U64), Err(panic("attempt to add with overflow")));
        assert_eq!(not(0, U8), 255);
        assert_eq!(cmp(-1, 1, U64), std::cmp::Ordering::Greater);
    }

    #[test]
    fn casts_like_rust() {
        assert_eq!(cast_int(-1, I32, U8), 255);
        assert_eq!(cast_int(300, I32, U8), 44);
        assert_eq!(cast_int(-1, I32, U64), -1);
        assert_eq!(cast_int(200, U8, I8), -56);
        assert_eq!(cast_float_to_int(1e20, I32), i32::MAX as i64);
        assert_eq!(cast_float_to_int(-5.7, U8), 0);
        assert_eq!(cast_float_to_int(f64::NAN, I64), 0);
        assert_eq!(cast_float_to_int(-5.7, I32), -5);
        assert_eq!(int_to_float(-1, U64, FloatTy::F64), 18446744073709551615.0);
        assert_eq!(int_to_float(16777217, I32, FloatTy::F32), 16777216.0);
    }

    #[test]
    fn parse_errors_are_rusts() {
        let e = parse_int("12a", 10, I32).unwrap_err();
        assert_eq!(format!("{e:?}"), "ParseIntError { kind: InvalidDigit }");
        assert_eq!(e.to_string(), "invalid digit found in string");
        assert!(matches!(parse_int("ff", 16, U8), Ok(Value::Int(255, U8))));
        assert_eq!(parse_int("-1", 10, U64).unwrap_err().to_string(), "invalid digit found in string");
    }
}
