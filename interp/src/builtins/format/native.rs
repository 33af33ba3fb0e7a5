//! The std objects the builtins keep as real Rust values inside `Value::Native`
//! (`Duration`, `Instant`, the parse errors, `io::Error`: see `builtins::object`), printed
//! as std prints them under a spec: the text comes from std itself, and the padding follows
//! each type's impl (error messages pad like `str`, `Duration`'s Debug pads left-aligned and
//! honours `+` and the precision, derived Debug output ignores the width).

use crate::builtins::object::{ext_obj, std_obj, std_object_fmt, StdObj};
use crate::value::Value;
use teras_stdlib::fmt::{self as sfmt, Align, Spec, Trait};

/// Appends the std object `v` under `spec`; `false` when `v` is not one.
pub(crate) fn fmt_std_object(out: &mut String, v: &Value, spec: &Spec) -> bool {
    let debug = spec.trait_ == Trait::Debug;
    let Some(obj) = std_obj(v) else {
        // The other std objects (`io::ErrorKind`, UTF-8 errors): Debug is derived (no
        // padding), Display pads like a `str`.
        if ext_obj(v).is_none() {
            return false;
        }
        let Some(text) = std_object_fmt(v, debug) else { return false };
        if debug {
            out.push_str(&text);
        } else {
            sfmt::pad(out, &text, spec);
        }
        return true;
    };
    match obj {
        StdObj::Duration(d) if debug => {
            let mut body = String::new();
            if spec.sign_plus() {
                body.push('+');
            }
            let digits = match spec.precision_limited() {
                Some(p) => format!("{d:.p$?}"),
                None => format!("{d:?}"),
            };
            body.push_str(&digits);
            let padding = Spec {
                precision: None,
                ..spec.clone()
            };
            sfmt::pad_aligned(out, &body, &padding, Align::Left);
        }
        StdObj::ParseInt(e) => text(out, e, spec),
        StdObj::ParseFloat(e) => text(out, e, spec),
        StdObj::ParseBool(e) => text(out, e, spec),
        StdObj::ParseChar(e) => text(out, e, spec),
        StdObj::TryFromInt(e) => text(out, e, spec),
        StdObj::Io(e) => {
            // io::Error's Display writes its parts without padding.
            if debug {
                out.push_str(&debug_text(e, spec));
            } else {
                out.push_str(&e.to_string());
            }
        }
        StdObj::Duration(d) => out.push_str(&debug_text(d, spec)),
        StdObj::Instant(i) => out.push_str(&debug_text(i, spec)),
        StdObj::SystemTime(t) => out.push_str(&debug_text(t, spec)),
    }
    true
}

/// An error whose Display pads its message like a `str`, and whose Debug is derived.
fn text<E: std::fmt::Display + std::fmt::Debug>(out: &mut String, e: &E, spec: &Spec) {
    if spec.trait_ == Trait::Debug {
        out.push_str(&debug_text(e, spec));
    } else {
        sfmt::pad(out, &e.to_string(), spec);
    }
}

/// std's Debug text, compact or pretty (derived Debug of these types has no numeric leaves
/// a width would pad, except `io::Error`'s OS code, printed here unpadded).
fn debug_text<T: std::fmt::Debug>(x: &T, spec: &Spec) -> String {
    if spec.alternate {
        format!("{x:#?}")
    } else {
        format!("{x:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(spec: &str, obj: StdObj) -> String {
        let spec = sfmt::parse_spec(spec).unwrap();
        let mut out = String::new();
        assert!(fmt_std_object(&mut out, &obj.into_value(), &spec));
        out
    }

    #[test]
    fn as_rustc_prints_them() {
        let d = || StdObj::Duration(std::time::Duration::from_millis(1500));
        // [{:?}] [{:10?}] [{:>10?}] [{:^10.3?}] [{:+?}] [{:#?}] [{:010?}] of 1.5 s
        let got: Vec<String> = ["?", "10?", ">10?", "^10.3?", "+?", "#?", "010?"]
            .iter()
            .map(|s| show(s, d()))
            .collect();
        assert_eq!(
            got,
            [
                "1.5s",
                "1.5s      ",
                "      1.5s",
                "  1.500s  ",
                "+1.5s",
                "1.5s",
                "1.5s      "
            ]
        );
        let e = || StdObj::ParseInt("x".parse::<i32>().unwrap_err());
        assert_eq!(show("", e()), "invalid digit found in string");
        assert_eq!(show(">40", e()), "           invalid digit found in string");
        assert_eq!(show(".5", e()), "inval");
        assert_eq!(show("40?", e()), "ParseIntError { kind: InvalidDigit }");
        assert_eq!(
            show("#?", e()),
            "ParseIntError {\n    kind: InvalidDigit,\n}"
        );
        let f = StdObj::ParseFloat("x".parse::<f64>().unwrap_err());
        assert_eq!(show("?", f), "ParseFloatError { kind: Invalid }");
    }
}
