//! Skimming function bodies: the lazy prelude's lexer skips the body of every `fn NAME ...
//! { body }`, keeping only its braces (the parser sees `{ }`, an empty block whose span is
//! the whole body's), and the body is lexed and parsed when the compiler needs it
//! (`syntax::parse_bodies`, called by `compile/lazy_prelude.rs`).
//!
//! `Skim` follows the tokens the lexer pushes to find where a function's body opens: after
//! `fn` and a name, the first `{` outside parentheses and brackets (a `;` first means there
//! is no body). `body_end` then finds the matching `}` with a byte scan that knows what can
//! hide a brace: strings (raw and byte ones too), char literals (not lifetimes) and comments.

use super::token::Tok;

/// Where the lexer is in a function's signature.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) enum Skim {
    /// Not in a signature.
    #[default]
    Out,
    /// Just after the keyword `fn`.
    Fn,
    /// After `fn NAME`: the body's `{` comes at nesting `depth` 0 (of `(` and `[`).
    Sig { depth: u32 },
}

impl Skim {
    /// The state after `tok`; `true` when `tok` is a `{` that opens a body.
    pub(super) fn step(&mut self, tok: &Tok) -> bool {
        let fn_kw = matches!(tok, Tok::Ident(n) if n == "fn");
        match (*self, tok) {
            (Skim::Sig { .. }, _) if fn_kw => {} // `fn(i32) -> i32` in a signature
            (_, _) if fn_kw => *self = Skim::Fn,
            (Skim::Fn, Tok::Ident(_) | Tok::RawIdent(_)) => *self = Skim::Sig { depth: 0 },
            (Skim::Fn, _) => *self = Skim::Out,
            (Skim::Sig { depth }, Tok::Punct(p)) => match *p {
                "(" | "[" => *self = Skim::Sig { depth: depth + 1 },
                ")" | "]" => *self = Skim::Sig { depth: depth.saturating_sub(1) },
                ";" | "}" if depth == 0 => *self = Skim::Out,
                "{" if depth == 0 => {
                    *self = Skim::Out;
                    return true;
                }
                _ => {}
            },
            _ => {}
        }
        false
    }
}

/// The index of the `}` that closes the block whose `{` ends just before `from`, or `None`
/// when the text ends first (the lexer then lexes the body as usual and reports).
///
/// Only `{ } / " '` need a look (a table says which bytes): a raw string is recognized at
/// its `"` by what precedes it (`r`, `br` or `cr` starting a word, then `#`s).
pub(super) fn body_end(src: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    while let Some(&b) = src.get(i) {
        if !SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'/' if src.get(i + 1) == Some(&b'/') => {
                i += src.get(i..)?.iter().position(|&c| c == b'\n')?;
            }
            b'/' if src.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(src, i)?;
                continue;
            }
            b'"' => {
                i = match raw_hashes(src, i) {
                    Some(h) => raw_string_end(src, i + 1, h)?,
                    None => string_end(src, i + 1)?,
                };
                continue;
            }
            b'\'' => {
                i = quote_end(src, i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The bytes `body_end` looks at.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'{' as usize] = true;
    t[b'}' as usize] = true;
    t[b'/' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t
};

/// For the `"` at `at`: the number of `#`s of a raw string (`r#"`, `br"`, `cr##"`), or
/// `None` for an ordinary string (`"`, `b"`, `c"`).
fn raw_hashes(src: &[u8], at: usize) -> Option<usize> {
    let word = |c: u8| c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80;
    let mut j = at;
    while j > 0 && src.get(j - 1) == Some(&b'#') {
        j -= 1;
    }
    let r = j.checked_sub(1)?;
    if src.get(r) != Some(&b'r') {
        return None;
    }
    let before = |k: usize| k.checked_sub(1).and_then(|k| src.get(k)).copied();
    let starts_word = match before(r) {
        Some(c) if c == b'b' || c == b'c' => !before(r - 1).is_some_and(word),
        Some(c) => !word(c),
        None => true,
    };
    starts_word.then_some(at - j)
}

/// Call `f` with every word of Rust code `text` that can start an identifier (ASCII letters,
/// digits and `_`, not starting with a digit), each occurrence, skipping comments. The words
/// inside string literals count (a string is no call, but counting them only over-approximates);
/// a number's suffix (`1u8`) is no word. For the lazy prelude's reachability scan.
pub fn code_words(text: &str, f: impl FnMut(&str)) {
    words(text, true, f);
}

/// `code_words` without the words inside string literals: for prelude bodies, whose strings
/// are messages and format strings (a format string's inline arguments are locals or consts,
/// and the lazy prelude feeds every prelude const from the start).
pub fn code_words_outside_strings(text: &str, f: impl FnMut(&str)) {
    words(text, false, f);
}

fn words(text: &str, strings: bool, mut f: impl FnMut(&str)) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                i += 1;
            }
            if let Some(w) = text.get(start..i) {
                f(w);
            }
        } else if c.is_ascii_digit() {
            while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            i = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'\n')).map_or(b.len(), |p| i + p);
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = block_comment_end(b, i).unwrap_or(b.len());
        } else if c == b'"' {
            // The string's own words, without reading `//` in it as a comment.
            let end = match raw_hashes(b, i) {
                Some(h) => raw_string_end(b, i + 1, h),
                None => string_end(b, i + 1),
            }
            .unwrap_or(b.len());
            if let Some(inner) = text.get(i + 1..end).filter(|_| strings) {
                for w in inner.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                    if w.as_bytes().first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
                        f(w);
                    }
                }
            }
            i = end;
        } else if c == b'\'' {
            i = quote_end(b, i);
        } else {
            i += 1;
        }
    }
}

/// After the opening `"` at `from - 1`: the index just past the closing one.
fn string_end(src: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        match src.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// After `r#..#"` (`hashes` of them): the index just past `"#..#`.
fn raw_string_end(src: &[u8], from: usize, hashes: usize) -> Option<usize> {
    let mut i = from;
    loop {
        if *src.get(i)? == b'"' && src.get(i + 1..i + 1 + hashes).is_some_and(|h| h.iter().all(|&c| c == b'#')) {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
}

/// At `/*`: the index just past its (nested) `*/`.
fn block_comment_end(src: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match (src.get(i)?, src.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

/// At a `'`: past a char literal (`'x'`, `'\n'`, `'\u{..}'`, `'{'`), or past the quote
/// alone for a lifetime or label (`'a`), as the lexer tells them apart.
fn quote_end(src: &[u8], at: usize) -> usize {
    if src.get(at + 1) == Some(&b'\\') {
        // An escape: its first character may be a quote (`'\''`).
        let close = src.get(at + 3..).and_then(|r| r.iter().position(|&c| c == b'\''));
        return close.map_or(at + 1, |p| at + 3 + p + 1);
    }
    let len = match src.get(at + 1) {
        Some(&c) if c < 0x80 => 1,
        Some(&c) if c >= 0xF0 => 4,
        Some(&c) if c >= 0xE0 => 3,
        Some(_) => 2,
        None => return at + 1,
    };
    if src.get(at + 1 + len) == Some(&b'\'') {
        at + 2 + len
    } else {
        at + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(s: &str) -> Option<usize> {
        body_end(s.as_bytes(), 1)
    }

    #[test]
    fn braces_hidden_in_literals_and_comments_do_not_count() {
        assert_eq!(end("{ a { b } c }x"), Some(12));
        assert_eq!(end(r#"{ "}" '}' '\'' '\u{7d}' }"#), Some(24));
        assert_eq!(end("{ // }\n /* } /* } */ } */ }"), Some(26));
        assert_eq!(end(r###"{ r#"}"# br"}" x.r }"###), Some(19));
        assert_eq!(end("{ fn f<'a>(x: &'a str) -> &'a str { x } }"), Some(40));
        assert_eq!(end("{ 'outer: loop { break 'outer; } }"), Some(33));
        assert_eq!(end("{ \"\\\"}\" }"), Some(8));
        assert_eq!(end("{ 'é' }"), Some(7));
        assert_eq!(end(r##"{ cr#"}"# ar"}" }"##), Some(16));
        assert_eq!(end("{ 1u8 + x1 }"), Some(11));
        assert_eq!(end("{ \"}"), None);
        assert_eq!(end("{ {"), None);
    }

    #[test]
    fn code_words_skip_comments_but_not_strings() {
        let mut w = Vec::new();
        code_words("a.b(1u8) // c d\n /* e */ \"f://g\" 'h' 'i x_1 r#\"j\"#", |s| w.push(s.to_string()));
        assert_eq!(w, ["a", "b", "f", "g", "i", "x_1", "r", "j"]);
    }

    #[test]
    fn a_body_opens_after_fn_name_outside_parens() {
        let toks = crate::syntax::lexer::lex("fn f(g: fn(i32) -> [u8; 2]) -> X where T: A {", false).tokens;
        let mut s = Skim::Out;
        let opened: Vec<bool> = toks.iter().map(|t| s.step(&t.tok)).collect();
        assert_eq!(opened.iter().filter(|&&b| b).count(), 1);
        assert!(opened[opened.len() - 2]);
        let toks = crate::syntax::lexer::lex("fn f(); struct S { a: fn() }", false).tokens;
        let mut s = Skim::Out;
        assert!(toks.iter().all(|t| !s.step(&t.tok)));
    }

    #[test]
    fn code_words_outside_strings_skip_literals() {
        let mut w = Vec::new();
        super::code_words_outside_strings("f(\"Iter { rx: Receiver }\", r#\"a \" b\"#, 'c') // d\n g", |s| w.push(s.to_string()));
        assert_eq!(w, ["f", "r", "g"]);
    }
}

#[cfg(test)]
mod prelude_tests {
    use crate::ast::{Item, ItemKind};

    /// Put back the body of every skimmed function of `items`, parsed by `parse_bodies`.
    fn fill(items: &mut [Item], src: &str, id: &mut u32) {
        for it in items {
            match &mut it.kind {
                ItemKind::Fn(f) => {
                    if let Some(b) = &mut f.body {
                        let (mut blocks, next) = crate::syntax::parse_bodies(src, &[b.span], *id);
                        *id = next;
                        *b = blocks.pop().flatten().expect("a skimmed body parses");
                    }
                }
                ItemKind::Impl(i) => fill(&mut i.items, src, id),
                ItemKind::Trait(t) => fill(&mut t.items, src, id),
                ItemKind::Mod(m) => fill(m.items.as_deref_mut().unwrap_or(&mut []), src, id),
                _ => {}
            }
        }
    }

    /// The tree's debug text without node ids (a skimmed parse numbers nodes differently).
    fn without_ids(t: &str) -> String {
        let mut out = String::with_capacity(t.len());
        let mut rest = t;
        while let Some(i) = rest.find("id: ") {
            out.push_str(&rest[..i + 4]);
            rest = rest[i + 4..].trim_start_matches(|c: char| c.is_ascii_digit());
        }
        out.push_str(rest);
        out
    }

    /// The prelude parsed with skimmed bodies, each body then parsed on its own, is the tree
    /// of the whole-file parse, spans included.
    #[test]
    fn skimmed_prelude_with_its_bodies_parsed_is_the_whole_parse() {
        let src = crate::builtins::PRELUDE;
        let (whole, d1) = crate::syntax::parse_file(src);
        let (mut skimmed, d2) = crate::syntax::parse_skimmed(src);
        assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
        let mut id = 1 << 30;
        fill(&mut skimmed.items, src, &mut id);
        let (a, b) = (without_ids(&format!("{whole:?}")), without_ids(&format!("{skimmed:?}")));
        if a != b {
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(0);
            panic!("differ at {at}: {:?}\n vs {:?}", a.get(at.saturating_sub(300)..at + 200), b.get(at.saturating_sub(300)..at + 200));
        }
    }
}
