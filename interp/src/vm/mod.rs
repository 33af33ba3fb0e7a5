//! The stackless virtual machine.
//!
//! - `bytecode`: the instruction set (`Instr`, 8 bytes) and compiled functions (`FuncProto`).
//! - `program`: the whole compiled program (functions, types, method tables, globals).
//! - `fiber`: a logical thread (register stack + frame stack, on the heap).
//! - `dispatch`: the interpreter loop; `call`: frames, method resolution, natives.
//! - `ops`, `values`, `place`: value semantics; `iter`: `for` loops; `format`: formatting
//!   glue with user `Display`/`Debug` impls; `drop`: drop glue; `panic`: Rust's panic output;
//!   `disasm`: the disassembler.
//!
//! A run executes a fiber against an immutable `Program` (`Ctx`), until the bottom frame
//! returns, a panic, `process::exit`, or the interrupt flag.

pub mod bytecode;
pub mod access;
pub mod call;
pub mod disasm;
pub mod dispatch;
pub mod drop;
pub mod fiber;
pub mod format;
pub mod iter;
pub mod ops;
pub mod panic;
pub mod place;
pub mod program;
pub mod values;

#[cfg(test)]
mod tests;

use program::Program;
use std::io::Write;
use std::sync::atomic::AtomicBool;

pub use dispatch::run;
pub use fiber::Fiber;

/// What a run sees besides its fiber.
pub struct Ctx<'a> {
    pub prog: &'a Program,
    /// Program stdout (buffered by the session).
    pub out: &'a mut dyn Write,
    pub interrupt: &'a AtomicBool,
    /// `std::env::args()`.
    pub args: &'a [String],
}

/// Why a run stopped early.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// A TERAS panic with its message; the fiber's top frame locates it.
    Panic(String),
    /// `std::process::exit(code)`.
    Exit(i32),
    /// The interrupt flag was set.
    Interrupted,
    /// Too many frames: `thread 'main' has overflowed its stack`.
    StackOverflow,
}
