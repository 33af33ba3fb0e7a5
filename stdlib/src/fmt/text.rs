//! `str`, `char` and `bool` under Display and Debug, as std prints them. Display pads
//! (width, fill, alignment, and precision truncating by chars); Debug quotes and escapes
//! with std's own `escape_debug` rules and, like std, ignores width and precision.

use super::pad::pad;
use super::spec::{Spec, Trait};

/// A string under `spec`: Debug quotes and escapes it, anything else pads it.
pub fn fmt_str(out: &mut String, s: &str, spec: &Spec) {
    if spec.trait_ == Trait::Debug {
        debug_str(out, s);
    } else {
        pad(out, s, spec);
    }
}

/// A char under `spec`.
pub fn fmt_char(out: &mut String, c: char, spec: &Spec) {
    if spec.trait_ == Trait::Debug {
        debug_char(out, c);
    } else {
        pad(out, c.encode_utf8(&mut [0; 4]), spec);
    }
}

/// A bool: `true`/`false`, padded under Display and Debug alike.
pub fn fmt_bool(out: &mut String, b: bool, spec: &Spec) {
    pad(out, if b { "true" } else { "false" }, spec);
}

/// `"..."` with std's escapes (`\n`, `\"`, `\u{1b}`, printable Unicode kept).
pub fn debug_str(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    let _ = write!(out, "{s:?}");
}

/// `'c'` with std's escapes (`'\''`, `'"'` unescaped, `'\u{301}'`).
pub fn debug_char(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "{c:?}");
}
