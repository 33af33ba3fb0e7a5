//! Integers under every formatting trait, as std prints them: decimal, `{:x}`/`{:X}`/`{:o}`/
//! `{:b}` (negative values as the two's complement of their type's width), `{:e}`/`{:E}`,
//! `{:x?}` inside Debug, and `{:p}` for addresses.

use super::pad::{pad_integral, pad_number_parts};
use super::spec::{DebugHex, Spec, Trait};

/// An integer of a Rust type `bits` wide (8 to 128), signed or not. `value` holds the
/// mathematical value (a `u64` as itself, not as its bit pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Int {
    pub value: i128,
    pub bits: u32,
    pub signed: bool,
}

impl Int {
    pub fn new(value: i128, bits: u32, signed: bool) -> Int {
        Int {
            value,
            bits,
            signed,
        }
    }
    /// From the i64 bit pattern the VM keeps: an unsigned 64-bit value is reinterpreted.
    pub fn from_i64_bits(raw: i64, bits: u32, signed: bool) -> Int {
        let value = if signed {
            i128::from(raw)
        } else {
            i128::from(raw as u64)
        };
        Int {
            value,
            bits,
            signed,
        }
    }
    /// The sign and the absolute value (a `u128` above `i128::MAX` is held as its bits).
    fn magnitude(self) -> (bool, u128) {
        if !self.signed && self.bits >= 128 {
            (false, self.value as u128)
        } else {
            (self.value < 0, self.value.unsigned_abs())
        }
    }
    /// The bit pattern of the value in its type's width (what `{:x}` prints).
    fn pattern(self) -> u128 {
        let mask = if self.bits >= 128 {
            u128::MAX
        } else {
            (1u128 << self.bits) - 1
        };
        (self.value as u128) & mask
    }
}

/// Formats an integer under `spec` (its trait, flags, width).
pub fn fmt_int(out: &mut String, n: Int, spec: &Spec) {
    match spec.trait_ {
        Trait::Display | Trait::Pointer => decimal(out, n, spec),
        Trait::Debug => match spec.debug_hex {
            Some(DebugHex::Lower) => radix(out, n, spec, 16, "0x", false),
            Some(DebugHex::Upper) => radix(out, n, spec, 16, "0x", true),
            None => decimal(out, n, spec),
        },
        Trait::LowerHex => radix(out, n, spec, 16, "0x", false),
        Trait::UpperHex => radix(out, n, spec, 16, "0x", true),
        Trait::Octal => radix(out, n, spec, 8, "0o", false),
        Trait::Binary => radix(out, n, spec, 2, "0b", false),
        Trait::LowerExp => exp(out, n, spec, false),
        Trait::UpperExp => exp(out, n, spec, true),
    }
}

/// Appends `v` in decimal, as `{}` prints it, without std's formatting machinery (the
/// common `format!("{}", n)` pays only for its digits).
pub fn push_u64(out: &mut String, mut v: u64) {
    if v < 10 {
        // One digit (loop counters, `i % 7`): no buffer, no UTF-8 check.
        out.push(char::from(b'0' + v as u8));
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (v % 10) as u8;
        i -= 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if let Some(Ok(digits)) = buf.get(i..).map(std::str::from_utf8) {
        out.push_str(digits);
    }
}

/// Appends `v` in decimal, as `{}` prints it (see [`push_u64`]).
pub fn push_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    push_u64(out, v.unsigned_abs());
}

fn decimal(out: &mut String, n: Int, spec: &Spec) {
    use std::fmt::Write as _;
    if spec.width.is_none() && !spec.sign_plus() {
        // The common `{}`: no padding, no `+`, so the sign and the digits.
        let (negative, m) = n.magnitude();
        match u64::try_from(m) {
            Ok(m) => {
                if negative {
                    out.push('-');
                }
                push_u64(out, m);
            }
            Err(_) if negative => {
                let _ = write!(out, "{}", n.value);
            }
            Err(_) => {
                let _ = write!(out, "{m}");
            }
        }
        return;
    }
    let (negative, abs) = n.magnitude();
    let digits = abs.to_string();
    pad_integral(out, !negative, "", &digits, spec);
}

fn radix(out: &mut String, n: Int, spec: &Spec, base: u32, prefix: &str, upper: bool) {
    let digits = match (base, upper) {
        (16, false) => format!("{:x}", n.pattern()),
        (16, true) => format!("{:X}", n.pattern()),
        (8, _) => format!("{:o}", n.pattern()),
        _ => format!("{:b}", n.pattern()),
    };
    pad_integral(out, true, prefix, &digits, spec);
}

/// `{:e}` on integers: std's own rendering of the absolute value (it rounds half to even
/// under a precision), then the sign and padding as for floats.
fn exp(out: &mut String, n: Int, spec: &Spec, upper: bool) {
    let (negative, abs) = n.magnitude();
    let body = match (spec.precision_limited(), upper) {
        (Some(p), false) => format!("{abs:.p$e}"),
        (Some(p), true) => format!("{abs:.p$E}"),
        (None, false) => format!("{abs:e}"),
        (None, true) => format!("{abs:E}"),
    };
    let sign = if negative {
        "-"
    } else if spec.sign_plus() {
        "+"
    } else {
        ""
    };
    pad_number_parts(out, sign, &body, spec);
}

/// `{:p}`: an address in hex with `0x`; under `#` zero-padded to the pointer's full width.
pub fn fmt_pointer(out: &mut String, addr: usize, spec: &Spec) {
    let mut spec = spec.clone();
    if spec.alternate {
        spec.zero_pad = true;
        if spec.width.is_none() {
            spec.width = Some((usize::BITS / 4) as usize + 2);
        }
    }
    spec.alternate = true;
    let digits = format!("{addr:x}");
    pad_integral(out, true, "0x", &digits, &spec);
}

#[cfg(test)]
mod push_tests {
    use super::*;

    #[test]
    fn push_matches_std() {
        for v in [0i64, 1, -1, 9, 10, -10, 99, 100, 12345, i64::MAX, i64::MIN, -987654321] {
            let mut out = String::new();
            push_i64(&mut out, v);
            assert_eq!(out, v.to_string());
        }
        for v in [0u64, 7, 10, 1_000_000_007, u64::MAX] {
            let mut out = String::from("x");
            push_u64(&mut out, v);
            assert_eq!(out, format!("x{v}"));
        }
        for (v, bits, signed) in [(-5i128, 8, true), (255, 8, false), (u64::MAX as i128, 64, false), (i128::MIN, 128, true), (-1, 128, false)] {
            let mut out = String::new();
            fmt_int(&mut out, Int::new(v, bits, signed), &Spec::display());
            let want = if !signed && bits == 128 { (v as u128).to_string() } else { v.to_string() };
            assert_eq!(out, want);
        }
    }
}
