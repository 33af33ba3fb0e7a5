//! `f64`/`f32` methods. f32 results are computed in f32 (as Rust does) and stored widened.

use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeResult};
use crate::value::{FloatTy, IntTy, Value};

fn recv(args: &[Value]) -> R<(f64, FloatTy)> {
    match arg(args, 0)? {
        Value::Float(f, t) => Ok((f, t)),
        other => Err(util::type_error("float", &other)),
    }
}

fn other(args: &[Value], i: usize) -> R<f64> {
    util::float_of(&arg(args, i)?)
}

fn fv(f: f64, t: FloatTy) -> Value {
    match t {
        FloatTy::F64 => Value::Float(f, t),
        FloatTy::F32 => Value::Float(f as f32 as f64, t),
    }
}

/// One-argument functions by `aux` (index into `UNARY`).
const UNARY: [&str; 24] = [
    "sqrt", "abs", "floor", "ceil", "round", "trunc", "fract", "exp", "ln", "log10", "log2", "sin", "cos",
    "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "signum", "to_degrees", "to_radians", "cbrt",
];

fn unary64(i: u32, x: f64) -> f64 {
    match i {
        0 => x.sqrt(),
        1 => x.abs(),
        2 => x.floor(),
        3 => x.ceil(),
        4 => x.round(),
        5 => x.trunc(),
        6 => x.fract(),
        7 => x.exp(),
        8 => x.ln(),
        9 => x.log10(),
        10 => x.log2(),
        11 => x.sin(),
        12 => x.cos(),
        13 => x.tan(),
        14 => x.asin(),
        15 => x.acos(),
        16 => x.atan(),
        17 => x.sinh(),
        18 => x.cosh(),
        19 => x.tanh(),
        20 => x.signum(),
        21 => x.to_degrees(),
        22 => x.to_radians(),
        _ => x.cbrt(),
    }
}

fn unary32(i: u32, x: f32) -> f32 {
    match i {
        0 => x.sqrt(),
        1 => x.abs(),
        2 => x.floor(),
        3 => x.ceil(),
        4 => x.round(),
        5 => x.trunc(),
        6 => x.fract(),
        7 => x.exp(),
        8 => x.ln(),
        9 => x.log10(),
        10 => x.log2(),
        11 => x.sin(),
        12 => x.cos(),
        13 => x.tan(),
        14 => x.asin(),
        15 => x.acos(),
        16 => x.atan(),
        17 => x.sinh(),
        18 => x.cosh(),
        19 => x.tanh(),
        20 => x.signum(),
        21 => x.to_degrees(),
        22 => x.to_radians(),
        _ => x.cbrt(),
    }
}

fn unary(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    Ok(match t {
        FloatTy::F64 => fv(unary64(aux, x), t),
        FloatTy::F32 => fv(unary32(aux, x as f32) as f64, t),
    })
}

const BINARY: [&str; 9] = ["powf", "log", "atan2", "min", "max", "hypot", "copysign", "rem_euclid", "div_euclid"];

fn binary(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    let y = other(args, 1)?;
    Ok(match t {
        FloatTy::F64 => fv(
            match aux {
                0 => x.powf(y),
                1 => x.log(y),
                2 => x.atan2(y),
                3 => x.min(y),
                4 => x.max(y),
                5 => x.hypot(y),
                6 => x.copysign(y),
                7 => x.rem_euclid(y),
                _ => x.div_euclid(y),
            },
            t,
        ),
        FloatTy::F32 => {
            let (x, y) = (x as f32, y as f32);
            fv(
                (match aux {
                    0 => x.powf(y),
                    1 => x.log(y),
                    2 => x.atan2(y),
                    3 => x.min(y),
                    4 => x.max(y),
                    5 => x.hypot(y),
                    6 => x.copysign(y),
                    7 => x.rem_euclid(y),
                    _ => x.div_euclid(y),
                }) as f64,
                t,
            )
        }
    })
}

fn powi(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    let n = util::wide_of(&arg(args, 1)?)?.clamp(i32::MIN as i128, i32::MAX as i128) as i32;
    Ok(match t {
        FloatTy::F64 => fv(x.powi(n), t),
        FloatTy::F32 => fv((x as f32).powi(n) as f64, t),
    })
}

fn mul_add(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    let (a, b) = (other(args, 1)?, other(args, 2)?);
    Ok(match t {
        FloatTy::F64 => fv(x.mul_add(a, b), t),
        FloatTy::F32 => fv((x as f32).mul_add(a as f32, b as f32) as f64, t),
    })
}

fn clamp(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    let (lo, hi) = (other(args, 1)?, other(args, 2)?);
    if lo.is_nan() || hi.is_nan() || lo > hi {
        return Err(panic(format!(
            "min > max, or either was NaN. min = {}, max = {}",
            float_debug(lo, t),
            float_debug(hi, t)
        )));
    }
    Ok(fv(x.clamp(lo, hi), t))
}

/// `{:?}` of a float as Rust prints it (`3.0`, `NaN`, `1e-7`).
pub fn float_debug(x: f64, t: FloatTy) -> String {
    match t {
        FloatTy::F64 => format!("{x:?}"),
        FloatTy::F32 => format!("{:?}", x as f32),
    }
}

/// `{}` of a float as Rust prints it (`3`, `0.1`, `inf`).
pub fn float_display(x: f64, t: FloatTy) -> String {
    match t {
        FloatTy::F64 => format!("{x}"),
        FloatTy::F32 => format!("{}", x as f32),
    }
}

/// 0 is_nan, 1 is_finite, 2 is_infinite, 3 is_sign_positive, 4 is_sign_negative, 5 is_normal.
fn test(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (x, _) = recv(args)?;
    Ok(Value::Bool(match aux {
        0 => x.is_nan(),
        1 => x.is_finite(),
        2 => x.is_infinite(),
        3 => x.is_sign_positive(),
        4 => x.is_sign_negative(),
        _ => x.is_normal(),
    }))
}

fn total_cmp(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    let y = other(args, 1)?;
    let o = match t {
        FloatTy::F64 => x.total_cmp(&y),
        FloatTy::F32 => (x as f32).total_cmp(&(y as f32)),
    };
    Ok(util::ordering(cx, o))
}

fn to_string(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    Ok(Value::str(float_display(x, t)))
}

fn to_bits(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (x, t) = recv(args)?;
    Ok(match t {
        FloatTy::F64 => Value::Int(x.to_bits() as i64, IntTy::U64),
        FloatTy::F32 => Value::Int((x as f32).to_bits() as i64, IntTy::U32),
    })
}

/// `f64::from(x)` / `f32::from(x)` (aux 0: f64, 1: f32).
fn from(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let t = if aux == 0 { FloatTy::F64 } else { FloatTy::F32 };
    Ok(match arg(args, 0)? {
        Value::Int(n, it) => Value::Float(super::int::int_to_float(n, it, t), t),
        Value::Float(f, _) => fv(f, t),
        Value::Bool(b) => Value::Float(if b { 1.0 } else { 0.0 }, t),
        other => return Err(util::type_error("number", &other)),
    })
}

fn from_bits(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (n, _) = util::int_of(&arg(args, 0)?)?;
    Ok(if aux == 0 {
        Value::Float(f64::from_bits(n as u64), FloatTy::F64)
    } else {
        Value::Float(f32::from_bits(n as u32) as f64, FloatTy::F32)
    })
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Float as K;
    for (i, name) in UNARY.into_iter().enumerate() {
        r.method_aux(K, name, unary, i as u32);
    }
    for (i, name) in BINARY.into_iter().enumerate() {
        r.method_aux(K, name, binary, i as u32);
    }
    for (i, name) in ["is_nan", "is_finite", "is_infinite", "is_sign_positive", "is_sign_negative", "is_normal"]
        .into_iter()
        .enumerate()
    {
        r.method_aux(K, name, test, i as u32);
    }
    r.method(K, "powi", powi);
    r.method(K, "mul_add", mul_add);
    r.method(K, "clamp", clamp);
    r.method(K, "total_cmp", total_cmp);
    r.method(K, "to_string", to_string);
    r.method(K, "to_bits", to_bits);
    r.func_aux("f64::from", from, 0);
    r.func_aux("f32::from", from, 1);
    r.func_aux("f64::from_bits", from_bits, 0);
    r.func_aux("f32::from_bits", from_bits, 1);
    for (i, name) in UNARY.into_iter().enumerate() {
        r.func_owned(format!("f64::{name}"), unary, i as u32);
        r.func_owned(format!("f32::{name}"), unary, i as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        assert_eq!(float_display(1.0, FloatTy::F64), "1");
        assert_eq!(float_debug(1.0, FloatTy::F64), "1.0");
        assert_eq!(float_display(0.1f32 as f64, FloatTy::F32), "0.1");
    }
}
