//! Rust's panic output for TERAS panics and the TERAS backtrace.
//!
//! `thread 'main' panicked at FILE:LINE:COL:\nMESSAGE\nnote: run with `RUST_BACKTRACE=1`
//! environment variable to display a backtrace`, located at the span of the instruction that
//! panicked (the top frame's current instruction).

use super::fiber::Fiber;
use super::program::Program;

/// `(file, line, col)` of the top frame's current instruction. Prelude functions are
/// `#[track_caller]` as their std counterparts: a panic inside one (`unwrap`, `expect`) is
/// located at the call in user code.
pub fn location(fiber: &Fiber, prog: &Program) -> Option<(String, usize, usize)> {
    let user = fiber.frames.iter().rev().find(|f| {
        prog.funcs.get(f.func as usize).is_some_and(|p| p.source.name != "<prelude>")
    });
    let f = user.or_else(|| fiber.frames.last())?;
    frame_location(prog, f.func, f.pc)
}

fn frame_location(prog: &Program, func: u32, pc: u32) -> Option<(String, usize, usize)> {
    let proto = prog.funcs.get(func as usize)?;
    let at = (pc as usize).saturating_sub(1);
    let span = proto.span_at(at);
    let (line, col) = proto.source.line_col(span.lo);
    Some((proto.source.name.clone(), line, col))
}

/// The text printed to stderr for a panic with `msg`.
pub fn panic_text(fiber: &Fiber, prog: &Program, msg: &str, backtrace: bool) -> String {
    let loc = location(fiber, prog).map_or_else(|| "<unknown>".to_string(), |(f, l, c)| format!("{f}:{l}:{c}"));
    let mut s = format!("thread 'main' panicked at {loc}:\n{msg}\n");
    if backtrace {
        s.push_str("stack backtrace:\n");
        for (i, fr) in fiber.frames.iter().rev().enumerate() {
            let name = prog.funcs.get(fr.func as usize).map_or("?", |p| p.name.as_str());
            s.push_str(&format!("  {i:>2}: {name}\n"));
            if let Some((f, l, c)) = frame_location(prog, fr.func, fr.pc) {
                s.push_str(&format!("             at {f}:{l}:{c}\n"));
            }
        }
    } else {
        s.push_str("note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
    }
    s
}

/// The text printed for a stack overflow (Rust aborts with SIGABRT; teras exits 134).
pub fn stack_overflow_text() -> String {
    "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n".to_string()
}
