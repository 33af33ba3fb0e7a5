//! Rust formatting: format-string parsing and value rendering exactly as std does.
//!
//! - [`parse_format`] parses a format string with rustc's grammar and error messages;
//!   [`resolve`] / [`compile_format`] map its placeholders to argument indices (positional,
//!   named, then captured variables) and report unused or missing arguments as rustc does.
//!   Their offsets are into the string's value; [`literal_offsets`] and [`source_span`] map
//!   them back into the literal's source text (escapes, raw strings).
//! - [`Spec`] is what std's `Formatter` holds for one placeholder (fill, alignment, sign,
//!   `#`, `0`, width, precision, `x?`) plus the formatting [`Trait`].
//! - [`fmt_int`], [`fmt_f64`]/[`fmt_f32`], [`fmt_str`], [`fmt_char`], [`fmt_bool`],
//!   [`fmt_pointer`] render scalars under a spec; [`pad`], [`pad_integral`] and
//!   [`pad_number_parts`] are std's padding rules for anything else.
//! - [`DebugStruct`], [`DebugTuple`], [`DebugList`], [`DebugMap`] are std's Debug builders,
//!   compact and pretty (`{:#?}`); [`DebugBuilder`] is the same with its state kept apart
//!   from the buffer, for user impls calling `f.debug_struct(..)` through the VM.
//!
//! Where std's own formatter gives the answer (float digits, string escapes), it is used
//! directly, so the output is rustc's by construction. Nothing here knows the VM's values:
//! `teras-interp`'s `builtins::format` binds these to them.

mod builders;
mod float;
mod num;
mod offsets;
mod pad;
mod parse;
mod resolve;
mod spec;
mod text;

#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod parse_tests;
#[cfg(test)]
mod tests;

pub use builders::{
    indent_into, BuilderKind, DebugBuilder, DebugList, DebugMap, DebugStruct, DebugTuple, MapPart,
};
pub use float::{fmt_f32, fmt_f64};
pub use num::{fmt_int, fmt_pointer, push_i64, push_u64, Int};
pub use offsets::{literal_offsets, source_span};
pub use pad::{pad, pad_aligned, pad_integral, pad_number_parts};
pub use parse::{parse_format, Argument, Count, FmtError, Piece, Position};
pub use resolve::{compile_format, resolve, MacroArgs, Placeholder, TPiece, Template};
pub use spec::{Align, DebugHex, Sign, Spec, Trait, MAX_COUNT};
pub use text::{debug_char, debug_str, fmt_bool, fmt_char, fmt_str};

/// Parses a placeholder's spec alone, as written after the `:` (`">+#08.3?"`), for tests
/// and for natives that take a format spec as text. Counts taken from arguments are refused.
#[allow(clippy::result_large_err)] // a cold path: errors end compilation
pub fn parse_spec(spec: &str) -> Result<Spec, FmtError> {
    let text = format!("{{:{spec}}}");
    let pieces = parse_format(&text)?;
    let tpl = match resolve(&pieces, text.len(), &MacroArgs::new(1, &[])) {
        Ok(t) => t,
        Err(mut errs) => return Err(errs.swap_remove(0)),
    };
    match tpl.pieces.as_slice() {
        [TPiece::Arg(p)]
            if p.width_arg.is_none() && p.precision_arg.is_none() && tpl.captures.is_empty() =>
        {
            Ok(p.spec.clone())
        }
        _ => Err(FmtError::at(
            0..spec.len(),
            format!("not a single literal format spec: `{spec}`"),
        )),
    }
}
