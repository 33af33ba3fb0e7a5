//! Fuzz target for the front end: every entry point of `syntax` on arbitrary UTF-8 must
//! return without panicking, hanging or overflowing the stack.
//!
//! The front end's own source files (`syntax`, `ast`, `diag`) are compiled in directly, so the
//! fuzzer builds and runs on its own even while the rest of the interpreter is being changed.
//! Run with `cargo +nightly fuzz run parse` from the repository root (or `fuzz/`).

#![no_main]
#![allow(dead_code)]

#[path = "../../interp/src/ast.rs"]
mod ast;
#[path = "../../interp/src/diag.rs"]
mod diag;
#[path = "../../interp/src/syntax/mod.rs"]
mod syntax;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let (file, diags) = syntax::parse_file(src);
    // Every span a diagnostic reports must lie inside the input.
    for d in &diags {
        assert!(d.span.lo <= d.span.hi && d.span.hi as usize <= src.len(), "bad span {:?}", d.span);
    }
    drop(file);
    let _ = syntax::parse_repl(src);
    let _ = syntax::parse_expr(src);
    let _ = syntax::input_is_complete(src);
    for (range, _) in syntax::highlight(src) {
        assert!(range.start <= range.end && range.end <= src.len());
    }
});
