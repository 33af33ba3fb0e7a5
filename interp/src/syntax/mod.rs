//! Lexer and parser: source text to `ast`.
//!
//! The entry points: `parse_file` (a program: items only), `parse_repl` (one REPL input:
//! items and statements), `parse_expr` (`:type`), `input_is_complete` (does the REPL need
//! another line?), `highlight` (REPL colouring) and `KEYWORDS` (completion). None of them
//! panics on any input; errors are `Diagnostic`s, several per parse (the parser recovers).
//!
//! Layout: `token` (token kinds, keywords), `lexer` (text to tokens, literal values decoded),
//! `parser/` (tokens to the tree: `items`, `stmt`, `expr`, `pat`, `types`, `macros`),
//! `complete` and `highlight` (REPL support, on tokens only). The parse functions run the
//! parser on a thread with a 32 MiB stack (see `on_parse_stack`), and the parser limits
//! nesting both by depth (256) and by measured stack use, so deep input gets the diagnostic
//! "expression nests too deeply" instead of a stack overflow.
//!
//! What the tree does not keep: lifetimes, const generic arguments, attributes on statements
//! and expressions, inner attributes, and the trait of a qualified path (`<T as Trait>::f`
//! is parsed as `T::f`).

mod complete;
mod highlight;
mod lexer;
mod parser;
mod skim;
mod token;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_expr;
#[cfg(test)]
mod tests_pat;
#[cfg(test)]
mod tests_random;
#[cfg(test)]
mod tests_roundtrip;

use crate::ast;
use crate::diag::Diagnostic;

pub use complete::input_is_complete;
pub use highlight::{highlight, TokenClass};
pub use skim::{code_words, code_words_outside_strings};
pub use token::KEYWORDS;

/// Parsing is recursive and debug builds have large stack frames, so it runs on a thread of
/// its own with this much stack (falling back to the caller's thread with a small budget).
const PARSE_STACK: usize = 32 << 20;

/// Run `f(stack_budget)` on a thread with a known, large stack. A panic in `f` (a bug) is
/// propagated as if `f` had run on the caller's thread.
#[allow(unexpected_cfgs)]
fn on_parse_stack<T: Send>(f: impl Fn(usize) -> T + Sync) -> T {
    // Under cargo-fuzz (`--cfg fuzzing`), AddressSanitizer makes creating a thread with a large
    // stack slow: parse on the fuzzer's main thread (8 MiB) instead.
    if cfg!(fuzzing) {
        return f(2 << 20);
    }
    let spawned = std::thread::scope(|s| {
        let h = std::thread::Builder::new().name("teras-parse".into()).stack_size(PARSE_STACK).spawn_scoped(s, || f(PARSE_STACK - (4 << 20)));
        h.ok().map(|h| h.join())
    });
    match spawned {
        Some(Ok(v)) => v,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => f(parser::DEFAULT_STACK_BUDGET),
    }
}

/// Parse a program: items only (a statement at top level is an error with help).
pub fn parse_file(src: &str) -> (ast::SourceFile, Vec<Diagnostic>) {
    on_parse_stack(|budget| {
        let mut p = parser::Parser::new(src, budget);
        let _ = p.parse_inner_attrs();
        let mut items = p.parse_items(None);
        parser::finish_effects(&mut p, &mut items);
        (ast::SourceFile { items, stmts: Vec::new() }, p.finish())
    })
}

/// `parse_file` for the prelude: every function body is skimmed (not lexed nor parsed; it
/// is an empty block with the body's span, see `skim`), to be parsed by `parse_bodies` when
/// the lazy prelude compiles it.
pub fn parse_skimmed(src: &str) -> (ast::SourceFile, Vec<Diagnostic>) {
    on_parse_stack(|budget| {
        let mut p = parser::Parser::skimming(src, budget);
        let _ = p.parse_inner_attrs();
        let mut items = p.parse_items(None);
        parser::finish_effects(&mut p, &mut items);
        (ast::SourceFile { items, stmts: Vec::new() }, p.finish())
    })
}

/// Parse the blocks of `src` at `spans` (bodies `parse_skimmed` skipped), their node ids
/// counted from `first_id`: the blocks (`None` for one with a syntax error, or not a block)
/// and the next unused id. Spans are as a whole-file parse gives them.
pub fn parse_bodies(src: &str, spans: &[ast::Span], first_id: ast::NodeId) -> (Vec<Option<ast::Block>>, ast::NodeId) {
    if spans.is_empty() {
        return (Vec::new(), first_id);
    }
    on_parse_stack(|budget| {
        let mut id = first_id;
        let mut out = Vec::with_capacity(spans.len());
        for s in spans {
            let mut p = parser::Parser::over_range(src, s.lo as usize, s.hi as usize, id, budget);
            let b = p.parse_block().ok().filter(|_| p.at_eof());
            id = p.next_node_id();
            let clean = p.finish().iter().all(|d| d.severity != crate::diag::Severity::Error);
            out.push(b.filter(|_| clean));
        }
        (out, id)
    })
}

/// Parse one REPL input: items and statements mixed at top level. Items go to `items`,
/// everything else to `stmts` in order; a final expression without `;` is
/// `StmtKind::Expr(e, false)`.
pub fn parse_repl(src: &str) -> (ast::SourceFile, Vec<Diagnostic>) {
    on_parse_stack(|budget| {
        let mut p = parser::Parser::new(src, budget);
        p.repl = true;
        let _ = p.parse_inner_attrs();
        let mut items = Vec::new();
        let stmts = p.parse_stmts(None, Some(&mut items));
        parser::finish_effects(&mut p, &mut items);
        (ast::SourceFile { items, stmts }, p.finish())
    })
}

/// Parse one expression (the whole input must be that expression).
pub fn parse_expr(src: &str) -> (Option<ast::Expr>, Vec<Diagnostic>) {
    on_parse_stack(|budget| {
        let mut p = parser::Parser::new(src, budget);
        let e = p.parse_expr().ok();
        let e = match e {
            Some(e) if p.at_eof() => Some(e),
            Some(_) => {
                let _ = p.expected("end of expression");
                None
            }
            None => None,
        };
        let diags = p.finish();
        if diags.is_empty() {
            (e, diags)
        } else {
            (None, diags)
        }
    })
}
