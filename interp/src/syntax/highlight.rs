//! Syntax highlighting classes for the REPL; works on incomplete and invalid input.

use super::lexer::lex;
use super::token::{Tok, KEYWORDS};
use crate::ast::LitKind;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Keyword,
    Ident,
    /// A capitalized identifier.
    TypeName,
    Number,
    String,
    Char,
    Comment,
    /// An identifier followed by `!`.
    Macro,
    Lifetime,
    Punct,
    /// `#[...]` / `#![...]`, as one range.
    Attribute,
}

/// The byte ranges of the tokens of `src` with their classes, in order.
pub fn highlight(src: &str) -> Vec<(Range<usize>, TokenClass)> {
    let toks = lex(src, true).tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let range = t.span.lo as usize..t.span.hi as usize;
        let next = toks.get(i + 1);
        let class = match &t.tok {
            Tok::Eof => break,
            Tok::Punct("#") => {
                // An attribute: up to the matching `]`.
                let mut j = i + 1;
                if toks.get(j).is_some_and(|t| t.is_punct("!")) {
                    j += 1;
                }
                if toks.get(j).is_some_and(|t| t.is_punct("[")) {
                    let mut depth = 0i32;
                    let mut end = src.len();
                    let mut k = j;
                    while let Some(t) = toks.get(k) {
                        match &t.tok {
                            Tok::Punct("[" | "(" | "{") => depth += 1,
                            Tok::Punct("]" | ")" | "}") => {
                                depth -= 1;
                                if depth == 0 {
                                    end = t.span.hi as usize;
                                    break;
                                }
                            }
                            Tok::Eof => break,
                            _ => {}
                        }
                        k += 1;
                    }
                    out.push((range.start..end, TokenClass::Attribute));
                    i = k + 1;
                    continue;
                }
                TokenClass::Punct
            }
            Tok::Punct(_) | Tok::Unknown => TokenClass::Punct,
            Tok::Comment => TokenClass::Comment,
            Tok::Lifetime(_) => TokenClass::Lifetime,
            Tok::Lit(LitKind::Int(..) | LitKind::Float(..)) => TokenClass::Number,
            Tok::Lit(LitKind::Char(_) | LitKind::Byte(_)) => TokenClass::Char,
            Tok::Lit(LitKind::Bool(_)) => TokenClass::Keyword,
            Tok::Lit(_) => TokenClass::String,
            Tok::Ident(s) | Tok::RawIdent(s) => {
                let raw = matches!(t.tok, Tok::RawIdent(_));
                if next.is_some_and(|n| n.is_punct("!")) && !raw && !KEYWORDS.contains(&s.as_str()) {
                    TokenClass::Macro
                } else if !raw && KEYWORDS.contains(&s.as_str()) {
                    TokenClass::Keyword
                } else if s.chars().next().is_some_and(char::is_uppercase) {
                    TokenClass::TypeName
                } else {
                    TokenClass::Ident
                }
            }
        };
        out.push((range, class));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(src: &str) -> Vec<(&str, TokenClass)> {
        highlight(src).into_iter().map(|(r, c)| (&src[r], c)).collect()
    }

    #[test]
    fn classes_of_tokens() {
        use TokenClass::*;
        let got = classes("#[derive(Debug)]\nfn main() { let s: String = \"hi\"; println!(\"{}\", 'c'); } // done");
        assert_eq!(got[0], ("#[derive(Debug)]", Attribute));
        assert_eq!(got[1], ("fn", Keyword));
        assert_eq!(got[2], ("main", Ident));
        assert!(got.contains(&("String", TypeName)));
        assert!(got.contains(&("\"hi\"", String)));
        assert!(got.contains(&("println", Macro)));
        assert!(got.contains(&("'c'", Char)));
        assert!(got.contains(&("// done", Comment)));
        assert!(got.contains(&(";", Punct)));
        let got = classes("fn f<'a>(x: &'a u8) -> u8 { 0x1f }");
        assert!(got.contains(&("'a", Lifetime)));
        assert!(got.contains(&("0x1f", Number)));
    }

    #[test]
    fn incomplete_input() {
        let got = classes("let s = \"abc");
        assert_eq!(got.last().map(|x| x.1), Some(TokenClass::String));
        let got = classes("#[derive(Debug");
        assert_eq!(got[0].1, TokenClass::Attribute);
        assert_eq!(classes("/* open").len(), 1);
    }
}
