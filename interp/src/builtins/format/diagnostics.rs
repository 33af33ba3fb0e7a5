//! Format-string errors as diagnostics located where rustc locates them.
//!
//! `teras_stdlib::fmt::compile_format` reports errors at byte offsets into the string's
//! value, and names the macro arguments an error is about by index. This turns them into
//! [`Diagnostic`]s: offsets go through the literal's escapes and raw-string prefix
//! (`literal_offsets`), argument errors point at the argument expressions ("argument never
//! used"), and "formatting specifier missing" underlines the whole literal, as in rustc.

use crate::ast::Span;
use crate::diag::Diagnostic;
use std::ops::Range;
use teras_stdlib::fmt::{literal_offsets, source_span, FmtError};

/// The diagnostics of `errs`, the errors of the format string whose literal is `literal`
/// (its source text, quotes included) at `lit_span` in the file; `arg_spans` are the spans
/// of the macro's explicit arguments, positional ones first, then the named ones.
pub fn fmt_error_diagnostics(
    errs: &[FmtError],
    literal: &str,
    lit_span: Span,
    arg_spans: &[Span],
) -> Vec<Diagnostic> {
    let offsets = literal_offsets(literal);
    let value_len = offsets.as_ref().map_or(0, |o| o.len().saturating_sub(1));
    let at = |r: &Range<usize>| -> Span {
        match &offsets {
            Some(offs) => {
                let s = source_span(offs, r.clone());
                Span {
                    lo: lit_span.lo + s.start as u32,
                    hi: lit_span.lo + s.end as u32,
                }
            }
            None => lit_span,
        }
    };
    // "formatting specifier missing" and the like are about the whole string: rustc
    // underlines the literal, quotes included.
    let secondary_at = |r: &Range<usize>, label: &str| -> Span {
        if r.start == 0 && r.end >= value_len && !label.starts_with("because") {
            lit_span
        } else {
            at(r)
        }
    };
    errs.iter()
        .map(|e| {
            let label = e.label.clone().unwrap_or_default();
            let mut d = match e.args.split_first() {
                Some((&first, rest)) => {
                    let arg_span = |i: usize| arg_spans.get(i).copied().unwrap_or(lit_span);
                    let mut d =
                        Diagnostic::error(e.message.clone(), arg_span(first), label.clone());
                    let duplicate = e.message.starts_with("duplicate argument");
                    for &i in rest {
                        let l = if duplicate {
                            "previously here".to_string()
                        } else {
                            label.clone()
                        };
                        d = d.with_secondary(arg_span(i), l);
                    }
                    if e.message.starts_with("redundant argument") {
                        for r in &e.spans {
                            d = d.with_secondary(
                                at(r),
                                "the formatting specifier is referencing the binding already",
                            );
                        }
                    }
                    d
                }
                None => {
                    let mut d = Diagnostic::error(e.message.clone(), at(&e.span()), label);
                    for r in e.spans.iter().skip(1) {
                        d = d.with_secondary(at(r), "");
                    }
                    d
                }
            };
            if let Some((r, l)) = &e.secondary {
                d = d.with_secondary(secondary_at(r, l), l.clone());
            }
            let notes: Vec<&str> = e
                .help
                .iter()
                .chain(e.notes.iter())
                .map(String::as_str)
                .collect();
            if !notes.is_empty() {
                d = d.with_help(notes.join("\n"));
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use teras_stdlib::fmt::compile_format;

    /// `println!(LITERAL, args...)` laid out in a file: the literal at byte 10, the arguments
    /// after it.
    fn diags(literal: &str, value: &str, n_args: usize) -> (Vec<Diagnostic>, Span, Vec<Span>) {
        let lit_span = Span {
            lo: 10,
            hi: 10 + literal.len() as u32,
        };
        let args: Vec<Span> = (0..n_args as u32)
            .map(|i| Span {
                lo: lit_span.hi + 2 + 3 * i,
                hi: lit_span.hi + 3 + 3 * i,
            })
            .collect();
        let errs = compile_format(value, n_args, &[]).unwrap_err();
        (
            fmt_error_diagnostics(&errs, literal, lit_span, &args),
            lit_span,
            args,
        )
    }

    #[test]
    fn spans_follow_escapes() {
        // println!("a\tb}") : the `}` is at byte 5 of the literal.
        let (d, lit, _) = diags(r#""a\tb}""#, "a\tb}", 0);
        assert_eq!(d[0].message, "invalid format string: unmatched `}` found");
        assert_eq!(
            d[0].span,
            Span {
                lo: lit.lo + 5,
                hi: lit.lo + 6
            }
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("if you intended to print `}`, you can escape it using `}}`")
        );
    }

    #[test]
    fn unused_arguments_point_at_them() {
        let (d, lit, args) = diags(r#""{}""#, "{}", 3);
        assert_eq!(d[0].message, "multiple unused formatting arguments");
        assert_eq!(d[0].span, args[1]);
        assert_eq!(d[0].secondary[0].0, args[2]);
        let last = d[0].secondary.last().unwrap();
        assert_eq!(
            (last.0, last.1.as_str()),
            (lit, "multiple missing formatting specifiers")
        );
    }

    #[test]
    fn end_of_string_and_bad_literals() {
        let (d, lit, _) = diags(r#""{a""#, "{a", 1);
        assert_eq!(
            d[0].span,
            Span {
                lo: lit.lo + 3,
                hi: lit.lo + 3
            }
        );
        let (d, lit, _) = diags(r#""}""#, "}", 0);
        assert_eq!(
            d[0].span,
            Span {
                lo: lit.lo + 1,
                hi: lit.lo + 2
            }
        );
        let (d, lit, args) = diags(r#""""#, "", 1);
        assert_eq!((d[0].span, d[0].secondary[0].0), (args[0], lit));
        let errs = compile_format("}", 0, &[]).unwrap_err();
        let span = Span { lo: 4, hi: 9 };
        let d = fmt_error_diagnostics(&errs, "not a literal", span, &[]);
        assert_eq!(d[0].span, span);
    }
}
