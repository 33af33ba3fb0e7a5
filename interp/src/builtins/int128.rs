//! `i128` and `u128`: the operators and the integer methods for values of these two types.
//!
//! Representation (see `value.rs`): a value of a 128-bit type that fits the compact range
//! (`i64` for i128, `0..=i64::MAX` for u128) is an ordinary `Value::Int`, so small 128-bit
//! integers run on the VM's integer fast path unchanged; a larger one is `Value::Wide` (its
//! 128 bits behind an `Arc`). Every result here is built with `Value::int128`, which picks
//! the canonical form, so equal values always have equal representations.
//!
//! The VM's slow paths (`vm/ops.rs`) and the integer natives (`int.rs`) hand every operation
//! whose type is `i128`/`u128` to this module, which computes it with Rust's own `i128`/`u128`
//! operations (debug-build overflow panics, `checked_`/`wrapping_`/`saturating_`/
//! `overflowing_` families).

use super::util::{self, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::value::{FloatTy, IntTy, Value};
use std::cmp::Ordering;

/// A value of type `i128` or `u128`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum W {
    I(i128),
    U(u128),
}

impl W {
    pub fn ty(self) -> IntTy {
        match self {
            W::I(_) => IntTy::I128,
            W::U(_) => IntTy::U128,
        }
    }
    /// The two's complement bits.
    pub fn bits(self) -> u128 {
        match self {
            W::I(v) => v as u128,
            W::U(v) => v,
        }
    }
    pub fn value(self) -> Value {
        Value::int128(self.bits(), self.ty())
    }
    /// `ty`'s value with these bits.
    pub fn from_bits(bits: u128, ty: IntTy) -> W {
        if ty == IntTy::U128 {
            W::U(bits)
        } else {
            W::I(bits as i128)
        }
    }
    fn is_zero(self) -> bool {
        self.bits() == 0
    }
    fn math(self) -> Math {
        match self {
            W::I(v) => Math::of_i128(v),
            W::U(v) => Math { neg: false, bits: v },
        }
    }
}

/// Is `v` an integer of type `i128`/`u128` (either representation)?
#[inline]
pub fn is_wide_int(v: &Value) -> bool {
    match v {
        Value::Int(_, t) => t.is_128(),
        Value::Wide(..) => true,
        _ => false,
    }
}

/// The 128-bit value of an `i128`/`u128` value (`None` for any other value).
pub fn of(v: &Value) -> Option<W> {
    match v {
        Value::Int(x, IntTy::I128) => Some(W::I(*x as i128)),
        Value::Int(x, IntTy::U128) => Some(W::U(*x as u64 as u128)),
        Value::Wide(b, IntTy::U128) => Some(W::U(**b)),
        Value::Wide(b, _) => Some(W::I(**b as i128)),
        _ => None,
    }
}

/// The bits of any integer, sign- or zero-extended to 128 (what `as i128`/`as u128` keeps).
pub fn ext_bits(v: &Value) -> Option<u128> {
    match v {
        Value::Int(x, IntTy::U64 | IntTy::Usize) => Some(*x as u64 as u128),
        Value::Int(x, IntTy::U128) => Some(*x as u64 as u128),
        Value::Int(x, _) => Some(*x as i128 as u128),
        Value::Wide(b, _) => Some(**b),
        _ => None,
    }
}

/// The mathematical value of any integer: negative values as i128, others as u128.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Math {
    pub neg: bool,
    pub bits: u128,
}

impl Math {
    pub fn of_i128(v: i128) -> Math {
        Math { neg: v < 0, bits: v as u128 }
    }
    pub fn of(v: &Value) -> Option<Math> {
        match v {
            Value::Int(x, IntTy::U64 | IntTy::Usize) => Some(Math { neg: false, bits: *x as u64 as u128 }),
            Value::Int(x, _) => Some(Math::of_i128(*x as i128)),
            _ => of(v).map(W::math),
        }
    }
    /// As an i128, saturating (a u128 above `i128::MAX` gives `i128::MAX`).
    pub fn to_i128_sat(self) -> i128 {
        if self.neg {
            self.bits as i128
        } else {
            i128::try_from(self.bits).unwrap_or(i128::MAX)
        }
    }
    /// Does the value fit `ty`?
    pub fn fits(self, ty: IntTy) -> bool {
        match ty {
            IntTy::U128 => !self.neg,
            IntTy::I128 => self.neg || self.bits <= i128::MAX as u128,
            t => {
                let w = self.to_i128_sat();
                w >= super::int::min_wide(t) && w <= super::int::max_wide(t)
            }
        }
    }
}

impl Ord for Math {
    fn cmp(&self, o: &Math) -> Ordering {
        match (self.neg, o.neg) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (true, true) => (self.bits as i128).cmp(&(o.bits as i128)),
            (false, false) => self.bits.cmp(&o.bits),
        }
    }
}

impl PartialOrd for Math {
    fn partial_cmp(&self, o: &Math) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// Compare two integers, at least one of them 128-bit, by mathematical value.
pub fn cmp_ints(a: &Value, b: &Value) -> Option<Ordering> {
    Some(Math::of(a)?.cmp(&Math::of(b)?))
}

/// The VM's `for i in a..b` / `a..=b` (`ForPrep`) when a bound is a `Wide` value: the
/// counter and the end in one 128-bit type, and whether the loop runs at all. `None` when
/// neither bound is a 128-bit integer (not this case).
pub fn for_prep(c: &Value, e: &Value, inclusive: bool) -> Option<(Value, Value, bool)> {
    if !matches!(c, Value::Wide(..)) && !matches!(e, Value::Wide(..)) {
        return None;
    }
    let ty = match (c, e) {
        (Value::Wide(_, t), _) | (_, Value::Wide(_, t)) => *t,
        _ => return None,
    };
    let c = cast_int(c, ty)?;
    let e = cast_int(e, ty)?;
    let go = match cmp_ints(&c, &e)? {
        Ordering::Less => true,
        Ordering::Equal => inclusive,
        Ordering::Greater => false,
    };
    Some((c, e, go))
}

/// The VM's `ForStep` when the counter or the end is a `Wide` value: the next counter, or
/// `None` when the loop ends (or the values are not 128-bit integers).
pub fn for_next(c: &Value, e: &Value, inclusive: bool) -> Option<Value> {
    if !matches!(c, Value::Wide(..)) && !matches!(e, Value::Wide(..)) {
        return None;
    }
    let w = of(c)?;
    if inclusive && cmp_ints(c, e)? != Ordering::Less {
        return None;
    }
    let next = Value::int128(w.bits().wrapping_add(1), w.ty());
    if !inclusive && cmp_ints(&next, e)? != Ordering::Less {
        return None;
    }
    Some(next)
}

/// `v as ty` for an integer `v` when `v` or `ty` is 128-bit.
pub fn cast_int(v: &Value, ty: IntTy) -> Option<Value> {
    let bits = ext_bits(v)?;
    Some(if ty.is_128() {
        Value::int128(bits, ty)
    } else {
        Value::Int(super::int::norm(bits as i64, ty), ty)
    })
}

/// `f as i128` / `f as u128`: saturating, NaN is 0.
pub fn cast_float(f: f64, ty: IntTy) -> Value {
    if ty == IntTy::U128 {
        W::U(f as u128).value()
    } else {
        W::I(f as i128).value()
    }
}

/// `v as f64` / `v as f32` for a 128-bit `v`.
pub fn to_float(w: W, to: FloatTy) -> f64 {
    match (w, to) {
        (W::I(v), FloatTy::F64) => v as f64,
        (W::U(v), FloatTy::F64) => v as f64,
        (W::I(v), FloatTy::F32) => v as f32 as f64,
        (W::U(v), FloatTy::F32) => v as f32 as f64,
    }
}

fn overflow_msg(what: &str) -> String {
    format!("attempt to {what} with overflow")
}

/// The binary operators on two 128-bit operands of one type (`b` is coerced to `a`'s type);
/// shifts take any integer as the amount. `Err` is Rust's panic message.
pub fn binary(op: crate::vm::bytecode::BinKind, a: &Value, b: &Value) -> Option<Result<Value, String>> {
    use crate::vm::bytecode::BinKind as B;
    // The type: the 128-bit operand's (shifts: the left operand's).
    let wa = match of(a) {
        Some(w) => w,
        None if matches!(op, B::Shl | B::Shr) => return None,
        None => W::from_bits(ext_bits(a)?, of(b)?.ty()),
    };
    let ty = wa.ty();
    if matches!(op, B::Shl | B::Shr) {
        let amount = Math::of(b)?;
        let s = if amount.neg || amount.bits >= 128 { None } else { Some(amount.bits as u32) };
        let Some(s) = s else {
            return Some(Err(overflow_msg(if op == B::Shl { "shift left" } else { "shift right" })));
        };
        let r = match (wa, op) {
            (W::I(x), B::Shl) => W::I(x << s),
            (W::U(x), B::Shl) => W::U(x << s),
            (W::I(x), _) => W::I(x >> s),
            (W::U(x), _) => W::U(x >> s),
        };
        return Some(Ok(r.value()));
    }
    let wb = W::from_bits(ext_bits(b)?, ty);
    if op.is_cmp() {
        let o = wa.math().cmp(&wb.math());
        return Some(Ok(Value::Bool(crate::vm::ops::cmp_holds(op, o))));
    }
    let r: Option<W> = match (wa, wb, op) {
        (_, _, B::Div) if wb.is_zero() => return Some(Err("attempt to divide by zero".into())),
        (_, _, B::Rem) if wb.is_zero() => {
            return Some(Err("attempt to calculate the remainder with a divisor of zero".into()))
        }
        (W::I(x), W::I(y), B::Add) => x.checked_add(y).map(W::I),
        (W::U(x), W::U(y), B::Add) => x.checked_add(y).map(W::U),
        (W::I(x), W::I(y), B::Sub) => x.checked_sub(y).map(W::I),
        (W::U(x), W::U(y), B::Sub) => x.checked_sub(y).map(W::U),
        (W::I(x), W::I(y), B::Mul) => x.checked_mul(y).map(W::I),
        (W::U(x), W::U(y), B::Mul) => x.checked_mul(y).map(W::U),
        (W::I(x), W::I(y), B::Div) => x.checked_div(y).map(W::I),
        (W::U(x), W::U(y), B::Div) => x.checked_div(y).map(W::U),
        (W::I(x), W::I(y), B::Rem) => x.checked_rem(y).map(W::I),
        (W::U(x), W::U(y), B::Rem) => x.checked_rem(y).map(W::U),
        (_, _, B::BitAnd) => Some(W::from_bits(wa.bits() & wb.bits(), ty)),
        (_, _, B::BitOr) => Some(W::from_bits(wa.bits() | wb.bits(), ty)),
        (_, _, B::BitXor) => Some(W::from_bits(wa.bits() ^ wb.bits(), ty)),
        _ => return None,
    };
    Some(match r {
        Some(w) => Ok(w.value()),
        None => Err(overflow_msg(match op {
            B::Add => "add",
            B::Sub => "subtract",
            B::Mul => "multiply",
            B::Div => "divide",
            _ => "calculate the remainder",
        })),
    })
}

/// `-v`.
pub fn neg(w: W) -> Result<Value, String> {
    match w {
        W::I(x) => x.checked_neg().map(|r| W::I(r).value()).ok_or_else(|| overflow_msg("negate")),
        W::U(0) => Ok(w.value()),
        W::U(_) => Err(overflow_msg("negate")),
    }
}

/// `!v`.
pub fn not(w: W) -> Value {
    W::from_bits(!w.bits(), w.ty()).value()
}

/// `s.parse::<i128>()` / `i128::from_str_radix(s, radix)`.
pub fn parse(s: &str, radix: u32, ty: IntTy) -> Result<Value, std::num::ParseIntError> {
    Ok(if ty == IntTy::U128 {
        W::U(u128::from_str_radix(s, radix)?).value()
    } else {
        W::I(i128::from_str_radix(s, radix)?).value()
    })
}

/// `i128::MIN`, `u128::MAX`.
pub fn min_value(ty: IntTy) -> Value {
    if ty == IntTy::U128 {
        W::U(0).value()
    } else {
        W::I(i128::MIN).value()
    }
}

pub fn max_value(ty: IntTy) -> Value {
    if ty == IntTy::U128 {
        W::U(u128::MAX).value()
    } else {
        W::I(i128::MAX).value()
    }
}

/// The value of a mathematical integer in `ty` (assumed to fit).
pub fn from_math(m: Math, ty: IntTy) -> Value {
    if ty.is_128() {
        Value::int128(m.bits, ty)
    } else {
        Value::Int(super::int::norm(m.bits as i64, ty), ty)
    }
}

// ---- The integer methods on a 128-bit receiver (`int.rs` hands them over). ----

fn recv(args: &[Value]) -> R<W> {
    let v = util::arg(args, 0)?;
    of(&v).ok_or_else(|| util::type_error("i128 or u128", &v))
}

/// Argument `i` as the receiver's type.
fn same(args: &[Value], i: usize, ty: IntTy) -> R<W> {
    let v = util::arg(args, i)?;
    ext_bits(&v).map(|b| W::from_bits(b, ty)).ok_or_else(|| util::type_error("integer", &v))
}

/// Argument `i` as a `u32` (exponents, shift and rotate amounts).
fn amount(args: &[Value], i: usize) -> R<u32> {
    let v = util::arg(args, i)?;
    let m = Math::of(&v).ok_or_else(|| util::type_error("integer", &v))?;
    Ok(if m.neg { u32::MAX } else { u32::try_from(m.bits).unwrap_or(u32::MAX) })
}

fn u32v(n: u32) -> Value {
    Value::Int(n as i64, IntTy::U32)
}

/// The `checked_`/`wrapping_`/`saturating_`/`overflowing_` families, `aux` as in `int.rs`.
pub fn family(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    use super::int::{decode, Mode, Op};
    let (mode, op) = decode(aux);
    let a = recv(args)?;
    let ty = a.ty();
    let (b, e) = match op {
        Op::Neg | Op::Abs => (W::from_bits(0, ty), 0),
        Op::Pow | Op::Shl | Op::Shr => (W::from_bits(0, ty), amount(args, 1)?),
        _ => (same(args, 1, ty)?, 0),
    };
    if matches!(op, Op::Div | Op::Rem) && b.is_zero() && !matches!(mode, Mode::Checked) {
        return Err(panic(if matches!(op, Op::Div) {
            "attempt to divide by zero"
        } else {
            "attempt to calculate the remainder with a divisor of zero"
        }));
    }
    macro_rules! run {
        ($t:ty, $x:expr, $y:expr, $wrap:path, $abs:expr, $pos:expr) => {{
            let (x, y) = ($x, $y);
            let zero: $t = 0;
            // (wrapped result, overflowed)
            let (w, o) = match op {
                Op::Add => x.overflowing_add(y),
                Op::Sub => x.overflowing_sub(y),
                Op::Mul => x.overflowing_mul(y),
                Op::Div | Op::Rem if y == zero => return Ok(util::none(cx)),
                Op::Div => x.overflowing_div(y),
                Op::Rem => x.overflowing_rem(y),
                Op::Neg => x.overflowing_neg(),
                Op::Pow => x.overflowing_pow(e),
                Op::Abs => $abs(x),
                Op::Shl => x.overflowing_shl(e),
                Op::Shr => x.overflowing_shr(e),
            };
            let sat = match op {
                Op::Add => x.checked_add(y).unwrap_or(if $pos(y) { <$t>::MAX } else { <$t>::MIN }),
                Op::Sub => x.checked_sub(y).unwrap_or(if $pos(y) { <$t>::MIN } else { <$t>::MAX }),
                Op::Mul => x.checked_mul(y).unwrap_or(if (x < zero) == (y < zero) { <$t>::MAX } else { <$t>::MIN }),
                Op::Pow => x.checked_pow(e).unwrap_or(if x < zero && e % 2 == 1 { <$t>::MIN } else { <$t>::MAX }),
                Op::Neg | Op::Abs | Op::Div if o => <$t>::MAX,
                _ => w,
            };
            ($wrap(w), o, $wrap(sat))
        }};
    }
    let (wrapped, over, sat) = match (a, b) {
        (W::I(x), W::I(y)) => run!(i128, x, y, W::I, |v: i128| v.overflowing_abs(), |v: i128| v > 0),
        (W::U(x), W::U(y)) => run!(u128, x, y, W::U, |v: u128| (v, false), |_: u128| true),
        _ => return Err(panic("internal error: mixed i128/u128 operands")),
    };
    Ok(match mode {
        Mode::Checked => util::option(cx, (!over).then(|| wrapped.value())),
        Mode::Wrapping => wrapped.value(),
        Mode::Overflowing => util::pair(wrapped.value(), Value::Bool(over)),
        Mode::Saturating => {
            if matches!(op, Op::Sub) && matches!(a, W::U(_)) && over {
                W::U(0).value()
            } else {
                sat.value()
            }
        }
    })
}

pub fn pow(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = recv(args)?;
    let e = amount(args, 1)?;
    let r = match a {
        W::I(x) => x.checked_pow(e).map(W::I),
        W::U(x) => x.checked_pow(e).map(W::U),
    };
    r.map(W::value).ok_or_else(|| panic("attempt to multiply with overflow"))
}

pub fn abs(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match recv(args)? {
        W::I(x) => x.checked_abs().map(|r| W::I(r).value()).ok_or_else(|| panic("attempt to negate with overflow")),
        w => Ok(w.value()),
    }
}

pub fn unsigned_abs(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(match recv(args)? {
        W::I(x) => W::U(x.unsigned_abs()).value(),
        w => w.value(),
    })
}

pub fn abs_diff(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = recv(args)?;
    Ok(match (a, same(args, 1, a.ty())?) {
        (W::I(x), W::I(y)) => W::U(x.abs_diff(y)).value(),
        (W::U(x), W::U(y)) => W::U(x.abs_diff(y)).value(),
        _ => return Err(panic("internal error: mixed i128/u128 operands")),
    })
}

pub fn signum(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(match recv(args)? {
        W::I(x) => W::I(x.signum()).value(),
        W::U(x) => W::U(u128::from(x != 0)).value(),
    })
}

pub fn is_positive(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let m = recv(args)?.math();
    Ok(Value::Bool(!m.neg && m.bits != 0))
}

pub fn is_negative(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(recv(args)?.math().neg))
}

pub fn is_power_of_two(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = recv(args)?;
    Ok(Value::Bool(!w.math().neg && w.bits().is_power_of_two()))
}

pub fn next_power_of_two(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = recv(args)?;
    let r = w.bits().checked_next_power_of_two().filter(|p| Math { neg: false, bits: *p }.fits(w.ty()));
    r.map(|p| W::from_bits(p, w.ty()).value()).ok_or_else(|| panic("attempt to add with overflow"))
}

pub fn min(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = recv(args)?;
    let b = same(args, 1, a.ty())?;
    Ok(if b.math() < a.math() { b } else { a }.value())
}

pub fn max(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = recv(args)?;
    let b = same(args, 1, a.ty())?;
    Ok(if b.math() > a.math() { b } else { a }.value())
}

pub fn clamp(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = recv(args)?;
    let lo = same(args, 1, a.ty())?;
    let hi = same(args, 2, a.ty())?;
    if lo.math() > hi.math() {
        return Err(panic("assertion failed: min <= max"));
    }
    Ok(if a.math() < lo.math() {
        lo
    } else if a.math() > hi.math() {
        hi
    } else {
        a
    }
    .value())
}

fn euclid(args: &[Value], div: bool) -> NativeResult {
    let a = recv(args)?;
    let b = same(args, 1, a.ty())?;
    if b.is_zero() {
        return Err(panic(if div {
            "attempt to divide by zero"
        } else {
            "attempt to calculate the remainder with a divisor of zero"
        }));
    }
    let r = match (a, b, div) {
        (W::I(x), W::I(y), true) => x.checked_div_euclid(y).map(W::I),
        (W::I(x), W::I(y), false) => x.checked_rem_euclid(y).map(W::I),
        (W::U(x), W::U(y), true) => Some(W::U(x / y)),
        (W::U(x), W::U(y), false) => Some(W::U(x % y)),
        _ => None,
    };
    r.map(W::value).ok_or_else(|| {
        panic(if div { "attempt to divide with overflow" } else { "attempt to calculate the remainder with overflow" })
    })
}

pub fn rem_euclid(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    euclid(args, false)
}

pub fn div_euclid(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    euclid(args, true)
}

pub fn count_ones(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(u32v(recv(args)?.bits().count_ones()))
}

pub fn count_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(u32v(recv(args)?.bits().count_zeros()))
}

pub fn leading_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(u32v(recv(args)?.bits().leading_zeros()))
}

pub fn trailing_zeros(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(u32v(recv(args)?.bits().trailing_zeros()))
}

pub fn rotate_left(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = recv(args)?;
    Ok(W::from_bits(w.bits().rotate_left(amount(args, 1)? % 128), w.ty()).value())
}

pub fn rotate_right(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = recv(args)?;
    Ok(W::from_bits(w.bits().rotate_right(amount(args, 1)? % 128), w.ty()).value())
}

pub fn isqrt(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = recv(args)?;
    if w.math().neg {
        return Err(panic("argument of integer square root cannot be negative"));
    }
    Ok(W::from_bits(w.bits().isqrt(), w.ty()).value())
}

pub fn to_string(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(match recv(args)? {
        W::I(x) => x.to_string(),
        W::U(x) => x.to_string(),
    }))
}

/// `u128::try_from(x)`-style range check, for `int.rs`'s `try_from`: the value in `ty` when
/// it fits.
pub fn try_fit(v: &Value, ty: IntTy) -> Option<Option<Value>> {
    let m = match v {
        Value::Char(c) => Math { neg: false, bits: u128::from(u32::from(*c)) },
        v => Math::of(v)?,
    };
    Some(m.fits(ty).then(|| from_math(m, ty)))
}

/// Errors from this module never leave a native as anything but a panic.
pub fn err(m: String) -> NativeError {
    panic(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::bytecode::BinKind as B;

    fn ok(r: Option<Result<Value, String>>) -> W {
        match r {
            Some(Ok(v)) => of(&v).unwrap_or(W::I(-999)),
            _ => W::I(-999),
        }
    }

    #[test]
    fn arithmetic_promotes_and_overflows_like_rust() {
        let big = W::I(i64::MAX as i128).value();
        let one = Value::Int(1, IntTy::I128);
        assert_eq!(ok(binary(B::Add, &big, &one)), W::I(i64::MAX as i128 + 1));
        let umax = W::U(u128::MAX).value();
        let u1 = Value::Int(1, IntTy::U128);
        assert!(matches!(binary(B::Add, &umax, &u1), Some(Err(m)) if m == "attempt to add with overflow"));
        assert_eq!(ok(binary(B::Shl, &u1, &Value::Int(100, IntTy::I32))), W::U(1 << 100));
        assert_eq!(ok(binary(B::Sub, &Value::Int(0, IntTy::I128), &W::I(i128::MAX).value())), W::I(-i128::MAX));
        assert!(matches!(binary(B::Lt, &u1, &umax), Some(Ok(Value::Bool(true)))));
        assert!(matches!(neg(W::I(i128::MIN)), Err(m) if m == "attempt to negate with overflow"));
        assert_eq!(of(&not(W::U(0))), Some(W::U(u128::MAX)));
    }

    #[test]
    fn casts_and_ranges() {
        assert!(matches!(cast_int(&Value::Int(-1, IntTy::I32), IntTy::U128), Some(Value::Wide(..))));
        assert!(matches!(cast_int(&Value::Int(-1, IntTy::U64), IntTy::I128), Some(Value::Wide(..))));
        assert!(matches!(cast_int(&W::U(u128::MAX).value(), IntTy::U8), Some(Value::Int(255, IntTy::U8))));
        assert!(Math::of(&W::U(u128::MAX).value()).is_some_and(|m| !m.fits(IntTy::I128)));
        assert_eq!(cmp_ints(&Value::Int(-1, IntTy::I128), &W::I(i128::MAX).value()), Some(Ordering::Less));
        assert!(parse("340282366920938463463374607431768211456", 10, IntTy::U128).is_err());
    }
}
