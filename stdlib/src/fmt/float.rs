//! Floats as std prints them. The digits come from std's own float formatting of the
//! absolute value (shortest round-trip for `{}`/`{:?}`, exact decimal expansion rounded
//! half to even under a precision, Debug's switch to exponent form outside 1e-4..1e16), so
//! they are exactly rustc's; sign and padding are added here as `pad_formatted_parts` does.
//! f32 values are formatted as f32 (`0.1f32` prints `0.1`).

use super::pad::pad_number_parts;
use super::spec::{Spec, Trait};

/// Formats an f64 under `spec`.
pub fn fmt_f64(out: &mut String, x: f64, spec: &Spec) {
    if spec.width.is_none() && !spec.sign_plus() {
        // No padding and no `+`: exactly std's output for `x` itself, without a buffer.
        write_direct(out, x, spec);
        return;
    }
    let body = body(x.abs(), spec);
    finish(out, x.is_nan(), x.is_sign_negative(), &body, spec);
}

/// Formats an f32 under `spec`.
pub fn fmt_f32(out: &mut String, x: f32, spec: &Spec) {
    if spec.width.is_none() && !spec.sign_plus() {
        write_direct(out, x, spec);
        return;
    }
    let body = body(x.abs(), spec);
    finish(out, x.is_nan(), x.is_sign_negative(), &body, spec);
}

/// The digits of a non-negative float (`NaN`, `inf` included) under the spec's trait and
/// precision. Traits floats do not implement (hex...) are rejected by the compiler; they
/// print as Display here.
fn body<T>(abs: T, spec: &Spec) -> String
where
    T: std::fmt::Display + std::fmt::Debug + std::fmt::LowerExp + std::fmt::UpperExp,
{
    match (spec.trait_, spec.precision_limited()) {
        (Trait::Debug, Some(p)) => format!("{abs:.p$?}"),
        (Trait::Debug, None) => format!("{abs:?}"),
        (Trait::LowerExp, Some(p)) => format!("{abs:.p$e}"),
        (Trait::LowerExp, None) => format!("{abs:e}"),
        (Trait::UpperExp, Some(p)) => format!("{abs:.p$E}"),
        (Trait::UpperExp, None) => format!("{abs:E}"),
        (_, Some(p)) => format!("{abs:.p$}"),
        (_, None) => format!("{abs}"),
    }
}

/// std's formatting of `x` under the spec's trait and precision, sign included.
fn write_direct<T>(out: &mut String, x: T, spec: &Spec)
where
    T: std::fmt::Display + std::fmt::Debug + std::fmt::LowerExp + std::fmt::UpperExp,
{
    use std::fmt::Write as _;
    let _ = match (spec.trait_, spec.precision_limited()) {
        (Trait::Debug, Some(p)) => write!(out, "{x:.p$?}"),
        (Trait::Debug, None) => write!(out, "{x:?}"),
        (Trait::LowerExp, Some(p)) => write!(out, "{x:.p$e}"),
        (Trait::LowerExp, None) => write!(out, "{x:e}"),
        (Trait::UpperExp, Some(p)) => write!(out, "{x:.p$E}"),
        (Trait::UpperExp, None) => write!(out, "{x:E}"),
        (_, Some(p)) => write!(out, "{x:.p$}"),
        (_, None) => write!(out, "{x}"),
    };
}

fn finish(out: &mut String, nan: bool, negative: bool, body: &str, spec: &Spec) {
    let sign = if nan {
        ""
    } else if negative {
        "-"
    } else if spec.sign_plus() {
        "+"
    } else {
        ""
    };
    pad_number_parts(out, sign, body, spec);
}
