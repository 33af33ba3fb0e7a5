//! Std values that are opaque Rust objects inside `Value::Native`: `Duration`, `Instant`,
//! the parse errors and `io::Error`. Keeping the real Rust types gives Rust's exact `Debug`
//! and `Display` text (`ParseIntError { kind: InvalidDigit }`, `1.5s`,
//! `No such file or directory (os error 2)`) for free.
//!
//! The formatting engine asks `std_object_fmt(value, debug)` for the text of a native value.

use crate::value::Value;
use std::sync::Arc;

/// What a `Value::Native` made by the builtins holds.
#[derive(Debug)]
pub enum StdObj {
    Duration(std::time::Duration),
    Instant(std::time::Instant),
    SystemTime(std::time::SystemTime),
    ParseInt(std::num::ParseIntError),
    ParseFloat(std::num::ParseFloatError),
    ParseBool(std::str::ParseBoolError),
    ParseChar(std::char::ParseCharError),
    TryFromInt(std::num::TryFromIntError),
    Io(std::io::Error),
}

/// More std values of `Value::Native` (kept apart from `StdObj` so that exhaustive matches
/// on `StdObj` elsewhere stay valid). Their text also comes from `std_object_fmt`.
#[derive(Debug)]
pub enum ExtObj {
    IoErrorKind(std::io::ErrorKind),
    Utf8(std::str::Utf8Error),
    FromUtf8(std::string::FromUtf8Error),
}

impl ExtObj {
    pub fn into_value(self) -> Value {
        Value::Native(Arc::new(Box::new(self)))
    }

    fn text(&self, debug: bool) -> String {
        match (self, debug) {
            (ExtObj::IoErrorKind(k), true) => format!("{k:?}"),
            (ExtObj::IoErrorKind(k), false) => format!("{k}"),
            (ExtObj::Utf8(e), true) => format!("{e:?}"),
            (ExtObj::Utf8(e), false) => format!("{e}"),
            (ExtObj::FromUtf8(e), true) => format!("{e:?}"),
            (ExtObj::FromUtf8(e), false) => format!("{e}"),
        }
    }
}

/// The `ExtObj` inside a value, if it is one.
pub fn ext_obj(v: &Value) -> Option<&ExtObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<ExtObj>(),
        _ => None,
    }
}

impl StdObj {
    pub fn into_value(self) -> Value {
        Value::Native(Arc::new(Box::new(self)))
    }

    /// The name of the Rust type, for messages and method lookup.
    pub fn type_name(&self) -> &'static str {
        match self {
            StdObj::Duration(_) => "Duration",
            StdObj::Instant(_) => "Instant",
            StdObj::SystemTime(_) => "SystemTime",
            StdObj::ParseInt(_) => "ParseIntError",
            StdObj::ParseFloat(_) => "ParseFloatError",
            StdObj::ParseBool(_) => "ParseBoolError",
            StdObj::ParseChar(_) => "ParseCharError",
            StdObj::TryFromInt(_) => "TryFromIntError",
            StdObj::Io(_) => "Error",
        }
    }

    fn text(&self, debug: bool) -> String {
        macro_rules! both {
            ($x:expr) => {
                if debug {
                    format!("{:?}", $x)
                } else {
                    format!("{}", $x)
                }
            };
        }
        match self {
            StdObj::Duration(d) => format!("{d:?}"),
            StdObj::Instant(i) => format!("{i:?}"),
            StdObj::SystemTime(t) => format!("{t:?}"),
            StdObj::ParseInt(e) => both!(e),
            StdObj::ParseFloat(e) => both!(e),
            StdObj::ParseBool(e) => both!(e),
            StdObj::ParseChar(e) => both!(e),
            StdObj::TryFromInt(e) => both!(e),
            StdObj::Io(e) => both!(e),
        }
    }
}

/// The `StdObj` inside a value, if it is one.
pub fn std_obj(v: &Value) -> Option<&StdObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<StdObj>(),
        _ => None,
    }
}

/// `{:?}` (debug) or `{}` of a std object; `None` when `v` is not one. Format options
/// (width, precision) apply to the returned text as to a `str` (Rust's `Duration` Debug honours
/// precision: `{:.2?}`; use `duration_debug_prec` for that).
pub fn std_object_fmt(v: &Value, debug: bool) -> Option<String> {
    match std_obj(v) {
        Some(o) => Some(o.text(debug)),
        None => ext_obj(v).map(|o| o.text(debug)),
    }
}

/// `{:.prec?}` of a `Duration` (Rust rounds the fractional part to `prec` digits).
pub fn duration_debug_prec(v: &Value, prec: usize) -> Option<String> {
    match std_obj(v)? {
        StdObj::Duration(d) => Some(format!("{d:.prec$?}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_rusts() {
        let e = "x".parse::<i32>().unwrap_err();
        let v = StdObj::ParseInt(e).into_value();
        assert_eq!(std_object_fmt(&v, true).unwrap(), "ParseIntError { kind: InvalidDigit }");
        assert_eq!(std_object_fmt(&v, false).unwrap(), "invalid digit found in string");
        let d = StdObj::Duration(std::time::Duration::from_millis(1500)).into_value();
        assert_eq!(std_object_fmt(&d, true).unwrap(), "1.5s");
        assert_eq!(duration_debug_prec(&d, 2).unwrap(), "1.50s");
    }
}
