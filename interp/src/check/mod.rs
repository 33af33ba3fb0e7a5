//! Static checks of ownership and thread safety, run after type inference and before
//! compilation, reported as rustc reports them:
//! - E0382, use of a moved value (`moves.rs`, on the flow of `walk.rs`): a local whose value
//!   was moved (into a variable, a call, a `move` closure, a `for` loop, a consuming method,
//!   an operator) and is used again, in straight code, after a branch that moved it, or in
//!   the next iteration of a loop; assigning the variable again makes it usable. Patterns
//!   that bind a non-`Copy` part of a local by value partially move it (`partial.rs`).
//! - E0373 (`send_sync.rs`): a non-`move` closure given to `thread::spawn` (or
//!   `thread::Builder::spawn`, or the free `spawn`) that borrows a local.
//! - E0277 (`try_op.rs`): `?` in a function, closure or `async` block whose return type is
//!   surely not `Result` or `Option`.
//! - E0277 (`send_sync.rs`): a closure given to a spawn (scoped ones included) that captures
//!   a value that is not `Send`, or shares by reference a value that is not `Sync`.
//!
//! The checks only report what they are sure of: a program rustc accepts is never rejected.
//! Unknown types, partial moves of fields, moves in `match` patterns and everything the
//! walker does not follow leave variables usable.
//!
//! `send_value.rs` is the run-time counterpart: it finds what in a value is not `Send`, for
//! the thread and channel natives to check values whose types inference did not know.

#[cfg(test)]
mod accepted_tests;
#[cfg(test)]
mod corpus_tests;
mod calls;
mod capture;
mod facts;
mod flow;
mod loops;
mod moves;
mod partial;
pub mod send_sync;
pub mod send_value;
#[cfg(test)]
mod tests;
mod try_op;
mod walk;

use crate::ast;
use crate::diag::{Diagnostic, Source};
use crate::typeck::TypeInfo;

pub use send_value::not_send;

/// Runs the checks on every function body of `file` (and its REPL statements); the
/// diagnostics in source order. `info` is the inferred types of `file`.
pub fn check_file(file: &ast::SourceFile, info: &TypeInfo, src: &Source) -> Vec<Diagnostic> {
    check_repl(file, info, src, &[]).0
}

/// `check_file` of a REPL input, whose statements see the variables of earlier inputs
/// (`earlier`: name, type, moved by an earlier input): a use of a moved one is E0382. Also
/// gives the names of earlier variables this input moves (they are moved once it ran).
pub fn check_repl(file: &ast::SourceFile, info: &TypeInfo, src: &Source, earlier: &[(String, Option<crate::types::Ty>, bool)]) -> (Vec<Diagnostic>, Vec<String>) {
    let facts = facts::Facts::collect(file);
    let mut out = Vec::new();
    for f in &facts.bodies {
        let mut w = walk::Walker::new(&facts, info, src);
        w.function(f);
        finish(w, &mut out);
        out.extend(try_op::check_fn(f, &facts, info, src));
    }
    let mut moved = Vec::new();
    if !file.stmts.is_empty() {
        let mut w = walk::Walker::new(&facts, info, src);
        moved = w.statements(&file.stmts, earlier);
        finish(w, &mut out);
    }
    out.sort_by_key(|d| d.span.lo);
    (out, moved)
}

/// The program's explicit `Send` impls: `(type name, true)` for `unsafe impl Send for T {}`,
/// `(type name, false)` for `impl !Send for T {}`. For run-time checks
/// (`send_value::send_problem`), which do not see the program's items.
pub fn send_impls(file: &ast::SourceFile) -> Vec<(String, bool)> {
    let facts = facts::Facts::collect(file);
    let mut v: Vec<(String, bool)> = facts.send_impl.into_iter().collect();
    v.sort();
    v
}

/// The diagnostics of one body. Like rustc, a body with a trait error (E0277, found by the
/// type check) gets no borrow errors; a body too deep to follow gets none at all.
fn finish(w: walk::Walker<'_>, out: &mut Vec<Diagnostic>) {
    if w.overflow {
        return;
    }
    if w.trait_diags.is_empty() {
        out.extend(w.diags);
    } else {
        out.extend(w.trait_diags);
    }
}
