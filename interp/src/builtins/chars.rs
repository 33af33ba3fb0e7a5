//! `char` methods and functions (`char::from_u32`, `char::from_digit`). `to_uppercase` and
//! `to_lowercase` return native iterators over the mapped chars (so `.to_string()`,
//! `.collect::<String>()`, `for` and `next` all work). Also `u8`'s ASCII methods
//! (`b.is_ascii_digit()`, `b.to_ascii_uppercase()`), which are the `char` ones on `b as char`.

use super::util::{self, arg, new_iter, panic, R};
use super::{NativeCx, NativeResult};
use crate::value::{IntTy, Value};

fn recv(args: &[Value]) -> R<char> {
    util::char_of(&arg(args, 0)?)
}

/// Predicates by `aux` (index into `PREDICATES`).
const PREDICATES: [&str; 17] = [
    "is_alphabetic",
    "is_numeric",
    "is_alphanumeric",
    "is_whitespace",
    "is_uppercase",
    "is_lowercase",
    "is_control",
    "is_ascii",
    "is_ascii_alphabetic",
    "is_ascii_digit",
    "is_ascii_alphanumeric",
    "is_ascii_whitespace",
    "is_ascii_uppercase",
    "is_ascii_lowercase",
    "is_ascii_punctuation",
    "is_ascii_hexdigit",
    "is_ascii_graphic",
];

fn predicate(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let c = recv(args)?;
    Ok(Value::Bool(match aux {
        0 => c.is_alphabetic(),
        1 => c.is_numeric(),
        2 => c.is_alphanumeric(),
        3 => c.is_whitespace(),
        4 => c.is_uppercase(),
        5 => c.is_lowercase(),
        6 => c.is_control(),
        7 => c.is_ascii(),
        8 => c.is_ascii_alphabetic(),
        9 => c.is_ascii_digit(),
        10 => c.is_ascii_alphanumeric(),
        11 => c.is_ascii_whitespace(),
        12 => c.is_ascii_uppercase(),
        13 => c.is_ascii_lowercase(),
        14 => c.is_ascii_punctuation(),
        15 => c.is_ascii_hexdigit(),
        _ => c.is_ascii_graphic(),
    }))
}

/// The byte of a `u8` receiver (ASCII methods are `u8`'s only; another integer type here was
/// let through by the type checker's shared `impl int` and is refused).
fn byte(args: &[Value]) -> R<u8> {
    match arg(args, 0)? {
        Value::Int(n, IntTy::U8) => Ok(n as u8),
        other => Err(util::type_error("u8", &other)),
    }
}

/// `u8::is_ascii*` by `aux` (an index into `PREDICATES`, from `is_ascii` on).
fn byte_predicate(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let b = byte(args)?;
    let mut as_char = [Value::Char(char::from(b))];
    predicate(cx, &mut as_char, aux)
}

fn byte_to_ascii_case(_: &mut NativeCx<'_>, args: &mut [Value], upper: u32) -> NativeResult {
    let b = byte(args)?;
    let b = if upper == 1 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
    Ok(Value::Int(i64::from(b), IntTy::U8))
}

fn byte_eq_ignore_ascii_case(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = byte(args)?;
    let b = match arg(args, 1)? {
        Value::Int(n, IntTy::U8) => n as u8,
        other => return Err(util::type_error("u8", &other)),
    };
    Ok(Value::Bool(a.eq_ignore_ascii_case(&b)))
}

fn to_ascii_uppercase(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Char(recv(args)?.to_ascii_uppercase()))
}

fn to_ascii_lowercase(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Char(recv(args)?.to_ascii_lowercase()))
}

fn to_uppercase(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(new_iter(recv(args)?.to_uppercase().map(Value::Char).collect::<Vec<_>>()))
}

fn to_lowercase(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(new_iter(recv(args)?.to_lowercase().map(Value::Char).collect::<Vec<_>>()))
}

fn radix_arg(args: &[Value], i: usize, msg: &str) -> R<u32> {
    let r = util::wide_of(&arg(args, i)?)?;
    if !(2..=36).contains(&r) {
        return Err(panic(msg.to_string()));
    }
    Ok(r as u32)
}

fn to_digit(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let c = recv(args)?;
    let r = radix_arg(args, 1, "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive")?;
    Ok(util::option(cx, c.to_digit(r).map(|d| Value::Int(d as i64, IntTy::U32))))
}

fn is_digit(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let c = recv(args)?;
    let r = radix_arg(args, 1, "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive")?;
    Ok(Value::Bool(c.is_digit(r)))
}

fn len_utf8(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(recv(args)?.len_utf8()))
}

fn to_string(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(recv(args)?.to_string()))
}

fn eq_ignore_ascii_case(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let c = recv(args)?;
    let d = util::char_of(&arg(args, 1)?)?;
    Ok(Value::Bool(c.eq_ignore_ascii_case(&d)))
}

fn from_u32(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = util::wide_of(&arg(args, 0)?)?;
    let c = u32::try_from(n).ok().and_then(char::from_u32);
    Ok(util::option(cx, c.map(Value::Char)))
}

fn from_digit(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let d = util::wide_of(&arg(args, 0)?)?;
    let r = util::wide_of(&arg(args, 1)?)?;
    if r > 36 {
        return Err(panic("from_digit: radix is too high (maximum 36)"));
    }
    let c = u32::try_from(d).ok().and_then(|d| char::from_digit(d, r as u32));
    Ok(util::option(cx, c.map(Value::Char)))
}

/// `char::from(b)` for a `u8`.
fn from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match arg(args, 0)? {
        Value::Int(n, _) => Ok(Value::Char(char::from(n as u8))),
        Value::Char(c) => Ok(Value::Char(c)),
        other => Err(util::type_error("u8", &other)),
    }
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Char as K;
    for (i, name) in PREDICATES.into_iter().enumerate() {
        r.method_aux(K, name, predicate, i as u32);
        r.func_owned(format!("char::{name}"), predicate, i as u32);
    }
    for (i, name) in PREDICATES.into_iter().enumerate().filter(|(_, n)| n.starts_with("is_ascii")) {
        r.method_aux(super::registry::Kind::Int, name, byte_predicate, i as u32);
    }
    r.method_aux(super::registry::Kind::Int, "to_ascii_uppercase", byte_to_ascii_case, 1);
    r.method_aux(super::registry::Kind::Int, "to_ascii_lowercase", byte_to_ascii_case, 0);
    r.method(super::registry::Kind::Int, "eq_ignore_ascii_case", byte_eq_ignore_ascii_case);
    r.method(K, "to_ascii_uppercase", to_ascii_uppercase);
    r.method(K, "to_ascii_lowercase", to_ascii_lowercase);
    r.method(K, "to_uppercase", to_uppercase);
    r.method(K, "to_lowercase", to_lowercase);
    r.method(K, "to_digit", to_digit);
    r.method(K, "is_digit", is_digit);
    r.method(K, "len_utf8", len_utf8);
    r.method(K, "to_string", to_string);
    r.method(K, "eq_ignore_ascii_case", eq_ignore_ascii_case);
    r.func("char::from_u32", from_u32);
    r.func("char::from_digit", from_digit);
    r.func("char::from", from);
    r.func("char::to_string", to_string);
    r.func("char::to_ascii_uppercase", to_ascii_uppercase);
    r.func("char::to_ascii_lowercase", to_ascii_lowercase);
}
