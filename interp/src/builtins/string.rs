//! `String` and `&str` (`Value::Str`): the methods that take no closure, `+` (`concat`),
//! range slicing with Rust's char-boundary panics, and `parse` (target type from the hint).
//!
//! Patterns accepted where Rust takes a `Pattern`: `&str`/`String`, `char`, and arrays or
//! slices of chars. Closure patterns (`split(char::is_whitespace)`, `|c| ...`) are handled by
//! the prelude, which calls these natives only with the other kinds.

use super::object::StdObj;
use super::util::{self, arg, conflict, new_iter, panic, str_handle, str_of, usize_of, R};
use super::{NativeCx, NativeResult};
use crate::types::Ty;
use crate::value::{FloatTy, IntTy, RangeVal, Value};

/// A string pattern.
enum Pat {
    Str(String),
    Char(char),
    Chars(Vec<char>),
}

fn pat_of(v: &Value) -> R<Pat> {
    Ok(match util::deref(v)? {
        Value::Char(c) => Pat::Char(c),
        Value::Str(s) => Pat::Str(s.read().map_err(conflict)?.clone()),
        v @ (Value::Vec(_) | Value::Slice(_)) => {
            Pat::Chars(super::vec::items_of(&v)?.iter().map(util::char_of).collect::<R<_>>()?)
        }
        other => return Err(util::type_error("string pattern", &other)),
    })
}

/// Run a Rust str method generic over its pattern with each kind of pattern.
macro_rules! with_pat {
    ($pat:expr, |$p:ident| $body:expr) => {
        match $pat {
            Pat::Str(s) => {
                let $p = s.as_str();
                $body
            }
            Pat::Char(c) => {
                let $p = *c;
                $body
            }
            Pat::Chars(cs) => {
                let $p = |c: char| cs.contains(&c);
                $body
            }
        }
    };
}

fn this(args: &[Value]) -> R<String> {
    str_of(&arg(args, 0)?)
}

fn strs(items: impl IntoIterator<Item = impl Into<String>>) -> Value {
    new_iter(items.into_iter().map(|s| Value::str(s)))
}

fn new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(String::new()))
}

/// `String::from(x)`, `x.to_string()` of a string, `to_owned`, `into`: a fresh copy.
/// `s.into()`: a new `String`, or by the hint `Vec<u8>`, `Box<str>`, `Rc<str>`, ...
fn into(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match cx.hint.map(|t| t.deref()) {
        Some(Ty::Named(n, _)) if n != "String" => super::collect::into(cx, args, aux),
        _ => copy(cx, args, aux),
    }
}

fn copy(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(this(args)?))
}

/// `as_str()`, `as_ref()`, `borrow()`: the same string.
fn same(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    arg(args, 0)
}

/// `String::new` as a function pointer (for other modules' registrations).
pub fn new_fn() -> super::registry::NativeFn {
    new
}

fn with_capacity(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(String::new()))
}

fn from_utf8(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let bytes = bytes_of(&arg(args, 0)?)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => util::ok(cx, Value::str(s)),
        Err(e) => util::err(cx, super::object::ExtObj::FromUtf8(e).into_value()),
    })
}

/// `std::str::from_utf8(&bytes)`: `Result<&str, Utf8Error>`.
fn str_from_utf8(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let bytes = bytes_of(&arg(args, 0)?)?;
    Ok(match std::str::from_utf8(&bytes) {
        Ok(s) => util::ok(cx, Value::str(s)),
        Err(e) => util::err(cx, super::object::ExtObj::Utf8(e).into_value()),
    })
}

fn from_utf8_lossy(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let bytes = bytes_of(&arg(args, 0)?)?;
    Ok(Value::str(String::from_utf8_lossy(&bytes).into_owned()))
}

fn bytes_of(v: &Value) -> R<Vec<u8>> {
    super::vec::items_of(v)?.iter().map(|b| util::int_of(b).map(|(n, _)| n as u8)).collect()
}

fn len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Fast path: the string itself, read in place (no handle copies).
    if let Some(Value::Str(h)) = args.first() {
        return Ok(Value::usize(h.read().map_err(conflict)?.len()));
    }
    let h = str_handle(&arg(args, 0)?)?;
    let n = h.read().map_err(conflict)?.len();
    Ok(Value::usize(n))
}

fn is_empty(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let e = h.read().map_err(conflict)?.is_empty();
    Ok(Value::Bool(e))
}

fn push(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    if let [Value::Str(h), Value::Char(c), ..] = &*args {
        h.write().map_err(conflict)?.push(*c);
        return Ok(Value::Unit);
    }
    let h = str_handle(&arg(args, 0)?)?;
    let c = util::char_of(&arg(args, 1)?)?;
    h.write().map_err(conflict)?.push(c);
    Ok(Value::Unit)
}

fn push_str(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Fast path: two distinct strings, borrowed in place (no handle copies).
    if let [Value::Str(a), Value::Str(b), ..] = &*args {
        if !a.ptr_eq(b) {
            let t = b.read().map_err(conflict)?;
            a.write().map_err(conflict)?.push_str(&t);
            return Ok(Value::Unit);
        }
    }
    push_str_value(&arg(args, 0)?, &arg(args, 1)?)?;
    Ok(Value::Unit)
}

fn pop(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let c = h.write().map_err(conflict)?.pop();
    Ok(util::option(cx, c.map(Value::Char)))
}

fn insert(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let i = usize_of(&arg(args, 1)?)?;
    let c = util::char_of(&arg(args, 2)?)?;
    let mut s = h.write().map_err(conflict)?;
    if !s.is_char_boundary(i) {
        return Err(panic("assertion failed: self.is_char_boundary(idx)"));
    }
    s.insert(i, c);
    Ok(Value::Unit)
}

fn insert_str(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let i = usize_of(&arg(args, 1)?)?;
    let t = str_of(&arg(args, 2)?)?;
    let mut s = h.write().map_err(conflict)?;
    if !s.is_char_boundary(i) {
        return Err(panic("assertion failed: self.is_char_boundary(idx)"));
    }
    s.insert_str(i, &t);
    Ok(Value::Unit)
}

fn remove(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let i = usize_of(&arg(args, 1)?)?;
    let mut s = h.write().map_err(conflict)?;
    if i >= s.len() && i <= s.len() {
        return Err(panic("cannot remove a char from the end of a string"));
    }
    check_slice(&s, i, s.len())?;
    Ok(Value::Char(s.remove(i)))
}

fn clear(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    str_handle(&arg(args, 0)?)?.write().map_err(conflict)?.clear();
    Ok(Value::Unit)
}

fn truncate(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let n = usize_of(&arg(args, 1)?)?;
    let mut s = h.write().map_err(conflict)?;
    if n <= s.len() {
        if !s.is_char_boundary(n) {
            return Err(panic("assertion failed: self.is_char_boundary(new_len)"));
        }
        s.truncate(n);
    }
    Ok(Value::Unit)
}

fn capacity(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let n = h.read().map_err(conflict)?.capacity();
    Ok(Value::usize(n))
}

fn chars(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(new_iter(this(args)?.chars().map(Value::Char).collect::<Vec<_>>()))
}

fn char_indices(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    Ok(new_iter(s.char_indices().map(|(i, c)| util::pair(Value::usize(i), Value::Char(c))).collect::<Vec<_>>()))
}

fn u8v(b: u8) -> Value {
    Value::Int(b as i64, IntTy::U8)
}

fn bytes(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(new_iter(this(args)?.bytes().map(u8v).collect::<Vec<_>>()))
}

/// `as_bytes()` / `into_bytes()`: a `Vec<u8>` copy (`&[u8]` is read-only anyway).
fn as_bytes(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(util::new_vec(this(args)?.bytes().map(u8v).collect()))
}

fn lines(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(strs(this(args)?.lines()))
}

fn split_whitespace(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(strs(this(args)?.split_whitespace()))
}

fn split_ascii_whitespace(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(strs(this(args)?.split_ascii_whitespace()))
}

/// The splitting family by `aux`: 0 split, 1 rsplit, 2 split_terminator, 3 split_inclusive,
/// 4 matches, 5 rsplit_terminator.
fn split(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let parts: Vec<String> = with_pat!(&p, |p| match aux {
        0 => s.split(p).map(String::from).collect(),
        1 => s.rsplit(p).map(String::from).collect(),
        2 => s.split_terminator(p).map(String::from).collect(),
        3 => s.split_inclusive(p).map(String::from).collect(),
        4 => s.matches(p).map(String::from).collect(),
        _ => s.rsplit_terminator(p).map(String::from).collect(),
    });
    Ok(strs(parts))
}

/// `splitn(n, p)` (aux 0) / `rsplitn` (aux 1).
fn splitn(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let n = usize_of(&arg(args, 1)?)?;
    let p = pat_of(&arg(args, 2)?)?;
    let parts: Vec<String> = with_pat!(&p, |p| if aux == 0 {
        s.splitn(n, p).map(String::from).collect()
    } else {
        s.rsplitn(n, p).map(String::from).collect()
    });
    Ok(strs(parts))
}

fn match_indices(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let found: Vec<(usize, String)> = with_pat!(&p, |p| s.match_indices(p).map(|(i, m)| (i, m.to_string())).collect());
    Ok(new_iter(found.into_iter().map(|(i, m)| util::pair(Value::usize(i), Value::str(m))).collect::<Vec<_>>()))
}

fn split_once(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let r: Option<(String, String)> = with_pat!(&p, |p| if aux == 0 {
        s.split_once(p).map(|(a, b)| (a.to_string(), b.to_string()))
    } else {
        s.rsplit_once(p).map(|(a, b)| (a.to_string(), b.to_string()))
    });
    Ok(util::option(cx, r.map(|(a, b)| util::pair(Value::str(a), Value::str(b)))))
}

/// trim family by `aux`: 0 trim, 1 trim_start, 2 trim_end, 3 trim_ascii.
fn trim(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    Ok(Value::str(match aux {
        0 => s.trim(),
        1 => s.trim_start(),
        2 => s.trim_end(),
        _ => s.trim_ascii(),
    }))
}

/// 0 trim_matches, 1 trim_start_matches, 2 trim_end_matches.
fn trim_matches(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let r: String = match (&p, aux) {
        (Pat::Str(t), 0) => {
            let mut x = s.as_str();
            while !t.is_empty() && x.starts_with(t.as_str()) {
                x = &x[t.len()..];
            }
            while !t.is_empty() && x.ends_with(t.as_str()) {
                x = &x[..x.len() - t.len()];
            }
            x.to_string()
        }
        (Pat::Char(c), 0) => s.trim_matches(*c).to_string(),
        (Pat::Chars(cs), 0) => s.trim_matches(|c: char| cs.contains(&c)).to_string(),
        (_, 1) => with_pat!(&p, |p| s.trim_start_matches(p).to_string()),
        _ => with_pat!(&p, |p| s.trim_end_matches(p).to_string()),
    };
    Ok(Value::str(r))
}

fn strip(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let r: Option<String> = with_pat!(&p, |p| if aux == 0 {
        s.strip_prefix(p).map(String::from)
    } else {
        s.strip_suffix(p).map(String::from)
    });
    Ok(util::option(cx, r.map(Value::str)))
}

/// 0 starts_with, 1 ends_with, 2 contains.
fn test(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let r: bool = with_pat!(&p, |p| match aux {
        0 => s.starts_with(p),
        1 => s.ends_with(p),
        _ => s.contains(p),
    });
    Ok(Value::Bool(r))
}

fn find(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let r: Option<usize> = with_pat!(&p, |p| if aux == 0 { s.find(p) } else { s.rfind(p) });
    Ok(util::option(cx, r.map(Value::usize)))
}

fn replace(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let to = str_of(&arg(args, 2)?)?;
    let r: String = with_pat!(&p, |p| s.replace(p, &to));
    Ok(Value::str(r))
}

fn replacen(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let p = pat_of(&arg(args, 1)?)?;
    let to = str_of(&arg(args, 2)?)?;
    let n = usize_of(&arg(args, 3)?)?;
    let r: String = with_pat!(&p, |p| s.replacen(p, &to, n));
    Ok(Value::str(r))
}

/// 0 to_uppercase, 1 to_lowercase, 2 to_ascii_uppercase, 3 to_ascii_lowercase.
fn case(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = this(args)?;
    Ok(Value::str(match aux {
        0 => s.to_uppercase(),
        1 => s.to_lowercase(),
        2 => s.to_ascii_uppercase(),
        _ => s.to_ascii_lowercase(),
    }))
}

fn make_ascii_case(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let mut s = h.write().map_err(conflict)?;
    if aux == 0 {
        s.make_ascii_uppercase()
    } else {
        s.make_ascii_lowercase()
    }
    Ok(Value::Unit)
}

fn repeat(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let n = usize_of(&arg(args, 1)?)?;
    if s.len().checked_mul(n).is_none_or(|t| t > 1 << 30) {
        return Err(panic("capacity overflow"));
    }
    Ok(Value::str(s.repeat(n)))
}

fn eq_ignore_ascii_case(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(this(args)?.eq_ignore_ascii_case(&str_of(&arg(args, 1)?)?)))
}

fn is_char_boundary(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(this(args)?.is_char_boundary(usize_of(&arg(args, 1)?)?)))
}

fn is_ascii(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(this(args)?.is_ascii()))
}

/// Rust's message for a bad string slice `s[begin..end]`.
fn check_slice(s: &str, begin: usize, end: usize) -> R<()> {
    let shown = {
        let mut t = 256.min(s.len());
        while !s.is_char_boundary(t) {
            t -= 1;
        }
        let ell = if t < s.len() { "[...]" } else { "" };
        format!("`{}`{ell}", &s[..t])
    };
    if begin > s.len() {
        return Err(panic(format!("start byte index {begin} is out of bounds of {shown}")));
    }
    if end > s.len() {
        return Err(panic(format!("end byte index {end} is out of bounds of {shown}")));
    }
    if begin > end {
        return Err(panic(format!("begin > end ({begin} > {end}) when slicing {shown}")));
    }
    for (which, i) in [("start", begin), ("end", end)] {
        if !s.is_char_boundary(i) {
            let mut cs = i;
            while !s.is_char_boundary(cs) {
                cs -= 1;
            }
            let ch = s[cs..].chars().next().unwrap_or('\0');
            return Err(panic(format!(
                "{which} byte index {i} is not a char boundary; it is inside {ch:?} (bytes {cs}..{}) of {shown}",
                cs + ch.len_utf8()
            )));
        }
    }
    Ok(())
}

fn bounds(s: &str, r: &RangeVal) -> R<(usize, usize)> {
    let begin = r.start.as_ref().map(usize_of).transpose()?.unwrap_or(0);
    let end = match &r.end {
        Some(e) => usize_of(e)? + usize::from(r.inclusive),
        None => s.len(),
    };
    Ok((begin, end))
}

/// `&s[range]`: a new string (a `&str` is immutable, so a copy behaves the same).
pub fn slice_str(v: &Value, r: &RangeVal) -> R<Value> {
    let s = str_of(v)?;
    let (a, b) = bounds(&s, r)?;
    check_slice(&s, a, b)?;
    Ok(Value::str(&s[a..b]))
}

/// `s + &t` (the VM's `Add` on strings). `s` is a `String` moved into the `+` (Rust only
/// adds to an owned `String`, which nothing else can alias), so `t` is appended to its
/// buffer in place, as Rust does: `s = s + &t` in a loop stays linear.
pub fn concat(a: &Value, b: &Value) -> R<Value> {
    push_str_value(a, b)?;
    Ok(a.clone())
}

/// `s += &t` (the VM's `AddAssign` on a String): appends in place.
pub fn push_str_value(a: &Value, b: &Value) -> R<()> {
    let h = str_handle(a)?;
    match b {
        Value::Str(t) if !t.ptr_eq(&h) => {
            let t = t.read().map_err(conflict)?;
            h.write().map_err(conflict)?.push_str(&t);
        }
        _ => {
            let t = str_of(b)?;
            h.write().map_err(conflict)?.push_str(&t);
        }
    }
    Ok(())
}

fn get(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let r = match arg(args, 1)? {
        Value::Range(r) => r,
        other => return Err(util::type_error("range", &other)),
    };
    let (a, b) = bounds(&s, &r)?;
    Ok(util::option(cx, s.get(a..b).map(Value::str)))
}

fn split_at(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let mid = usize_of(&arg(args, 1)?)?;
    check_slice(&s, 0, mid)?;
    Ok(util::pair(Value::str(&s[..mid]), Value::str(&s[mid..])))
}

fn drain(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let r = match arg(args, 1)? {
        Value::Range(r) => r,
        other => return Err(util::type_error("range", &other)),
    };
    let mut s = h.write().map_err(conflict)?;
    let (a, b) = bounds(&s, &r)?;
    if !s.is_char_boundary(a) {
        return Err(panic("assertion failed: self.is_char_boundary(start)"));
    }
    if !s.is_char_boundary(b) {
        return Err(panic("assertion failed: self.is_char_boundary(end)"));
    }
    check_slice(&s, a, b)?;
    let removed: String = s.drain(a..b).collect();
    Ok(new_iter(removed.chars().map(Value::Char).collect::<Vec<_>>()))
}

/// `extend` with chars or strings from a native iterable.
fn extend(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = str_handle(&arg(args, 0)?)?;
    let items = super::vec::items_of(&arg(args, 1)?)?;
    let mut add = String::new();
    for x in &items {
        add.push_str(&str_of(x)?);
    }
    h.write().map_err(conflict)?.push_str(&add);
    Ok(Value::Unit)
}

/// The target type of `parse` from the hint (`Result<T, _>` or `T`).
fn parse_target(hint: Option<&Ty>) -> Option<Ty> {
    match hint.map(|h| h.deref()) {
        Some(Ty::Named(n, a)) if n == "Result" => a.first().cloned(),
        Some(t) if t.is_known() => Some(t.clone()),
        _ => None,
    }
}

/// `s.parse::<T>()`.
pub fn parse_as(cx: &NativeCx<'_>, s: &str, target: Option<&Ty>) -> Value {
    let res: Result<Value, StdObj> = match target {
        Some(Ty::Int(t)) => super::int::parse_int(s, 10, *t).map_err(StdObj::ParseInt),
        Some(Ty::Float(FloatTy::F32)) => {
            s.parse::<f32>().map(|f| Value::Float(f as f64, FloatTy::F32)).map_err(StdObj::ParseFloat)
        }
        Some(Ty::Float(FloatTy::F64)) => s.parse::<f64>().map(Value::f64).map_err(StdObj::ParseFloat),
        Some(Ty::Bool) => s.parse::<bool>().map(Value::Bool).map_err(StdObj::ParseBool),
        Some(Ty::Char) => s.parse::<char>().map(Value::Char).map_err(StdObj::ParseChar),
        Some(Ty::String) => Ok(Value::str(s)),
        _ => {
            // Unknown target: an integer when it reads as one, else a float.
            match s.parse::<i32>() {
                Ok(n) => Ok(Value::i32(n)),
                Err(e) => match s.parse::<i64>() {
                    Ok(n) => Ok(Value::Int(n, IntTy::I64)),
                    Err(_) => match s.parse::<f64>() {
                        Ok(f) if s.contains(['.', 'e', 'E']) => Ok(Value::f64(f)),
                        _ => Err(StdObj::ParseInt(e)),
                    },
                },
            }
        }
    };
    match res {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, e.into_value()),
    }
}

fn parse(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = this(args)?;
    let target = parse_target(cx.hint);
    Ok(parse_as(cx, &s, target.as_ref()))
}

/// `__str_char_count(s)`: `s.chars().count()` without building the iterator.
fn char_count(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(this(args)?.chars().count()))
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Str as K;
    r.func("String::new", new);
    r.func("String::from", copy);
    r.func("String::with_capacity", with_capacity);
    r.func("String::from_utf8", from_utf8);
    r.func("String::from_utf8_lossy", from_utf8_lossy);
    r.func("str::from_utf8", str_from_utf8);
    r.func("str::to_string", copy);
    r.func("str::len", len);
    r.func("__str_char_count", char_count);
    r.func_aux("__str_split", split, 0);
    r.func_aux("__str_find", find, 0);
    r.func_aux("__str_rfind", find, 1);
    r.func_aux("__str_starts_with", test, 0);
    r.func_aux("__str_ends_with", test, 1);
    r.func_aux("__str_contains", test, 2);
    r.func_aux("__str_trim_matches", trim_matches, 0);
    r.func_aux("__str_trim_start_matches", trim_matches, 1);
    r.func_aux("__str_trim_end_matches", trim_matches, 2);
    r.func("__str_extend", extend);
    let m: &[(&'static str, super::registry::NativeFn)] = &[
        ("len", len),
        ("is_empty", is_empty),
        ("push", push),
        ("push_str", push_str),
        ("pop", pop),
        ("insert", insert),
        ("insert_str", insert_str),
        ("remove", remove),
        ("clear", clear),
        ("truncate", truncate),
        ("capacity", capacity),
        ("as_str", same),
        ("as_mut_str", same),
        ("as_ref", same),
        ("borrow", same),
        ("to_string", copy),
        ("to_owned", copy),
        ("clone", copy),
        ("into", into),
        ("into_boxed_str", same),
        ("chars", chars),
        ("char_indices", char_indices),
        ("bytes", bytes),
        ("as_bytes", as_bytes),
        ("into_bytes", as_bytes),
        ("to_vec", as_bytes),
        ("lines", lines),
        ("split_whitespace", split_whitespace),
        ("split_ascii_whitespace", split_ascii_whitespace),
        ("match_indices", match_indices),
        ("replace", replace),
        ("replacen", replacen),
        ("repeat", repeat),
        ("eq_ignore_ascii_case", eq_ignore_ascii_case),
        ("is_char_boundary", is_char_boundary),
        ("is_ascii", is_ascii),
        ("get", get),
        ("split_at", split_at),
        ("drain", drain),
        ("extend", extend),
        ("parse", parse),
    ];
    for (name, f) in m {
        r.method(K, name, *f);
    }
    for (i, name) in ["split", "rsplit", "split_terminator", "split_inclusive", "matches", "rsplit_terminator"]
        .into_iter()
        .enumerate()
    {
        r.method_aux(K, name, split, i as u32);
    }
    r.method_aux(K, "splitn", splitn, 0);
    r.method_aux(K, "rsplitn", splitn, 1);
    r.method_aux(K, "split_once", split_once, 0);
    r.method_aux(K, "rsplit_once", split_once, 1);
    for (i, name) in ["trim", "trim_start", "trim_end", "trim_ascii"].into_iter().enumerate() {
        r.method_aux(K, name, trim, i as u32);
    }
    r.method_aux(K, "trim_left", trim, 1);
    r.method_aux(K, "trim_right", trim, 2);
    for (i, name) in ["trim_matches", "trim_start_matches", "trim_end_matches"].into_iter().enumerate() {
        r.method_aux(K, name, trim_matches, i as u32);
    }
    r.method_aux(K, "strip_prefix", strip, 0);
    r.method_aux(K, "strip_suffix", strip, 1);
    r.method_aux(K, "starts_with", test, 0);
    r.method_aux(K, "ends_with", test, 1);
    r.method_aux(K, "contains", test, 2);
    r.method_aux(K, "find", find, 0);
    r.method_aux(K, "rfind", find, 1);
    for (i, name) in ["to_uppercase", "to_lowercase", "to_ascii_uppercase", "to_ascii_lowercase"].into_iter().enumerate() {
        r.method_aux(K, name, case, i as u32);
    }
    r.method_aux(K, "make_ascii_uppercase", make_ascii_case, 0);
    r.method_aux(K, "make_ascii_lowercase", make_ascii_case, 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_messages_are_rusts() {
        let m = |a, b| match check_slice("héllo", a, b) {
            Err(super::super::NativeError::Panic(m)) => m,
            _ => String::new(),
        };
        assert_eq!(m(2, 3), "start byte index 2 is not a char boundary; it is inside 'é' (bytes 1..3) of `héllo`");
        assert_eq!(m(5, 9), "end byte index 9 is out of bounds of `héllo`");
        assert_eq!(m(9, 10), "start byte index 9 is out of bounds of `héllo`");
        assert_eq!(m(1, 2), "end byte index 2 is not a char boundary; it is inside 'é' (bytes 1..3) of `héllo`");
        assert_eq!(m(3, 2), "begin > end (3 > 2) when slicing `héllo`");
    }
}
