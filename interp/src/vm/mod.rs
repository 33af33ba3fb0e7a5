//! The stackless virtual machine.
//!
//! - `bytecode`: the instruction set (`Instr`, 8 bytes) and compiled functions (`FuncProto`).
//! - `program`: the whole compiled program (functions, types, method tables, globals).
//! - `fiber`: a logical thread (register stack + frame stack, on the heap).
//! - `dispatch`: the interpreter loop; `call`: frames, method resolution, natives;
//!   `call_inplace`: the commonest twin calls done in place.
//! - `ops`, `values`, `place`: value semantics; `iter`: `for` loops; `format`: formatting
//!   glue with user `Display`/`Debug` impls; `drop`: drop glue; `panic`: Rust's panic output;
//!   `disasm`: the disassembler.
//!
//! A run executes a fiber against an immutable `Program` (`Ctx`), until the bottom frame
//! returns, a panic, `process::exit`, or the interrupt flag.

pub mod bytecode;
pub mod access;
pub mod call;
mod call_inplace;
mod call_unwrap;
pub mod disasm;
pub mod dispatch;
pub mod drop;
pub mod fiber;
pub mod format;
pub mod iter;
mod method_cache;
pub mod ops;
pub mod panic;
mod param_call;
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
    /// The runtime driving this fiber (see `runtime::Host`).
    pub host: &'a dyn crate::runtime::Host,
    /// Wakes this fiber (handed to blocking natives).
    pub waker: &'a std::task::Waker,
    /// Calls and backward jumps left before the fiber yields to the scheduler
    /// (`Fault::Yield`); `None` never yields (a fiber alone on its OS thread).
    pub slice: Option<u32>,
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
    /// A native could not go on (`NativeError::Block`). The fiber's next instruction is the
    /// blocking call again: run the fiber once it is woken or the deadline passed.
    Blocked(teras_stdlib::sched::Blocked),
    /// The time slice (`Ctx::slice`) ran out. The fiber's next instruction is the one that
    /// yielded: run it again whenever the scheduler chooses.
    Yield,
}
