//! `input_is_complete`: whether a REPL input can be parsed as is, or needs more lines.

use super::lexer::lex;
use super::token::Tok;

/// False while brackets, braces or parentheses are unclosed, a string, char or block comment
/// is unterminated, or the input ends with a binary operator or `=`; true otherwise (also
/// for input with errors, which the parser then reports).
pub fn input_is_complete(src: &str) -> bool {
    let lexed = lex(src, false);
    if lexed.unterminated {
        return false;
    }
    let mut depth: i64 = 0;
    for t in &lexed.tokens {
        match &t.tok {
            Tok::Punct("(" | "[" | "{") => depth += 1,
            Tok::Punct(")" | "]" | "}") => {
                depth -= 1;
                if depth < 0 {
                    // A stray closer can never be completed by more input.
                    return true;
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        return false;
    }
    let last = lexed.tokens.iter().rev().find(|t| !matches!(t.tok, Tok::Eof));
    match last.map(|t| &t.tok) {
        Some(Tok::Punct(p)) => !matches!(
            *p,
            "=" | "+" | "-" | "*" | "/" | "%" | "^" | "&" | "|" | "&&" | "||" | "<<" | ">>" | "==" | "!=" | "<"
                | ">" | "<=" | ">=" | "+=" | "-=" | "*=" | "/=" | "%=" | "^=" | "&=" | "|=" | "<<=" | ">>=" | "."
                | "::" | "->" | "=>"
        ),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::input_is_complete as c;

    #[test]
    fn completeness() {
        assert!(c("let x = 1;"));
        assert!(c("1 + 2"));
        assert!(c(""));
        assert!(!c("fn main() {"));
        assert!(!c("foo(1,"));
        assert!(!c("let v = [1, 2"));
        assert!(!c("let s = \"abc"));
        assert!(!c("/* comment"));
        assert!(!c("let x ="));
        assert!(!c("1 +"));
        assert!(!c("a &&"));
        assert!(!c("x.iter()."));
        assert!(c("fn main() {}\n"));
        assert!(c("}"));
        assert!(c("let c = '{';"));
        assert!(c("let s = \"{\";"));
        assert!(c("// {"));
        assert!(!c("let c = '"));
        assert!(!c("let s = r#\"abc"));
        assert!(!c("fn f() ->"));
        assert!(!c("a ||"));
        assert!(!c("x <<="));
        assert!(c("0.."));
        assert!(c("x?"));
        assert!(c("1,"));
        assert!(c("let s = \"a\\\"b\";"));
        assert!(!c("let s = \"a\\\""));
        assert!(c("a /* c */"));
        assert!(!c("a + // comment"));
    }
}
