//! Arithmetic, comparison and cast semantics of the VM (the slow paths; the dispatch loop
//! inlines the same-type integer fast path).
//!
//! Integers follow a Rust debug build: overflow panics with Rust's message. When the two
//! operands have different integer types, one of them came from an unsuffixed literal the
//! compiler defaulted to i32: the non-i32 type wins (for floats, f32 wins over f64).

use super::bytecode::{BinKind, CastTo};
use crate::value::{FloatTy, IntTy, Value};
use std::cmp::Ordering;

/// Result of an integer op: the value, or Rust's panic message.
pub type OpResult = Result<Value, String>;

fn overflow(op: BinKind) -> String {
    let what = match op {
        BinKind::Add => "add",
        BinKind::Sub => "subtract",
        BinKind::Mul => "multiply",
        BinKind::Div => "divide",
        BinKind::Rem => "calculate the remainder",
        BinKind::Shl => "shift left",
        BinKind::Shr => "shift right",
        _ => "compute",
    };
    format!("attempt to {what} with overflow")
}

/// Keep `r` if it is in `ty`'s range.
#[inline]
fn fit(r: i64, ty: IntTy) -> Option<i64> {
    if r < ty.min() || r > ty.max() {
        None
    } else {
        Some(r)
    }
}

/// Wrap `r` into `ty`'s range (truncation, as `as` does).
#[inline]
pub fn wrap(r: i64, ty: IntTy) -> i64 {
    match ty {
        IntTy::I8 => r as i8 as i64,
        IntTy::I16 => r as i16 as i64,
        IntTy::I32 => r as i32 as i64,
        IntTy::U8 => r as u8 as i64,
        IntTy::U16 => r as u16 as i64,
        IntTy::U32 => r as u32 as i64,
        IntTy::I64 | IntTy::Isize | IntTy::U64 | IntTy::Usize | IntTy::I128 | IntTy::U128 => r,
    }
}

#[inline]
fn is_u64(ty: IntTy) -> bool {
    matches!(ty, IntTy::U64 | IntTy::Usize)
}

#[inline]
fn is_i64(ty: IntTy) -> bool {
    matches!(ty, IntTy::I64 | IntTy::Isize)
}

/// Range of each integer type for the fast path (64-bit unsigned limited to `i64::MAX`:
/// larger values take the slow path; i128/u128 limited to their compact range).
const FAST_MIN: [i64; 12] = [i8::MIN as i64, i16::MIN as i64, i32::MIN as i64, i64::MIN, i64::MIN, 0, 0, 0, 0, 0, i64::MIN, 0];
const FAST_MAX: [i64; 12] = [
    i8::MAX as i64,
    i16::MAX as i64,
    i32::MAX as i64,
    i64::MAX,
    i64::MAX,
    u8::MAX as i64,
    u16::MAX as i64,
    u32::MAX as i64,
    i64::MAX,
    i64::MAX,
    i64::MAX,
    i64::MAX,
];

/// `+ - * / % & | ^` when the result stays in range (and, for u64/usize, operands and result
/// below 2^63, where signed and unsigned arithmetic agree); `None` means "use `int_op`"
/// (which also reports division by zero and `MIN / -1`: `checked_div`/`checked_rem` say
/// `None` for both, and a narrower type's `MIN / -1` leaves its range).
#[inline(always)]
pub fn fast_arith(op: BinKind, a: i64, b: i64, ty: IntTy) -> Option<i64> {
    let r = match op {
        BinKind::Add => a.checked_add(b)?,
        BinKind::Sub => a.checked_sub(b)?,
        BinKind::Mul => a.checked_mul(b)?,
        BinKind::Div => a.checked_div(b)?,
        // `MIN % -1` overflows in Rust for every signed type (in an i64 it is 0).
        BinKind::Rem if b != -1 => a.checked_rem(b)?,
        BinKind::BitAnd => a & b,
        BinKind::BitOr => a | b,
        BinKind::BitXor => a ^ b,
        _ => return None,
    };
    let t = ty as usize;
    if r >= FAST_MIN[t] && r <= FAST_MAX[t] && (FAST_MIN[t] < 0 || (a >= 0 && b >= 0)) {
        Some(r)
    } else {
        None
    }
}

#[inline(always)]
fn in_fast_range(r: i64, a: i64, b: i64, ty: IntTy) -> bool {
    let t = ty as usize;
    r >= FAST_MIN[t] && r <= FAST_MAX[t] && (FAST_MIN[t] < 0 || (a >= 0 && b >= 0))
}

/// `a + b` on the fast path.
#[inline(always)]
pub fn fast_add(a: i64, b: i64, ty: IntTy) -> Option<i64> {
    let r = a.checked_add(b)?;
    in_fast_range(r, a, b, ty).then_some(r)
}

/// `a - b` on the fast path.
#[inline(always)]
pub fn fast_sub(a: i64, b: i64, ty: IntTy) -> Option<i64> {
    let r = a.checked_sub(b)?;
    in_fast_range(r, a, b, ty).then_some(r)
}

/// A comparison of two integers of one type.
#[inline(always)]
pub fn fast_cmp(op: BinKind, a: i64, b: i64, ty: IntTy) -> bool {
    let o = if is_u64(ty) { (a as u64).cmp(&(b as u64)) } else { a.cmp(&b) };
    cmp_holds(op, o)
}

/// Checked integer arithmetic (`None` on overflow); comparisons return `Bool`.
#[inline]
pub fn int_op(op: BinKind, a: i64, b: i64, ty: IntTy) -> Option<Value> {
    if ty.is_128() {
        return wide_int_op(op, a, b, ty);
    }
    let r = match op {
        BinKind::Add => {
            if is_u64(ty) {
                (a as u64).checked_add(b as u64)? as i64
            } else if is_i64(ty) {
                a.checked_add(b)?
            } else {
                fit(a + b, ty)?
            }
        }
        BinKind::Sub => {
            if is_u64(ty) {
                (a as u64).checked_sub(b as u64)? as i64
            } else if is_i64(ty) {
                a.checked_sub(b)?
            } else {
                fit(a - b, ty)?
            }
        }
        BinKind::Mul => {
            if is_u64(ty) {
                (a as u64).checked_mul(b as u64)? as i64
            } else {
                fit(a.checked_mul(b)?, ty)?
            }
        }
        BinKind::Div => {
            if b == 0 {
                return None;
            }
            if is_u64(ty) {
                ((a as u64) / (b as u64)) as i64
            } else {
                fit(a.checked_div(b)?, ty)?
            }
        }
        BinKind::Rem => {
            if b == 0 {
                return None;
            }
            if is_u64(ty) {
                ((a as u64) % (b as u64)) as i64
            } else {
                if a == ty.min() && b == -1 && ty.signed() {
                    return None;
                }
                a.checked_rem(b)?
            }
        }
        BinKind::BitAnd => a & b,
        BinKind::BitOr => a | b,
        BinKind::BitXor => wrap(a ^ b, ty),
        BinKind::Shl => {
            if b < 0 || b >= ty.bits() as i64 {
                return None;
            }
            wrap(((a as u64) << b) as i64, ty)
        }
        BinKind::Shr => {
            if b < 0 || b >= ty.bits() as i64 {
                return None;
            }
            if ty.signed() {
                a >> b
            } else {
                ((a as u64) >> b) as i64
            }
        }
        BinKind::Eq => return Some(Value::Bool(a == b)),
        BinKind::Ne => return Some(Value::Bool(a != b)),
        BinKind::Lt | BinKind::Le | BinKind::Gt | BinKind::Ge => {
            let o = if is_u64(ty) { (a as u64).cmp(&(b as u64)) } else { a.cmp(&b) };
            return Some(Value::Bool(cmp_holds(op, o)));
        }
    };
    Some(Value::Int(r, ty))
}

/// `int_op` on two compact i128/u128 values (the result may need `Wide`).
#[cold]
fn wide_int_op(op: BinKind, a: i64, b: i64, ty: IntTy) -> Option<Value> {
    crate::builtins::int128::binary(op, &Value::Int(a, ty), &Value::Int(b, ty))?.ok()
}

/// Rust's message for a failed integer op.
pub fn int_op_error(op: BinKind, b: i64) -> String {
    match op {
        BinKind::Div if b == 0 => "attempt to divide by zero".into(),
        BinKind::Rem if b == 0 => "attempt to calculate the remainder with a divisor of zero".into(),
        _ => overflow(op),
    }
}

#[inline(always)]
pub fn cmp_holds(op: BinKind, o: Ordering) -> bool {
    match op {
        BinKind::Eq => o == Ordering::Equal,
        BinKind::Ne => o != Ordering::Equal,
        BinKind::Lt => o == Ordering::Less,
        BinKind::Le => o != Ordering::Greater,
        BinKind::Gt => o == Ordering::Greater,
        BinKind::Ge => o != Ordering::Less,
        _ => false,
    }
}

/// Unify the integer types of two operands (a defaulted i32 literal takes the other type).
#[inline]
pub fn unify_int(ta: IntTy, tb: IntTy) -> IntTy {
    if ta == IntTy::I32 {
        tb
    } else {
        ta
    }
}

/// `a op b` on two f64 values (the dispatch loop's fast path); `None` for the bit operators.
#[inline(always)]
pub fn fast_float(op: BinKind, a: f64, b: f64) -> Option<Value> {
    Some(match op {
        BinKind::Add => Value::Float(a + b, FloatTy::F64),
        BinKind::Sub => Value::Float(a - b, FloatTy::F64),
        BinKind::Mul => Value::Float(a * b, FloatTy::F64),
        BinKind::Div => Value::Float(a / b, FloatTy::F64),
        BinKind::Rem => Value::Float(a % b, FloatTy::F64),
        BinKind::Eq => Value::Bool(a == b),
        BinKind::Ne => Value::Bool(a != b),
        BinKind::Lt => Value::Bool(a < b),
        BinKind::Le => Value::Bool(a <= b),
        BinKind::Gt => Value::Bool(a > b),
        BinKind::Ge => Value::Bool(a >= b),
        _ => return None,
    })
}

fn float_op(op: BinKind, a: f64, b: f64, ty: FloatTy) -> Value {
    let r = match op {
        BinKind::Add => a + b,
        BinKind::Sub => a - b,
        BinKind::Mul => a * b,
        BinKind::Div => a / b,
        BinKind::Rem => a % b,
        BinKind::Eq => return Value::Bool(a == b),
        BinKind::Ne => return Value::Bool(a != b),
        BinKind::Lt => return Value::Bool(a < b),
        BinKind::Le => return Value::Bool(a <= b),
        BinKind::Gt => return Value::Bool(a > b),
        BinKind::Ge => return Value::Bool(a >= b),
        _ => f64::NAN,
    };
    Value::Float(if ty == FloatTy::F32 { r as f32 as f64 } else { r }, ty)
}

/// What a binary op on two values comes to, short of calling user code.
pub enum BinOutcome {
    Value(Value),
    /// The operands are not primitive: call the operator method (user impls).
    NeedsMethod,
}

/// Binary op on any values (after the fast path declined). References are looked through.
pub fn binary(op: BinKind, a: &Value, b: &Value) -> Result<BinOutcome, String> {
    if let Value::Ref(_) = a {
        let a2 = super::place::read_ref(a).map_err(|e| e.to_string())?;
        return binary(op, &a2, b);
    }
    if let Value::Ref(_) = b {
        let b2 = super::place::read_ref(b).map_err(|e| e.to_string())?;
        return binary(op, a, &b2);
    }
    let v = match (a, b) {
        (Value::Wide(..), Value::Int(..) | Value::Wide(..)) | (Value::Int(..), Value::Wide(..)) => {
            match crate::builtins::int128::binary(op, a, b) {
                Some(r) => r?,
                None => return Err(overflow(op)),
            }
        }
        (Value::Int(x, tx), Value::Int(y, ty)) => {
            let t = unify_int(*tx, *ty);
            // Shifts keep the left operand's type.
            let t = if matches!(op, BinKind::Shl | BinKind::Shr) { *tx } else { t };
            let (x, y) = (wrap(*x, t), *y);
            match int_op(op, x, y, t) {
                Some(v) => v,
                None => return Err(int_op_error(op, y)),
            }
        }
        (Value::Float(x, tx), Value::Float(y, ty)) => {
            let t = if *tx == FloatTy::F32 || *ty == FloatTy::F32 { FloatTy::F32 } else { FloatTy::F64 };
            float_op(op, *x, *y, t)
        }
        // A float literal against an integer cannot happen in Rust; an integer literal
        // defaulted where a float was meant: treat it as the float.
        (Value::Float(x, t), Value::Int(y, _)) => float_op(op, *x, *y as f64, *t),
        (Value::Int(x, _), Value::Float(y, t)) => float_op(op, *x as f64, *y, *t),
        (Value::Bool(x), Value::Bool(y)) => match op {
            BinKind::BitAnd => Value::Bool(x & y),
            BinKind::BitOr => Value::Bool(x | y),
            BinKind::BitXor => Value::Bool(x ^ y),
            _ if op.is_cmp() => Value::Bool(cmp_holds(op, x.cmp(y))),
            _ => return Ok(BinOutcome::NeedsMethod),
        },
        (Value::Char(x), Value::Char(y)) if op.is_cmp() => Value::Bool(cmp_holds(op, x.cmp(y))),
        (Value::Str(x), _) if op == BinKind::Add => {
            let mut s = x.read().map(|s| s.clone()).map_err(|_| "already borrowed".to_string())?;
            match b {
                Value::Str(y) => s.push_str(&y.read().map_err(|_| "already borrowed".to_string())?),
                Value::Char(c) => s.push(*c),
                _ => return Ok(BinOutcome::NeedsMethod),
            }
            Value::str(s)
        }
        (Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_), _)
        | (_, Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_))
        | (Value::Native(_), _)
        | (_, Value::Native(_)) => {
            return Ok(BinOutcome::NeedsMethod)
        }
        _ if op.is_cmp() => {
            if matches!(op, BinKind::Eq | BinKind::Ne) {
                Value::Bool(values_eq(a, b) == (op == BinKind::Eq))
            } else {
                match values_cmp(a, b) {
                    Some(o) => Value::Bool(cmp_holds(op, o)),
                    None => Value::Bool(false),
                }
            }
        }
        _ => return Ok(BinOutcome::NeedsMethod),
    };
    Ok(BinOutcome::Value(v))
}

/// Structural equality (derived `PartialEq`).
pub fn values_eq(a: &Value, b: &Value) -> bool {
    crate::vm::values::eq(a, b)
}

/// Structural ordering (derived `PartialOrd`).
pub fn values_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    crate::vm::values::cmp(a, b)
}

/// `-v`.
pub fn neg(v: &Value) -> OpResult {
    if let Some(w) = crate::builtins::int128::of(v) {
        return crate::builtins::int128::neg(w);
    }
    match v {
        Value::Int(x, t) => {
            if !t.signed() {
                return Err("attempt to negate with overflow".into());
            }
            match x.checked_neg().and_then(|r| fit(r, *t)) {
                Some(r) => Ok(Value::Int(r, *t)),
                None => Err("attempt to negate with overflow".into()),
            }
        }
        Value::Float(x, t) => Ok(Value::Float(-x, *t)),
        Value::Ref(_) => neg(&super::place::read_ref(v).map_err(|e| e.to_string())?),
        _ => Err(format!("cannot negate {}", super::values::kind_name(v))),
    }
}

/// `!v`.
pub fn not(v: &Value) -> OpResult {
    if let Some(w) = crate::builtins::int128::of(v) {
        return Ok(crate::builtins::int128::not(w));
    }
    match v {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Int(x, t) => Ok(Value::Int(wrap(!x, *t), *t)),
        Value::Ref(_) => not(&super::place::read_ref(v).map_err(|e| e.to_string())?),
        _ => Err(format!("cannot apply `!` to {}", super::values::kind_name(v))),
    }
}

/// `v as to`.
pub fn cast(v: &Value, to: CastTo) -> OpResult {
    use crate::builtins::int128;
    Ok(match (v, to) {
        (Value::Int(_, from), CastTo::Int(t)) if t.is_128() || from.is_128() => {
            int128::cast_int(v, t).ok_or_else(|| "cannot cast with `as`".to_string())?
        }
        (Value::Wide(..), CastTo::Int(t)) => int128::cast_int(v, t).ok_or_else(|| "cannot cast with `as`".to_string())?,
        (Value::Wide(..), CastTo::Float(ft)) => match int128::of(v) {
            Some(w) => Value::Float(int128::to_float(w, ft), ft),
            None => return Err("cannot cast with `as`".into()),
        },
        (Value::Float(f, _), CastTo::Int(t)) if t.is_128() => int128::cast_float(*f, t),
        (Value::Int(x, from), CastTo::Int(t)) => {
            let _ = from;
            Value::Int(wrap(*x, t), t)
        }
        (Value::Int(x, from), CastTo::Float(ft)) => {
            let f = if is_u64(*from) { (*x as u64) as f64 } else { *x as f64 };
            Value::Float(if ft == FloatTy::F32 { f as f32 as f64 } else { f }, ft)
        }
        (Value::Float(f, _), CastTo::Int(t)) => {
            // Saturating, NaN to 0, as Rust.
            let r = if f.is_nan() {
                0
            } else if is_u64(t) {
                (*f as u64) as i64
            } else if t.signed() {
                let c = *f as i64;
                c.clamp(t.min(), t.max())
            } else if *f <= 0.0 {
                0
            } else {
                let c = *f as i64;
                c.min(t.max())
            };
            Value::Int(r, t)
        }
        (Value::Float(f, _), CastTo::Float(ft)) => {
            Value::Float(if ft == FloatTy::F32 { *f as f32 as f64 } else { *f }, ft)
        }
        (Value::Bool(b), CastTo::Int(t)) => Value::Int(*b as i64, t),
        (Value::Char(c), CastTo::Int(t)) => Value::Int(wrap(*c as i64, t), t),
        (Value::Int(x, _), CastTo::Char) => Value::Char(char::from_u32(*x as u8 as u32).unwrap_or('\0')),
        (Value::Char(c), CastTo::Char) => Value::Char(*c),
        (Value::Bool(b), CastTo::Bool) => Value::Bool(*b),
        (Value::Ref(_), _) => return cast(&super::place::read_ref(v).map_err(|e| e.to_string())?, to),
        (Value::Adt(a), CastTo::Int(t)) => {
            // A fieldless enum: its discriminant.
            let a = a.read().map_err(|_| "already borrowed".to_string())?;
            let d = a.def.variants.get(a.variant as usize).map_or(a.variant as i64, |v| v.discriminant);
            Value::Int(wrap(d, t), t)
        }
        (Value::Tag(def, i), CastTo::Int(t)) => {
            let d = def.variants.get(*i as usize).map_or(*i as i64, |v| v.discriminant);
            Value::Int(wrap(d, t), t)
        }
        (v, CastTo::Same) => v.clone(),
        (v, _) => return Err(format!("cannot cast {} with `as`", super::values::kind_name(v))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_and_types() {
        assert!(int_op(BinKind::Add, 255, 1, IntTy::U8).is_none());
        assert!(matches!(int_op(BinKind::Add, 254, 1, IntTy::U8), Some(Value::Int(255, IntTy::U8))));
        assert!(int_op(BinKind::Add, i64::MAX, 1, IntTy::I64).is_none());
        assert!(int_op(BinKind::Sub, 0, 1, IntTy::Usize).is_none());
        assert!(matches!(int_op(BinKind::Lt, -1, 1, IntTy::U64), Some(Value::Bool(false))));
        assert_eq!(int_op_error(BinKind::Div, 0), "attempt to divide by zero");
        assert!(matches!(cast(&Value::Int(300, IntTy::I32), CastTo::Int(IntTy::U8)), Ok(Value::Int(44, IntTy::U8))));
        assert!(matches!(cast(&Value::Int(-1, IntTy::I32), CastTo::Int(IntTy::U64)), Ok(Value::Int(-1, IntTy::U64))));
        assert!(matches!(cast(&Value::Float(-1.5, FloatTy::F64), CastTo::Int(IntTy::U8)), Ok(Value::Int(0, IntTy::U8))));
    }

    /// Wherever the fast path answers, it answers what the general path does; division by
    /// zero, `MIN / -1`, `MIN % -1` and u64 values above `i64::MAX` are left to `int_op`.
    #[test]
    fn fast_arith_agrees_with_int_op() {
        use BinKind::*;
        let tys = [IntTy::I8, IntTy::I16, IntTy::I32, IntTy::I64, IntTy::Isize, IntTy::U8, IntTy::U16, IntTy::U32, IntTy::U64, IntTy::Usize];
        for ty in tys {
            let mut vals = vec![0, 1, 2, 3, 7, 8, -1, -2, -7, -8, ty.min(), ty.max(), ty.min() + 1, ty.max() - 1, 10007, -10007];
            vals.retain(|&v| v >= ty.min() && (ty.max() == -1 || v <= ty.max()) && (ty.signed() || v >= 0 || ty.max() == -1));
            for &a in &vals {
                for &b in &vals {
                    for op in [Add, Sub, Mul, Div, Rem, BitAnd, BitOr, BitXor] {
                        if let Some(r) = fast_arith(op, a, b, ty) {
                            match int_op(op, a, b, ty) {
                                Some(Value::Int(x, t)) => assert!(x == r && t == ty, "{op:?} {a} {b} {ty:?}: fast {r}, general {x}"),
                                other => panic!("{op:?} {a} {b} {ty:?}: fast {r}, general {other:?}"),
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(fast_arith(Div, 7, 0, IntTy::I32), None);
        assert_eq!(fast_arith(Rem, 7, 0, IntTy::Usize), None);
        assert_eq!(fast_arith(Div, i32::MIN as i64, -1, IntTy::I32), None);
        assert_eq!(fast_arith(Rem, i32::MIN as i64, -1, IntTy::I32), None);
        assert_eq!(fast_arith(Rem, i64::MIN, -1, IntTy::I64), None);
        assert_eq!(fast_arith(Div, -1, 2, IntTy::U64), None);
        assert_eq!(fast_arith(Rem, 17, 8, IntTy::Usize), Some(1));
        assert_eq!(fast_arith(Div, -17, 8, IntTy::I32), Some(-2));
        assert_eq!(fast_arith(Rem, -17, 8, IntTy::I32), Some(-1));
    }
}
