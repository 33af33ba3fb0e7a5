//! teras-interp: the TERAS-LANG language.
//!
//! Source text goes through `syntax` (lexer and parser, giving the `ast`), then `compile`
//! (resolution, light type inference, bytecode), then runs on the `vm` (stackless fibers over
//! `value`s). `session` is the one entry point the `teras` binary uses: run a file, check it,
//! evaluate REPL inputs. Start reading at `session.rs`.

pub mod ast;
pub mod builtins;
pub mod check;
pub mod compile;
pub mod diag;
pub mod heap;
pub mod runtime;
pub mod session;
#[cfg(test)]
mod test_support;
pub mod typeck;
pub mod types;
pub mod syntax;
pub mod value;
pub mod vm;

pub use diag::{Diagnostic, Report, Source};
pub use session::{Options, Outcome, ReplOutput, Session};
