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

/// Keywords that can never be used as a plain identifier (path segments `self`, `Self`,
/// `super`, `crate` are handled by the parser).
pub fn is_reserved(name: &str) -> bool {
    name == "_" || KEYWORDS.contains(&name) && !matches!(name, "self" | "Self" | "super" | "crate")
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
            Tok::Ident(s) if KEYWORDS.contains(&s.as_str()) => format!("keyword `{s}`"),
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
