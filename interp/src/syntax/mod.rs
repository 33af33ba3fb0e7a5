//! Lexer and parser: source text to `ast`.
