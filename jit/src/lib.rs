//! The JIT for teras (roadmap step 6) will live here: Cranelift code generation for hot
//! functions and loops, plugged into `teras-interp`, with the interpreter as the reference it
//! must agree with on every test.
//!
//! Nothing is here yet, on purpose: this crate holds only what is real. Until the JIT exists
//! the interpreter runs everything.
