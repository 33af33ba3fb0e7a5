//! Mapping offsets in a format string's *value* back to its *source text*.
//!
//! `parse_format` and `resolve` report errors at byte offsets into the string the literal
//! denotes (escapes already replaced). A diagnostic must point into the source, where
//! `"a\tb{"` has the `{` at offset 5 of the literal's text but 3 of its value. rustc does the
//! same mapping from the literal's snippet; [`literal_offsets`] computes it for ordinary
//! (`"..."`) and raw (`r"..."`, `r#"..."#`) string literals, including `\u{..}`, `\x..` and
//! line continuations (`\` at the end of a line skips the newline and leading whitespace).

use std::ops::Range;

/// For a string literal as written (quotes included), the offset in that text of every byte
/// of the string's value, plus one entry for the end (the closing quote). `None` when the
/// text is not a well-formed string literal.
pub fn literal_offsets(snippet: &str) -> Option<Vec<usize>> {
    let bytes = snippet.as_bytes();
    if let Some(rest) = snippet.strip_prefix('r') {
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        let open = 1 + hashes;
        if bytes.get(open) != Some(&b'"') {
            return None;
        }
        let close_len = 1 + hashes;
        let body_end = snippet.len().checked_sub(close_len)?;
        if body_end < open + 1 || bytes.get(body_end) != Some(&b'"') {
            return None;
        }
        return Some((open + 1..=body_end).collect());
    }
    if bytes.first() != Some(&b'"') || bytes.last() != Some(&b'"') || snippet.len() < 2 {
        return None;
    }
    let body_end = snippet.len() - 1;
    let mut out = Vec::with_capacity(body_end);
    let mut chars = snippet[1..body_end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = i + 1;
        if c != '\\' {
            out.extend(at..at + c.len_utf8());
            continue;
        }
        let (_, e) = chars.next()?;
        let produced = match e {
            'n' | 't' | 'r' | '\\' | '0' | '\'' | '"' => 1,
            'x' => {
                // Two hex digits, at most 7F.
                if chars.next()?.1.to_digit(8).is_none() || chars.next()?.1.to_digit(16).is_none() {
                    return None;
                }
                1
            }
            'u' => {
                if chars.next()?.1 != '{' {
                    return None;
                }
                let mut code = 0u32;
                loop {
                    let (_, d) = chars.next()?;
                    match d {
                        '}' => break,
                        '_' => {}
                        _ => code = code.checked_mul(16)?.checked_add(d.to_digit(16)?)?,
                    }
                }
                char::from_u32(code)?.len_utf8()
            }
            '\n' | '\r' => {
                // A line continuation: the newline and the next line's leading whitespace
                // produce nothing.
                while chars.peek().is_some_and(|&(_, w)| w.is_whitespace()) {
                    chars.next();
                }
                0
            }
            _ => return None,
        };
        out.extend(std::iter::repeat_n(at, produced));
    }
    out.push(body_end);
    Some(out)
}

/// The source span of a span of the string's value, given [`literal_offsets`]. An empty
/// span (a point, such as "expected `}` but string was terminated") stays empty.
pub fn source_span(offsets: &[usize], span: Range<usize>) -> Range<usize> {
    let last = offsets.last().copied().unwrap_or(0);
    let start = offsets.get(span.start).copied().unwrap_or(last);
    if span.end <= span.start {
        return start..start;
    }
    // The end is just past the last byte of the span in the source: the start of what
    // follows it.
    let end = offsets.get(span.end).copied().unwrap_or(last).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cooked_to_source(snippet: &str, value: &str, span: Range<usize>) -> String {
        let offs = literal_offsets(snippet).unwrap();
        assert_eq!(offs.len(), value.len() + 1, "{snippet}");
        snippet[source_span(&offs, span)].to_string()
    }

    #[test]
    fn plain_and_escaped() {
        // "a\tb{" : the `{` is byte 3 of the value, 5 of the literal.
        assert_eq!(cooked_to_source(r#""a\tb{""#, "a\tb{", 3..4), "{");
        assert_eq!(cooked_to_source(r#""é{x}""#, "é{x}", 2..5), "{x}");
        assert_eq!(cooked_to_source(r#""\u{e9}{x}""#, "é{x}", 2..5), "{x}");
        assert_eq!(cooked_to_source(r#""\u{e9}{x}""#, "é{x}", 0..2), "\\u{e9}");
        assert_eq!(cooked_to_source(r#""\x41{""#, "A{", 1..2), "{");
        assert_eq!(cooked_to_source(r#""\"{}\"""#, "\"{}\"", 1..3), "{}");
        // The end of the string: the closing quote.
        let offs = literal_offsets(r#""{a""#).unwrap();
        assert_eq!(source_span(&offs, 2..2), 3..3);
    }

    #[test]
    fn continuation_and_raw() {
        let snippet = "\"a\\\n     {b}\"";
        assert_eq!(cooked_to_source(snippet, "a{b}", 1..4), "{b}");
        assert_eq!(
            cooked_to_source(r##"r#"{"x"}"#"##, "{\"x\"}", 0..5),
            "{\"x\"}"
        );
        assert_eq!(cooked_to_source(r#"r"\n{}""#, "\\n{}", 2..4), "{}");
        assert_eq!(literal_offsets("\"unterminated"), None);
        assert_eq!(literal_offsets("r#\"x\""), None);
        assert_eq!(literal_offsets(r#""\q""#), None);
    }
}
