//! The lexer: source text to tokens, with literal values decoded.
//!
//! Comments and whitespace are skipped (or kept as `Tok::Comment` for highlighting). Errors
//! (an unknown character, a bad escape, an unterminated string) become diagnostics and the
//! lexer carries on, so it never fails and always ends with `Tok::Eof`.

use super::skim::Skim;
use super::token::{Tok, Token};
use crate::ast::{LitKind, Span};
use crate::diag::Diagnostic;

pub struct Lexed {
    pub tokens: Vec<Token>,
    pub diags: Vec<Diagnostic>,
    /// A string, char or block comment ran to the end of the input.
    pub unterminated: bool,
}

/// Lex the whole input. `keep_comments` produces `Tok::Comment` tokens (for highlighting).
pub fn lex(src: &str, keep_comments: bool) -> Lexed {
    let mut lx = Lexer { src, pos: 0, toks: Vec::with_capacity(src.len() / 6 + 16), diags: Vec::new(), unterminated: false, keep_comments, skim: None };
    lx.run();
    Lexed { tokens: lx.toks, diags: lx.diags, unterminated: lx.unterminated }
}

/// Lex the whole input, but the body of every `fn NAME ... { body }` is skipped: only its
/// `{` and `}` are tokens (see `skim`). For the lazy prelude.
pub fn lex_skimming(src: &str) -> Lexed {
    let mut lx = Lexer { src, pos: 0, toks: Vec::with_capacity(src.len() / 7 + 16), diags: Vec::new(), unterminated: false, keep_comments: false, skim: Some(Skim::Out) };
    lx.run();
    Lexed { tokens: lx.toks, diags: lx.diags, unterminated: lx.unterminated }
}

/// Lex `src[lo..hi]` with spans in `src` (a skimmed body); `Tok::Eof` is at `hi`.
pub fn lex_range(src: &str, lo: usize, hi: usize) -> Lexed {
    let src = src.get(..hi).filter(|s| s.is_char_boundary(lo.min(hi))).unwrap_or("");
    let pos = lo.min(src.len());
    let mut lx = Lexer { src, pos, toks: Vec::with_capacity((src.len() - pos) / 6 + 16), diags: Vec::new(), unterminated: false, keep_comments: false, skim: None };
    lx.run();
    Lexed { tokens: lx.toks, diags: lx.diags, unterminated: lx.unterminated }
}

const INT_SUFFIXES: &[&str] =
    &["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"];

pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}
pub fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    toks: Vec<Token>,
    diags: Vec<Diagnostic>,
    unterminated: bool,
    keep_comments: bool,
    /// Skip function bodies (`lex_skimming`).
    skim: Option<Skim>,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().nth(n))
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }
    fn push(&mut self, tok: Tok, lo: usize) {
        let body = self.skim.as_mut().is_some_and(|s| s.step(&tok));
        self.toks.push(Token { tok, span: Span::new(lo, self.pos) });
        if body {
            // A function body: on to its closing `}`, which is lexed next.
            if let Some(close) = super::skim::body_end(self.src.as_bytes(), self.pos) {
                self.pos = close;
            }
        }
    }
    fn err(&mut self, msg: &str, lo: usize, hi: usize, label: &str, help: &str) {
        let mut d = Diagnostic::error(msg, Span::new(lo, hi), label);
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diags.push(d);
    }

    fn run(&mut self) {
        // A byte order mark at the start is not part of the program.
        if self.rest().starts_with('\u{FEFF}') {
            self.pos += '\u{FEFF}'.len_utf8();
        }
        // A shebang line (`#!/usr/bin/env teras`), but not an inner attribute `#![...]`.
        if self.rest().starts_with("#!") && !self.rest()[2..].trim_start().starts_with('[') {
            while let Some(c) = self.peek() {
                if c == '\n' {
                    break;
                }
                self.bump();
            }
        }
        while let Some(&b0) = self.src.as_bytes().get(self.pos) {
            let lo = self.pos;
            // The common tokens first, from their first byte (ASCII identifiers and
            // punctuation make most of any program).
            if b0.is_ascii_alphabetic() && !matches!(b0, b'r' | b'c' | b'b') || b0 == b'_' {
                let name = self.ident_text();
                self.push(Tok::Ident(name), lo);
                continue;
            }
            if b0 == b'/' && self.src.as_bytes().get(self.pos + 1) == Some(&b'/') {
                // A line comment: up to the line break.
                self.pos = self.rest().find('\n').map_or(self.src.len(), |i| self.pos + i);
                if self.keep_comments {
                    self.push(Tok::Comment, lo);
                }
                continue;
            }
            if b0.is_ascii_punctuation() && !matches!(b0, b'"' | b'\'' | b'/') {
                if let Some(p) = punct_at(self.rest()) {
                    self.pos += p.len();
                    self.push(Tok::Punct(p), lo);
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            if c.is_whitespace() {
                self.bump();
                // The common run of ASCII blanks, a byte at a time.
                while self.src.as_bytes().get(self.pos).is_some_and(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')) {
                    self.pos += 1;
                }
            } else if self.rest().starts_with("//") {
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.bump();
                }
                if self.keep_comments {
                    self.push(Tok::Comment, lo);
                }
            } else if self.rest().starts_with("/*") {
                self.block_comment(lo);
            } else if c == 'r' && (self.rest().starts_with("r\"") || self.rest().starts_with("r#\"") || self.rest().starts_with("r##")) {
                self.bump();
                self.raw_string(lo, false);
            } else if c == 'r' && self.rest().starts_with("r#") && self.peek_at(2).is_some_and(is_ident_start) {
                self.bump();
                self.bump();
                let name = self.ident_text();
                self.push(Tok::RawIdent(name), lo);
            } else if c == 'c' && (self.rest().starts_with("c\"") || self.rest().starts_with("cr\"") || self.rest().starts_with("cr#")) {
                // C string literals: lexed as strings (teras has no `CStr`).
                self.bump();
                if self.peek() == Some('r') {
                    self.bump();
                    self.raw_string(lo, false);
                } else {
                    self.string(lo, false);
                }
            } else if c == 'b' && self.rest().starts_with("b'") {
                self.bump();
                self.char_lit(lo, true);
            } else if c == 'b' && self.rest().starts_with("b\"") {
                self.bump();
                self.string(lo, true);
            } else if c == 'b' && (self.rest().starts_with("br\"") || self.rest().starts_with("br#")) {
                self.bump();
                self.bump();
                self.raw_string(lo, true);
            } else if is_ident_start(c) {
                let name = self.ident_text();
                self.push(Tok::Ident(name), lo);
            } else if c.is_ascii_digit() {
                self.number(lo);
            } else if c == '"' {
                self.string(lo, false);
            } else if c == '\'' {
                self.quote(lo);
            } else if let Some(p) = punct_at(self.rest()) {
                self.pos += p.len();
                self.push(Tok::Punct(p), lo);
            } else {
                self.bump();
                self.err(
                    &format!("unknown start of token: {}", c.escape_debug()),
                    lo,
                    self.pos,
                    "unknown token",
                    "remove this character",
                );
                self.push(Tok::Unknown, lo);
            }
        }
        let end = self.src.len();
        self.toks.push(Token { tok: Tok::Eof, span: Span::new(end, end) });
    }

    fn ident_text(&mut self) -> String {
        let lo = self.pos;
        // ASCII identifier characters a byte at a time; anything else by `char`.
        while self.src.as_bytes().get(self.pos).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            self.pos += 1;
        }
        while self.peek().is_some_and(is_ident_continue) {
            self.bump();
        }
        self.src[lo..self.pos].to_string()
    }

    fn block_comment(&mut self, lo: usize) {
        self.pos += 2;
        let mut depth = 1usize;
        while depth > 0 {
            if self.rest().starts_with("/*") {
                self.pos += 2;
                depth += 1;
            } else if self.rest().starts_with("*/") {
                self.pos += 2;
                depth -= 1;
            } else if self.bump().is_none() {
                self.unterminated = true;
                self.err("unterminated block comment", lo, lo + 2, "comment starts here", "close it with `*/`");
                break;
            }
        }
        if self.keep_comments {
            self.push(Tok::Comment, lo);
        }
    }

    /// `'a` (lifetime or label), `'x'` (char), `'\n'` (char).
    fn quote(&mut self, lo: usize) {
        let c1 = self.peek_at(1);
        let c2 = self.peek_at(2);
        if c1.is_some_and(is_ident_start) && c2 != Some('\'') {
            self.bump();
            let name = self.ident_text();
            if self.peek() == Some('\'') {
                // `'ab'`: a char literal with several characters.
                self.bump();
                self.err("character literal may only contain one codepoint", lo, self.pos, "more than one character", "if you meant to write a string literal, use double quotes");
                self.push(Tok::Lit(LitKind::Char('\u{FFFD}')), lo);
                return;
            }
            self.push(Tok::Lifetime(name), lo);
            return;
        }
        self.char_lit(lo, false);
    }

    /// After the optional `b`: `'x'`.
    fn char_lit(&mut self, lo: usize, byte: bool) {
        self.bump(); // the quote
        let value = match self.peek() {
            None | Some('\n') => {
                self.unterminated = self.peek().is_none();
                self.err("unterminated character literal", lo, self.pos, "missing closing `'`", "add `'` after the character");
                self.push(Tok::Lit(LitKind::Char('\u{FFFD}')), lo);
                return;
            }
            Some('\\') => self.escape(byte).unwrap_or('\0'),
            Some('\'') => {
                self.bump();
                self.err("empty character literal", lo, self.pos, "empty", "write a character between the quotes");
                self.push(Tok::Lit(LitKind::Char('\u{FFFD}')), lo);
                return;
            }
            Some(c) => {
                self.bump();
                if byte && !c.is_ascii() {
                    self.err("non-ASCII character in byte literal", lo, self.pos, "must be ASCII", "use a `\\xHH` escape for the byte value");
                }
                c
            }
        };
        if self.peek() == Some('\'') {
            self.bump();
        } else {
            // Skip to a closing quote on the same line if there is one (`'ab'`).
            let line_rest = self.rest().split('\n').next().unwrap_or("");
            if let Some(i) = line_rest.find('\'') {
                self.pos += i + 1;
                self.err("character literal may only contain one codepoint", lo, self.pos, "more than one character", "if you meant to write a string literal, use double quotes");
            } else {
                self.unterminated = self.peek().is_none();
                self.err("unterminated character literal", lo, self.pos, "missing closing `'`", "add `'` after the character");
            }
        }
        let kind = if byte {
            LitKind::Byte(value as u32 as u8)
        } else {
            LitKind::Char(value)
        };
        self.push(Tok::Lit(kind), lo);
    }

    /// At a backslash: decode one escape. `None` for a line continuation or an error.
    fn escape(&mut self, byte: bool) -> Option<char> {
        let lo = self.pos;
        self.bump();
        let c = self.bump()?;
        let v = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'x' => {
                let hex: String = self.rest().chars().take(2).collect();
                let ok = hex.len() == 2 && hex.chars().all(|c| c.is_ascii_hexdigit());
                match u8::from_str_radix(&hex, 16) {
                    Ok(v) if ok && (byte || v <= 0x7F) => {
                        self.pos += 2;
                        v as char
                    }
                    _ => {
                        if ok {
                            self.pos += 2;
                        }
                        self.err("invalid `\\x` escape", lo, self.pos, "must be `\\x00`..`\\x7f`", "use `\\u{...}` for characters above 0x7f");
                        return None;
                    }
                }
            }
            'u' if !byte => {
                if self.peek() != Some('{') {
                    self.err("incorrect unicode escape sequence", lo, self.pos, "expected `{`", "format: `\\u{1F600}`");
                    return None;
                }
                let close = self.rest().find('}').filter(|&i| i <= 10);
                let Some(close) = close else {
                    self.err("unterminated unicode escape", lo, self.pos, "missing `}`", "format: `\\u{1F600}`");
                    return None;
                };
                let digits: String = self.rest()[1..close].chars().filter(|&c| c != '_').collect();
                self.pos += close + 1;
                match u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32) {
                    Some(ch) if !digits.is_empty() => ch,
                    _ => {
                        self.err("invalid unicode character escape", lo, self.pos, "not a unicode scalar value", "unicode escapes are at most `\\u{10FFFF}`, and not surrogates");
                        return None;
                    }
                }
            }
            '\n' => {
                // String continuation: skip the newline and the next line's leading whitespace.
                while self.peek().is_some_and(char::is_whitespace) {
                    self.bump();
                }
                return None;
            }
            '\r' if self.peek() == Some('\n') => {
                while self.peek().is_some_and(char::is_whitespace) {
                    self.bump();
                }
                return None;
            }
            other => {
                self.err(&format!("unknown character escape: `{}`", other.escape_debug()), lo, self.pos, "unknown escape", "valid escapes: \\n \\t \\r \\0 \\\\ \\' \\\" \\x41 \\u{1F600}");
                return None;
            }
        };
        Some(v)
    }

    /// After the optional `b`: `"..."`.
    fn string(&mut self, lo: usize, byte: bool) {
        self.bump();
        let mut s = String::new();
        loop {
            match self.peek() {
                None => {
                    self.unterminated = true;
                    self.err("unterminated double quote string", lo, lo + 1, "string starts here", "add the closing `\"`");
                    break;
                }
                Some('"') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    if let Some(c) = self.escape(byte) {
                        s.push(c);
                    }
                }
                Some('\r') if self.peek_at(1) == Some('\n') => {
                    self.bump();
                }
                Some(c) => {
                    let clo = self.pos;
                    self.bump();
                    if byte && !c.is_ascii() {
                        self.err("non-ASCII character in byte string literal", clo, self.pos, "must be ASCII", "use `\\xHH` escapes for the byte values");
                    }
                    s.push(c);
                }
            }
        }
        let kind = if byte {
            LitKind::ByteStr(s.chars().map(|c| c as u32 as u8).collect())
        } else {
            LitKind::Str(s)
        };
        self.push(Tok::Lit(kind), lo);
    }

    /// After `r` / `br`: `#*"..."#*`.
    fn raw_string(&mut self, lo: usize, byte: bool) {
        let mut hashes = 0usize;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            self.err("expected `\"` in raw string", lo, self.pos, "after the `#`s", "raw strings look like r#\"...\"#");
            self.push(Tok::Unknown, lo);
            return;
        }
        self.bump();
        let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
        let body_lo = self.pos;
        let text = match self.rest().find(&closing) {
            Some(i) => {
                let t = self.src[body_lo..body_lo + i].to_string();
                self.pos = body_lo + i + closing.len();
                t
            }
            None => {
                self.unterminated = true;
                self.pos = self.src.len();
                self.err("unterminated raw string", lo, body_lo, "raw string starts here", &format!("add the closing `{closing}`"));
                self.src[body_lo..].to_string()
            }
        };
        let kind = if byte { LitKind::ByteStr(text.into_bytes()) } else { LitKind::Str(text.replace("\r\n", "\n")) };
        self.push(Tok::Lit(kind), lo);
    }

    fn number(&mut self, lo: usize) {
        let radix = match self.rest().get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        if radix != 10 {
            self.pos += 2;
            let dlo = self.pos;
            while self.peek().is_some_and(|c| c == '_' || c.is_digit(radix.max(10))) {
                self.bump();
            }
            let digits: String = self.src[dlo..self.pos].chars().filter(|&c| c != '_').collect();
            let suffix = self.suffix();
            let value = if digits.is_empty() {
                self.err("no valid digits found for number", lo, self.pos, "no digits", "write at least one digit after the base prefix");
                0
            } else if let Some(bad) = digits.chars().find(|c| !c.is_digit(radix)) {
                self.err(&format!("invalid digit `{bad}` for a base {radix} literal"), lo, self.pos, "invalid digit", "");
                0
            } else {
                match u128::from_str_radix(&digits, radix) {
                    Ok(v) => v,
                    Err(_) => {
                        self.err("integer literal is too large", lo, self.pos, "too large", "the largest integer type is u128");
                        0
                    }
                }
            };
            self.check_suffix(&suffix, lo, false);
            self.push(Tok::Lit(LitKind::Int(value, suffix)), lo);
            return;
        }
        self.digits();
        let mut is_float = false;
        // `1.5`, `1.` but not `1..2`, `1.foo()`, `x.0.1` (the parser splits that float).
        if self.peek() == Some('.') {
            let next = self.peek_at(1);
            if next != Some('.') && !next.is_some_and(is_ident_start) {
                self.bump();
                is_float = true;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.digits();
                }
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let n1 = self.peek_at(1);
            let n2 = self.peek_at(2);
            let exp = n1.is_some_and(|c| c.is_ascii_digit())
                || (matches!(n1, Some('+' | '-')) && n2.is_some_and(|c| c.is_ascii_digit()));
            if exp {
                self.bump();
                if matches!(self.peek(), Some('+' | '-')) {
                    self.bump();
                }
                self.digits();
                is_float = true;
            }
        }
        let text: String = self.src[lo..self.pos].chars().filter(|&c| c != '_').collect();
        let suffix = self.suffix();
        self.check_suffix(&suffix, lo, is_float);
        if is_float {
            self.push(Tok::Lit(LitKind::Float(text, suffix)), lo);
        } else {
            let value = text.parse::<u128>().unwrap_or_else(|_| {
                self.err("integer literal is too large", lo, self.pos, "too large", "the largest integer type is u128");
                0
            });
            self.push(Tok::Lit(LitKind::Int(value, suffix)), lo);
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c == '_' || c.is_ascii_digit()) {
            self.bump();
        }
    }

    fn suffix(&mut self) -> Option<String> {
        if self.peek().is_some_and(is_ident_start) {
            Some(self.ident_text())
        } else {
            None
        }
    }

    fn check_suffix(&mut self, suffix: &Option<String>, lo: usize, is_float: bool) {
        let Some(s) = suffix else { return };
        // After `.` this is a tuple index (`t.0u8`): the parser reports its suffix.
        if self.toks.last().is_some_and(|t| t.is_punct(".")) {
            return;
        }
        let ok = if is_float { s == "f32" || s == "f64" } else { INT_SUFFIXES.contains(&s.as_str()) || s == "f32" || s == "f64" };
        let width = s.get(1..).filter(|w| (s.starts_with('u') || s.starts_with('i')) && !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
        if let (false, false, Some(w)) = (ok, is_float, width) {
            self.err(&format!("invalid width `{w}` for integer literal"), lo, self.pos, "invalid width", "valid widths are 8, 16, 32, 64 and 128");
            return;
        }
        if !ok {
            let kind = if is_float { "float" } else { "integer" };
            self.err(
                &format!("invalid suffix `{s}` for {kind} literal"),
                lo,
                self.pos,
                "invalid suffix",
                if is_float { "valid suffixes are `f32` and `f64`" } else { "the suffix must be one of the numeric types (`u32`, `isize`, `f32`, etc.)" },
            );
        }
    }
}

/// Punctuation in the order the lexer tries it (longest first).
const PUNCT_PREFIXES: &[&str] = super::token::PUNCTS;

/// The longest punctuation token at the start of `rest` (`PUNCT_PREFIXES` is longest first;
/// the first byte is compared before the whole text, which keeps the search cheap).
fn punct_at(rest: &str) -> Option<&'static str> {
    let b = rest.as_bytes();
    let b0 = *b.first()?;
    // Single-character tokens that never start a longer one: no search.
    let single = match b0 {
        b'(' => Some("("),
        b')' => Some(")"),
        b'[' => Some("["),
        b']' => Some("]"),
        b'{' => Some("{"),
        b'}' => Some("}"),
        b',' => Some(","),
        b';' => Some(";"),
        _ => None,
    };
    if single.is_some() {
        return single;
    }
    PUNCT_PREFIXES.iter().copied().find(|p| p.as_bytes().first() == Some(&b0) && rest.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        lex(src, false).tokens.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("0xff_u8")[0], Tok::Lit(LitKind::Int(255, Some("u8".into()))));
        assert_eq!(toks("0o17")[0], Tok::Lit(LitKind::Int(15, None)));
        assert_eq!(toks("0b1010")[0], Tok::Lit(LitKind::Int(10, None)));
        assert_eq!(toks("1_000i64")[0], Tok::Lit(LitKind::Int(1000, Some("i64".into()))));
        assert_eq!(toks("2.5f32")[0], Tok::Lit(LitKind::Float("2.5".into(), Some("f32".into()))));
        assert_eq!(toks("1e10")[0], Tok::Lit(LitKind::Float("1e10".into(), None)));
        assert_eq!(toks("1f64")[0], Tok::Lit(LitKind::Int(1, Some("f64".into()))));
        assert_eq!(toks("1.")[0], Tok::Lit(LitKind::Float("1.".into(), None)));
        assert_eq!(toks("1..2"), vec![Tok::Lit(LitKind::Int(1, None)), Tok::Punct(".."), Tok::Lit(LitKind::Int(2, None)), Tok::Eof]);
        assert_eq!(toks("1.max(2)")[1], Tok::Punct("."));
        assert_eq!(toks("x.0.1")[2], Tok::Lit(LitKind::Float("0.1".into(), None)));
        assert_eq!(toks("1e-3")[0], Tok::Lit(LitKind::Float("1e-3".into(), None)));
    }

    #[test]
    fn strings_and_chars() {
        assert_eq!(toks(r#""a\n\t\\\0\'\"\x41\u{1F600}""#)[0], Tok::Lit(LitKind::Str("a\n\t\\\0'\"A\u{1F600}".into())));
        assert_eq!(toks("\"a\\\n    b\"")[0], Tok::Lit(LitKind::Str("ab".into())));
        assert_eq!(toks(r###"r#"a "q" b"#"###)[0], Tok::Lit(LitKind::Str("a \"q\" b".into())));
        assert_eq!(toks(r#"b"hi""#)[0], Tok::Lit(LitKind::ByteStr(b"hi".to_vec())));
        assert_eq!(toks("b'a'")[0], Tok::Lit(LitKind::Byte(b'a')));
        assert_eq!(toks("'x'")[0], Tok::Lit(LitKind::Char('x')));
        assert_eq!(toks("'\\n'")[0], Tok::Lit(LitKind::Char('\n')));
        assert_eq!(toks("'a")[0], Tok::Lifetime("a".into()));
        assert_eq!(toks("'static str")[0], Tok::Lifetime("static".into()));
        assert_eq!(toks("r#fn")[0], Tok::RawIdent("fn".into()));
    }

    #[test]
    fn puncts_and_comments() {
        assert_eq!(toks("a >>= b // c\n /* d /* e */ */ ::"), vec![Tok::Ident("a".into()), Tok::Punct(">>="), Tok::Ident("b".into()), Tok::Punct("::"), Tok::Eof]);
        let l = lex("\"abc", false);
        assert!(l.unterminated && l.diags.len() == 1);
        let l = lex("/* abc", false);
        assert!(l.unterminated);
        let l = lex("a § b", false);
        assert_eq!(l.diags.len(), 1);
        let l = lex("\u{FEFF}fn\r\nx", false);
        assert!(l.diags.is_empty() && l.tokens.len() == 3);
        assert_eq!(toks("\"a\r\nb\"")[0], Tok::Lit(LitKind::Str("a\nb".into())));
    }
}
