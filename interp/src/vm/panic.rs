//! Rust's panic output for TERAS panics and the TERAS backtrace.
//!
//! `\nthread 'main' panicked at FILE:LINE:COL:\nMESSAGE\nnote: run with `RUST_BACKTRACE=1`
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

/// The text printed to stderr for a panic with `msg` in the main thread.
pub fn panic_text(fiber: &Fiber, prog: &Program, msg: &str, backtrace: bool) -> String {
    panic_text_named(fiber, prog, "main", msg, backtrace, true)
}

/// The text printed to stderr for a panic with `msg` in thread `thread` (`main`,
/// `<unnamed>` or a `Builder` name). `note`: add the `RUST_BACKTRACE` note (Rust prints it
/// after the first panic of a process only).
pub fn panic_text_named(fiber: &Fiber, prog: &Program, thread: &str, msg: &str, backtrace: bool, note: bool) -> String {
    panic_text_located(fiber, prog, location(fiber, prog), thread, msg, backtrace, note)
}

/// `panic_text_named` for a fiber stopped at a blocking call (located with
/// `blocked_location`).
pub fn blocked_text_named(fiber: &Fiber, prog: &Program, thread: &str, msg: &str, backtrace: bool, note: bool) -> String {
    panic_text_located(fiber, prog, blocked_location(fiber, prog), thread, msg, backtrace, note)
}

pub fn panic_text_located(fiber: &Fiber, prog: &Program, loc: Option<(String, usize, usize)>, thread: &str, msg: &str, backtrace: bool, note: bool) -> String {
    let loc = loc.map_or_else(|| "<unknown>".to_string(), |(f, l, c)| format!("{f}:{l}:{c}"));
    // Rust's default hook starts with a newline (the message starts a line of its own).
    let mut s = format!("\nthread '{thread}' panicked at {loc}:\n{msg}\n");
    if backtrace {
        s.push_str("stack backtrace:\n");
        for (i, fr) in fiber.frames.iter().rev().enumerate() {
            let name = prog.funcs.get(fr.func as usize).map_or("?", |p| p.name.as_str());
            s.push_str(&format!("  {i:>2}: {name}\n"));
            if let Some((f, l, c)) = frame_location(prog, fr.func, fr.pc) {
                s.push_str(&format!("             at {f}:{l}:{c}\n"));
            }
        }
    } else if note {
        s.push_str("note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
    }
    s
}

/// Where a blocked fiber waits: like `location`, but the top frame's `pc` is the blocking
/// call itself (it was stepped back to run again), not past it.
pub fn blocked_location(fiber: &Fiber, prog: &Program) -> Option<(String, usize, usize)> {
    let n = fiber.frames.len();
    let idx = fiber.frames.iter().rposition(|f| prog.funcs.get(f.func as usize).is_some_and(|p| p.source.name != "<prelude>")).unwrap_or(n.checked_sub(1)?);
    let f = fiber.frames.get(idx)?;
    let pc = if idx + 1 == n { f.pc + 1 } else { f.pc };
    frame_location(prog, f.func, pc)
}

/// Whether Rust's payload of this panic is a `&'static str` (a message without formatting:
/// `panic!("boom")`, `assert!(c)`, `unwrap()` on `None`, arithmetic overflow) rather than a
/// `String` (a formatted message: `panic!("{x}")`, `assert_eq!`, index out of bounds,
/// `expect`, `Result::unwrap`). Decided from the panicking call's source text.
pub fn payload_is_str(fiber: &Fiber, prog: &Program, msg: &str) -> bool {
    // (A payload raised again by `resume_unwind` keeps its kind.)
    if let Some(is_str) = crate::runtime::resumed::is_str(msg) {
        return is_str;
    }
    let site = site_text(fiber, prog).unwrap_or_default();
    let site = site.trim_start();
    for mac in ["panic!", "std::panic!", "core::panic!"] {
        if let Some(rest) = site.strip_prefix(mac) {
            return literal_only_args(rest);
        }
    }
    for mac in ["assert!", "debug_assert!"] {
        if let Some(rest) = site.strip_prefix(mac) {
            // `assert!(c)` panics with a literal; `assert!(c, "msg")` as `panic!("msg")`.
            let inner = rest.trim_start().trim_start_matches(['(', '[', '{']);
            return match split_top_comma(inner) {
                Some(msg_args) => literal_only_args(&format!("({msg_args}")),
                None => true,
            };
        }
    }
    for mac in ["todo!", "unimplemented!", "unreachable!"] {
        // Their message is `concat!`ed to a prefix and panics as `panic!` would with it.
        if let Some(rest) = site.strip_prefix(mac) {
            return literal_only_args(rest);
        }
    }
    msg.starts_with("attempt to ") || msg == "called `Option::unwrap()` on a `None` value" || msg == "explicit panic"
}

/// `("literal", args..)` whose formatting rustc does at compile time, so that the payload is
/// a `&'static str`: every placeholder is a plain `{}` (`{0}`, `{name}`, `{:}`: no format
/// spec) of an argument that is a string or integer literal (rustc's `format_args!`
/// inlines those; `panic!("a {}", 7)` is `&str`, `panic!("a {}", x)`, `{:?}`, a `char` or a
/// float `String`). No arguments at all (`panic!()`) is the literal default message.
fn literal_only_args(rest: &str) -> bool {
    let inner = rest.trim_start();
    let Some(inner) = inner.strip_prefix(['(', '[', '{']) else { return false };
    let inner = inner.trim();
    let inner = inner.strip_suffix([')', ']', '}']).unwrap_or(inner).trim().trim_end_matches(',').trim_end();
    if inner.is_empty() {
        return true;
    }
    let mut parts = split_args(inner).into_iter();
    let Some(fmt) = parts.next().as_deref().and_then(string_literal) else { return false };
    let mut positional = Vec::new();
    let mut named = Vec::new();
    for a in parts {
        let a = a.trim();
        match a.split_once('=').filter(|(n, v)| is_ident(n.trim()) && !v.starts_with('=')) {
            Some((n, v)) => named.push((n.trim().to_string(), inlinable(v.trim()))),
            None => positional.push(inlinable(a)),
        }
    }
    // The placeholders of the format string.
    let mut next = 0;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => {
                let mut ph = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    ph.push(c);
                }
                let (arg, spec) = ph.split_once(':').unwrap_or((ph.as_str(), ""));
                if !spec.is_empty() {
                    return false;
                }
                let arg = arg.trim();
                let ok = if arg.is_empty() {
                    next += 1;
                    positional.get(next - 1).copied()
                } else if let Ok(i) = arg.parse::<usize>() {
                    positional.get(i).copied()
                } else {
                    named.iter().find(|(n, _)| n == arg).map(|(_, ok)| *ok)
                };
                if ok != Some(true) {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// The text of a string literal (`"..."`, `r"..."`, `r#"..."#`), escapes left as written.
fn string_literal(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(body) = s.strip_prefix('"').and_then(|b| b.strip_suffix('"')) {
        return Some(body.to_string());
    }
    let raw = s.strip_prefix('r')?;
    let hashes = raw.len() - raw.trim_start_matches('#').len();
    let body = raw.get(hashes..raw.len().checked_sub(hashes)?)?;
    body.strip_prefix('"')?.strip_suffix('"').map(str::to_string)
}

/// A format argument rustc inlines into the string: a string literal or a (non-negative)
/// integer literal, suffixed or not.
fn inlinable(a: &str) -> bool {
    if a.starts_with('"') || a.starts_with('r') {
        return string_literal(a).is_some();
    }
    const SUFFIXES: [&str; 13] = ["", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"];
    SUFFIXES.iter().filter_map(|sfx| a.strip_suffix(sfx)).any(|n| {
        let (digits, hex) = match n.strip_prefix("0x") {
            Some(h) => (h, true),
            None => (n.strip_prefix("0o").or_else(|| n.strip_prefix("0b")).unwrap_or(n), false),
        };
        let first = if hex { digits.starts_with(|c: char| c.is_ascii_hexdigit()) } else { digits.starts_with(|c: char| c.is_ascii_digit()) };
        first && digits.chars().all(|c| c == '_' || if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
    })
}

fn is_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_alphabetic() || c == '_') && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The top-level comma-separated parts of `s`.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.to_string();
    loop {
        match split_top_comma(&rest) {
            Some(after) => {
                let head = rest.len() - after.len() - 1;
                out.push(rest[..head].to_string());
                rest = after;
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// The text after the first top-level comma of `s`, if any.
fn split_top_comma(s: &str) -> Option<String> {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => depth -= 1,
            ',' if !in_str && depth == 0 => return s.get(i + 1..).map(str::to_string),
            _ => {}
        }
        prev = c;
    }
    None
}

/// The source text of the user frame's current instruction (the panicking call).
fn site_text(fiber: &Fiber, prog: &Program) -> Option<String> {
    let f = fiber.frames.iter().rev().find(|f| prog.funcs.get(f.func as usize).is_some_and(|p| p.source.name != "<prelude>")).or_else(|| fiber.frames.last())?;
    let proto = prog.funcs.get(f.func as usize)?;
    let span = proto.span_at((f.pc as usize).saturating_sub(1));
    proto.source.text.get(span.lo as usize..span.hi as usize).map(str::to_string)
}

/// The text printed for a stack overflow (Rust aborts with SIGABRT; teras exits 134).
pub fn stack_overflow_text() -> String {
    stack_overflow_text_named("main")
}

/// The stack overflow text of thread `thread`.
pub fn stack_overflow_text_named(thread: &str) -> String {
    format!("\nthread '{thread}' has overflowed its stack\nfatal runtime error: stack overflow\n")
}
