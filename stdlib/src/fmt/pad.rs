//! Padding as std's `Formatter` does it: `pad` for strings and things printed like strings,
//! `pad_integral` for integers (sign, `#` prefix, sign-aware `0` padding), and
//! `pad_number_parts` for floats and exponent forms (std's `pad_formatted_parts`).
//!
//! Widths count `char`s, as std does.

use super::spec::{Align, Spec};

/// Writes `count` fill characters.
fn fill(out: &mut String, c: char, count: usize) {
    out.extend(std::iter::repeat_n(c, count));
}

/// Splits `padding` into (before, after) by the spec's alignment, or `default` when none.
fn split(padding: usize, align: Option<Align>, default: Align) -> (usize, usize) {
    match align.unwrap_or(default) {
        Align::Left => (0, padding),
        Align::Right => (padding, 0),
        Align::Center => (padding / 2, padding.div_ceil(2)),
    }
}

/// Writes `s` padded to `spec.width` (left-aligned unless told otherwise) after truncating
/// it to `spec.precision` chars: std's `Formatter::pad`, used by `str`, `char`, `bool`
/// Display and everything else printed as text.
pub fn pad(out: &mut String, s: &str, spec: &Spec) {
    pad_aligned(out, s, spec, Align::Left);
}

/// `pad` with another default alignment.
pub fn pad_aligned(out: &mut String, s: &str, spec: &Spec, default: Align) {
    if spec.is_plain() {
        out.push_str(s);
        return;
    }
    let s = match spec.precision {
        Some(max) => match s.char_indices().nth(max) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    match spec.width_limited() {
        Some(width) => {
            let n = s.chars().count();
            if n >= width {
                out.push_str(s);
            } else {
                let (pre, post) = split(width - n, spec.align, default);
                fill(out, spec.fill, pre);
                out.push_str(s);
                fill(out, spec.fill, post);
            }
        }
        None => out.push_str(s),
    }
}

/// std's `Formatter::pad_integral`: `digits` are the digits of the absolute value,
/// `prefix` the `#` prefix (`"0x"`, `""`...), written only under `#`.
pub fn pad_integral(
    out: &mut String,
    is_nonnegative: bool,
    prefix: &str,
    digits: &str,
    spec: &Spec,
) {
    let mut len = digits.chars().count();
    let sign = if !is_nonnegative {
        len += 1;
        Some('-')
    } else if spec.sign_plus() {
        len += 1;
        Some('+')
    } else {
        None
    };
    let prefix = if spec.alternate {
        len += prefix.chars().count();
        Some(prefix)
    } else {
        None
    };
    let write_prefix = |out: &mut String| {
        if let Some(c) = sign {
            out.push(c);
        }
        if let Some(p) = prefix {
            out.push_str(p);
        }
    };
    match spec.width_limited() {
        Some(width) if len < width => {
            if spec.zero_pad {
                // Sign and prefix first, then zeros: `-0x002a`.
                write_prefix(out);
                fill(out, '0', width - len);
                out.push_str(digits);
            } else {
                let (pre, post) = split(width - len, spec.align, Align::Right);
                fill(out, spec.fill, pre);
                write_prefix(out);
                out.push_str(digits);
                fill(out, spec.fill, post);
            }
        }
        _ => {
            write_prefix(out);
            out.push_str(digits);
        }
    }
}

/// std's `Formatter::pad_formatted_parts`: a number already rendered as `sign` and `body`
/// (floats, `{:e}`), right-aligned by default; under `0` the sign goes first and zeros
/// fill the rest.
pub fn pad_number_parts(out: &mut String, sign: &str, body: &str, spec: &Spec) {
    let Some(mut width) = spec.width_limited() else {
        out.push_str(sign);
        out.push_str(body);
        return;
    };
    let (fill_char, align, sign) = if spec.zero_pad {
        out.push_str(sign);
        width = width.saturating_sub(sign.chars().count());
        ('0', Some(Align::Right), "")
    } else {
        (spec.fill, spec.align, sign)
    };
    let len = sign.chars().count() + body.chars().count();
    if width <= len {
        out.push_str(sign);
        out.push_str(body);
    } else {
        let (pre, post) = split(width - len, align, Align::Right);
        fill(out, fill_char, pre);
        out.push_str(sign);
        out.push_str(body);
        fill(out, fill_char, post);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(f: impl FnOnce(&mut Spec)) -> Spec {
        let mut s = Spec::default();
        f(&mut s);
        s
    }

    #[test]
    fn pad_strings() {
        // Expected values from rustc: format!("[{:10}]", "ab"), "{:*^9}", "{:.1}" of "héllo".
        let mut out = String::new();
        pad(&mut out, "ab", &spec(|s| s.width = Some(10)));
        assert_eq!(out, "ab        ");
        out.clear();
        pad(
            &mut out,
            "ab",
            &spec(|s| {
                s.width = Some(9);
                s.fill = '*';
                s.align = Some(Align::Center);
            }),
        );
        assert_eq!(out, "***ab****");
        out.clear();
        pad(&mut out, "héllo", &spec(|s| s.precision = Some(1)));
        assert_eq!(out, "h");
        out.clear();
        pad(&mut out, "héllo", &spec(|s| s.precision = Some(2)));
        assert_eq!(out, "hé");
    }

    #[test]
    fn pad_integers() {
        let mut out = String::new();
        // {:+05} of 42
        pad_integral(
            &mut out,
            true,
            "",
            "42",
            &spec(|s| {
                s.sign = Some(super::super::spec::Sign::Plus);
                s.zero_pad = true;
                s.width = Some(5);
            }),
        );
        assert_eq!(out, "+0042");
        out.clear();
        // {:#010x} of 42
        pad_integral(
            &mut out,
            true,
            "0x",
            "2a",
            &spec(|s| {
                s.alternate = true;
                s.zero_pad = true;
                s.width = Some(10);
            }),
        );
        assert_eq!(out, "0x0000002a");
        out.clear();
        // {:^+9} of 42
        pad_integral(
            &mut out,
            true,
            "",
            "42",
            &spec(|s| {
                s.sign = Some(super::super::spec::Sign::Plus);
                s.align = Some(Align::Center);
                s.width = Some(9);
            }),
        );
        assert_eq!(out, "   +42   ");
        out.clear();
        // {:<08} of 42: zero padding wins over alignment
        pad_integral(
            &mut out,
            true,
            "",
            "42",
            &spec(|s| {
                s.align = Some(Align::Left);
                s.zero_pad = true;
                s.width = Some(8);
            }),
        );
        assert_eq!(out, "00000042");
    }

    #[test]
    fn huge_counts_are_capped_not_fatal() {
        // std panics beyond u16::MAX ("Formatting argument out of range"); callers check that
        // first, and a spec that slips through must not abort the interpreter.
        let s = spec(|s| {
            s.width = Some(usize::MAX);
            s.precision = Some(usize::MAX);
        });
        let mut out = String::new();
        pad(&mut out, "ab", &s);
        assert_eq!(out.len(), super::super::spec::MAX_COUNT);
        let mut out = String::new();
        super::super::float::fmt_f64(&mut out, 1.5, &s);
        assert!(out.starts_with("1.5000"));
    }

    #[test]
    fn pad_float_parts() {
        let mut out = String::new();
        // {:05} of NaN
        pad_number_parts(
            &mut out,
            "",
            "NaN",
            &spec(|s| {
                s.zero_pad = true;
                s.width = Some(5);
            }),
        );
        assert_eq!(out, "00NaN");
        out.clear();
        // {:08.2} of -3.14159
        pad_number_parts(
            &mut out,
            "-",
            "3.14",
            &spec(|s| {
                s.zero_pad = true;
                s.width = Some(8);
            }),
        );
        assert_eq!(out, "-0003.14");
    }
}
