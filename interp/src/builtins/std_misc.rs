//! Natives of small std items:
//! - `__escape_debug`/`__escape_default`/`__escape_unicode` on a `str` or a `char`: the
//!   escaped text as a `String`, which the prelude's `escape_*` methods wrap in the iterator
//!   std returns (`prelude/std_misc.rs`, `__Escape`);
//! - `fmt(f)` on a scalar (`self.0.fmt(f)` in a `Display`/`Debug` impl that forwards to an
//!   integer, float, string, char or bool field, as `std::num::Wrapping`'s do): the value
//!   formatted under the formatter's spec (its trait, width, precision, flags).

use super::format::as_formatter;
use super::format::NoHooks;
use super::registry::Kind;
use super::util::{self, arg, conflict, R};
use super::{NativeCx, NativeResult};
use crate::value::Value;

/// Which escape: `escape_debug` (0), `escape_default` (1), `escape_unicode` (2).
fn escaped(v: &Value, aux: u32) -> R<String> {
    Ok(match v {
        Value::Char(c) => match aux {
            0 => c.escape_debug().to_string(),
            1 => c.escape_default().to_string(),
            _ => c.escape_unicode().to_string(),
        },
        other => {
            let s = util::str_of(other)?;
            match aux {
                0 => s.escape_debug().to_string(),
                1 => s.escape_default().to_string(),
                _ => s.escape_unicode().to_string(),
            }
        }
    })
}

fn escape(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    Ok(Value::str(escaped(&arg(args, 0)?, aux)?))
}

/// `x.fmt(f)` for a scalar `x`: appended to `f`'s buffer under `f`'s spec; `Ok(())`.
fn scalar_fmt(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let fv = arg(args, 1)?;
    let Some(f) = as_formatter(&fv) else { return Err(util::type_error("&mut Formatter", &fv)) };
    let mut out = String::new();
    super::format::format_value(&mut out, &v, &f.spec, &mut NoHooks)?;
    f.buf.write().map_err(conflict)?.push_str(&out);
    Ok(util::ok(cx, Value::Unit))
}

pub fn register(r: &mut super::registry::Registry) {
    for k in [Kind::Str, Kind::Char] {
        r.method_aux(k, "__escape_debug", escape, 0);
        r.method_aux(k, "__escape_default", escape, 1);
        r.method_aux(k, "__escape_unicode", escape, 2);
    }
    for k in [Kind::Int, Kind::Float, Kind::Str, Kind::Char, Kind::Bool] {
        r.method(k, "fmt", scalar_fmt);
    }
}

#[cfg(test)]
mod tests {
    use super::escaped;
    use crate::value::Value;

    #[test]
    fn escapes_are_stds() {
        let s = Value::str("tab\there \"q\" 'a' \u{e9} \n\\");
        assert_eq!(escaped(&s, 0).unwrap(), "tab\\there \\\"q\\\" \\'a\\' \u{e9} \\n\\\\");
        assert_eq!(escaped(&s, 1).unwrap(), "tab\\there \\\"q\\\" \\'a\\' \\u{e9} \\n\\\\");
        assert_eq!(escaped(&Value::Char('\n'), 1).unwrap(), "\\n");
        assert_eq!(escaped(&Value::Char('a'), 2).unwrap(), "\\u{61}");
    }
}
