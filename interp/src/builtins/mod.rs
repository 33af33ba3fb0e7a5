//! The std library subset: native functions and methods, and the TERAS prelude.
//!
//! The contract with the VM:
//! - `function(path)` finds a native free or associated function by its canonical path
//!   (`"String::new"`, `"Vec::with_capacity"`, `"std::process::exit"` is `"process::exit"`).
//! - `method(receiver, name)` finds the native method a value of that kind answers to.
//! - `call(id, cx, args)` runs it. For methods `args[0]` is the receiver (auto-derefed by the
//!   VM: never a `Ref` unless the method mutates through it).
//! - Natives never call back into the VM. Everything that takes a closure (iterator adapters,
//!   `Option::map`, `sort_by`, `retain`...) is written in TERAS in the prelude, so that a
//!   fiber can be suspended anywhere inside it.
//! - A native that fails returns `Err(NativeError::Panic(message))`; the VM turns it into a
//!   TERAS panic located at the calling instruction.

pub mod format;

use crate::types::Ty;
use crate::value::{AdtDef, Value};
use std::io::Write;
use std::sync::Arc;

/// Index of a native in the native table.
pub type NativeId = u32;

/// What a native may fail with.
#[derive(Debug, Clone, PartialEq)]
pub enum NativeError {
    /// A TERAS panic with Rust's message (`index out of bounds: the len is 3 but the index is 5`).
    Panic(String),
    /// `std::process::exit(code)`.
    Exit(i32),
}

pub type NativeResult = Result<Value, NativeError>;

/// The std enums the prelude defines, which natives construct (`Some(x)`, `Err(e)`,
/// `Ordering::Less`).
#[derive(Debug, Clone)]
pub struct StdDefs {
    pub option: Arc<AdtDef>,
    pub result: Arc<AdtDef>,
    pub ordering: Arc<AdtDef>,
}

/// What a native sees of the running program.
pub struct NativeCx<'a> {
    /// Where `print!` goes.
    pub stdout: &'a mut dyn Write,
    pub std: &'a StdDefs,
    /// The type the caller expects back, when the compiler knows it (`collect::<Vec<_>>()`,
    /// `let n: u64 = s.parse().unwrap()` gives `Result<u64, _>` to `parse`).
    pub hint: Option<&'a Ty>,
    /// `std::env::args()`.
    pub args: &'a [String],
}
