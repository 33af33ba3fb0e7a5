//! `Session`: the interpreter as the `teras` binary sees it.
//!
//! One session is one program (`teras run`, `teras check`) or one REPL life. A REPL session
//! keeps every definition (functions, types, impls, `use`s) and every top-level `let` across
//! inputs; an input that fails to compile or panics leaves them as they were.

use crate::diag::Report;
use std::io::Write;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Settings fixed for the session's life.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `std::env::args()` as the program sees it (program name first).
    pub args: Vec<String>,
    /// Print a TERAS backtrace after a panic (`RUST_BACKTRACE=1`).
    pub backtrace: bool,
}

/// How a run ended.
#[derive(Debug)]
pub enum Outcome {
    /// `main` returned (or the REPL input finished). Exit code 0.
    Finished,
    /// `std::process::exit(code)`.
    Exit(i32),
    /// Compile errors: nothing ran. Exit code 1.
    CompileErrors(Vec<Report>),
    /// A TERAS panic reached the top (its message was already printed to stderr). Exit 101.
    Panicked,
    /// Interrupted by the interrupt flag (Ctrl-C in the REPL).
    Interrupted,
}

impl Outcome {
    /// The process exit code `teras run` uses for this outcome.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Exit(c) => *c,
            Outcome::CompileErrors(_) => 1,
            Outcome::Panicked => 101,
            Outcome::Interrupted => 130,
        }
    }
}

/// What a REPL input produced besides its printed output.
#[derive(Debug, Default)]
pub struct ReplOutput {
    /// For an input ending in an expression whose value is not `()`: its `{:?}` text and
    /// its type as Rust writes it (`Vec<i32>`).
    pub value: Option<(String, String)>,
}

pub struct Session {
    _private: (),
}

impl Session {
    pub fn new(options: Options) -> Session {
        let _ = options;
        todo!("session: implemented by the compiler/VM work")
    }

    /// Compile and run a whole program: its `fn main`.
    pub fn run_file(&mut self, name: &str, text: &str) -> Outcome {
        let _ = (name, text);
        todo!()
    }

    /// Parse and compile only; the diagnostics found (empty when the program is fine).
    pub fn check(&mut self, name: &str, text: &str) -> Vec<Report> {
        let _ = (name, text);
        todo!()
    }

    /// The bytecode of every function of a program, for `teras run --dump-bytecode`.
    pub fn dump_bytecode(&mut self, name: &str, text: &str) -> Result<String, Vec<Report>> {
        let _ = (name, text);
        todo!()
    }

    /// Evaluate one REPL input (items, statements, a trailing expression).
    pub fn eval_repl(&mut self, text: &str) -> (Outcome, ReplOutput) {
        let _ = text;
        todo!()
    }

    /// The type of an expression, without running it (`:type`).
    pub fn type_of(&mut self, expr: &str) -> Result<String, Vec<Report>> {
        let _ = expr;
        todo!()
    }

    /// The REPL's variables: name, type, `{:?}` of the value (`:vars`).
    pub fn vars(&self) -> Vec<(String, String, String)> {
        todo!()
    }

    /// Names in scope (functions, types, variables) for tab completion.
    pub fn names(&self) -> Vec<String> {
        todo!()
    }

    /// Method names known for completion after a `.`.
    pub fn method_names(&self) -> Vec<String> {
        todo!()
    }

    /// Forget every definition and variable (`:reset`).
    pub fn reset(&mut self) {
        todo!()
    }

    /// Setting this flag makes the running code stop at its next instruction boundary with
    /// `Outcome::Interrupted`; the session clears it before each run.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        todo!()
    }

    /// Where program output goes (stdout by default; tests capture it).
    pub fn set_stdout(&mut self, out: Box<dyn Write + Send>) {
        let _ = out;
        todo!()
    }
}

/// Is this REPL input complete, or does it need more lines (unclosed brackets, strings,
/// block comments)?
pub fn input_is_complete(text: &str) -> bool {
    let _ = text;
    todo!()
}
