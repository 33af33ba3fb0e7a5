//! Tokens: what the lexer produces and the parser consumes.
//!
//! Punctuation is lexed greedily into multi-character operators (`>>=`, `&&`, `..=`); the
//! parser splits them when the grammar needs a shorter one (`Vec<Vec<i32>>`, `&&x`, `||`).

use crate::ast::{LitKind, Span};

/// Every punctuation token, longest first so the lexer can match greedily.
pub const PUNCTS: &[&str] = &[
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..", "+", "-", "*", "/", "%", "^", "!", "&",
    "|", "=", "<", ">", "@", ".", ",", ";", ":", "#", "$", "?", "~", "(", ")", "[", "]", "{", "}",
];

/// The `&'static str` of `PUNCTS` equal to `s`, if any.
pub fn punct(s: &str) -> Option<&'static str> {
    PUNCTS.iter().copied().find(|p| *p == s)
}

/// Rust's keywords (strict and reserved ones a program may meet).
pub const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
    "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
    "type", "unsafe", "use", "where", "while",
];

/// Is `name` one of `KEYWORDS`? (A `match` on the text: the compiler dispatches on length
/// and bytes instead of comparing with every keyword; the parser asks for every identifier.)
pub fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "async" | "await" | "break" | "const" | "continue" | "crate" | "dyn" | "else" | "enum"
            | "extern" | "false" | "fn" | "for" | "if" | "impl" | "in" | "let" | "loop" | "match" | "mod"
            | "move" | "mut" | "pub" | "ref" | "return" | "self" | "Self" | "static" | "struct" | "super"
            | "trait" | "true" | "type" | "unsafe" | "use" | "where" | "while"
    )
}

/// Keywords that can never be used as a plain identifier (path segments `self`, `Self`,
/// `super`, `crate` are handled by the parser).
pub fn is_reserved(name: &str) -> bool {
    name == "_" || is_keyword(name) && !matches!(name, "self" | "Self" | "super" | "crate")
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier or keyword (keywords are identified by their text).
    Ident(String),
    /// `r#name`: never a keyword.
    RawIdent(String),
    /// `'a` (the name without the quote).
    Lifetime(String),
    Lit(LitKind),
    Punct(&'static str),
    /// A comment (only produced when the lexer keeps comments, for highlighting).
    Comment,
    /// A character no token starts with (already reported).
    Unknown,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(&self.tok, Tok::Punct(q) if *q == p)
    }
    pub fn is_kw(&self, kw: &str) -> bool {
        matches!(&self.tok, Tok::Ident(s) if s == kw)
    }
    /// A short description for "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match &self.tok {
            Tok::Ident(s) if is_keyword(s) => format!("keyword `{s}`"),
            Tok::Ident(s) | Tok::RawIdent(s) => format!("`{s}`"),
            Tok::Lifetime(s) => format!("lifetime `'{s}`"),
            Tok::Lit(LitKind::Str(_)) => "string literal".into(),
            Tok::Lit(LitKind::Int(..)) | Tok::Lit(LitKind::Float(..)) => "number".into(),
            Tok::Lit(LitKind::Char(_)) => "character literal".into(),
            Tok::Lit(_) => "literal".into(),
            Tok::Punct(p) => format!("`{p}`"),
            Tok::Comment => "comment".into(),
            Tok::Unknown => "unknown token".into(),
            Tok::Eof => "end of input".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_keyword_is_exactly_the_keyword_list() {
        for k in KEYWORDS {
            assert!(is_keyword(k), "{k}");
        }
        for w in ["_", "x", "asy", "Fn", "selfish", "", "r#fn", "macro_rules"] {
            assert!(!is_keyword(w), "{w}");
        }
    }

    #[test]
    fn punctuation_is_longest_first() {
        for (i, p) in PUNCTS.iter().enumerate() {
            for q in &PUNCTS[i + 1..] {
                assert!(!(q.starts_with(p) && q.len() > p.len()), "{q} comes after its prefix {p}");
            }
        }
    }
}
