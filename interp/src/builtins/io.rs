//! `std::io`'s standard streams: the natives behind the prelude's `io::stdin()`,
//! `io::stdout()`, `io::stderr()` and their locks (`builtins/prelude/stdio.rs`).
//!
//! - stdin is the process's real stdin, read through Rust's own buffered `std::io::stdin()`
//!   (so `teras run prog.rs < file` and a pipe behave as the rustc binary does; in the REPL a
//!   program reads the terminal, or the rest of piped input). Reads return `io::Result`
//!   values made by Rust's own `read_line`/`read_to_string`: invalid UTF-8 is the very `Err`
//!   Rust gives (`InvalidData`, "stream did not contain valid UTF-8"), and the buffer is left
//!   unchanged. A read blocks the calling OS thread
//!   synchronously (not the `sched` protocol): it holds no heap lock while it waits (the
//!   bytes are read first, then appended to the `String`/`Vec`). Under `--deterministic` all
//!   fibers run on one OS thread, so they all wait for the input; the virtual clock does not
//!   move meanwhile. Before a read, the program's stdout is flushed, so a prompt shows even
//!   without a newline (the bytes written are the same as rustc's binary writes).
//! - stdout writes go through `cx.stdout`, the writer `print!` uses, so order and capture
//!   are the same as `print!`'s; `flush()` flushes it to the process's stdout.
//! - stderr writes flush stdout first (as `eprint!` does), then go to the process's stderr.
//!
//! Natives (stream: 1 stdout, 2 stderr):
//! `__io_read_line(buf)`, `__io_read(buf)`, `__io_read_exact(buf)` (a `&mut [u8]`),
//! `__io_next_line()` (what `lines()` yields: `Option<io::Result<String>>`
//! without the `\n`/`\r\n`), `__io_read_to_string(buf)`, `__io_read_to_end(vec)`,
//! `__io_write(stream, text_or_bytes, all)` (`stream`: 1, 2, or the writer itself) (`write_all`/`write_str` when `all`, else `write`,
//! giving the byte count), `__io_flush(stream)`; and `Vec<u8>`'s `io::Write` methods
//! (`write`, `write_all`, `write_str` for `write!`, `flush`).

use super::object::StdObj;
use super::util::{self, arg, str_handle};
use super::{NativeCx, NativeResult};
use crate::value::{IntTy, Value};
use std::io::{BufRead, Read, Write};

/// `Ok(v)` / `Err(io::Error)` as a prelude `Result`.
fn io_result(cx: &NativeCx<'_>, r: std::io::Result<Value>) -> Value {
    match r {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, StdObj::Io(e).into_value()),
    }
}

/// One line from `r`, with its `\n` (none at the end of the input); `""` at end of input.
/// Rust's own `read_line`, so an error is the very value Rust gives (invalid UTF-8: the
/// line is consumed and `Err` is `InvalidData`, Debug `Error { kind: InvalidData, message:
/// "stream did not contain valid UTF-8" }`).
pub fn read_line_from(r: &mut dyn BufRead) -> std::io::Result<String> {
    let mut s = String::new();
    r.read_line(&mut s)?;
    Ok(s)
}

/// The rest of `r` as text (Rust's own `read_to_string`).
pub fn read_all_from(r: &mut dyn Read) -> std::io::Result<String> {
    let mut s = String::new();
    r.read_to_string(&mut s)?;
    Ok(s)
}

/// A line without its `\n` or `\r\n` (what `lines()` yields).
pub fn chomp(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    s
}

/// Flush the program's stdout before blocking on stdin (a prompt shows at once).
fn before_read(cx: &mut NativeCx<'_>) {
    let _ = cx.stdout.flush();
}

/// Append `text` to the `String` argument `i`; its length in bytes.
fn append(args: &[Value], i: usize, text: &str) -> Result<Value, super::NativeError> {
    let h = str_handle(&arg(args, i)?)?;
    h.write().map_err(util::conflict)?.push_str(text);
    Ok(Value::Int(text.len() as i64, IntTy::Usize))
}

/// `stdin.read_line(&mut buf)`: appends one line with its newline; `Ok(0)` at end of input.
fn read_line(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    str_handle(&arg(args, 0)?)?;
    before_read(cx);
    let r = read_line_from(&mut std::io::stdin().lock());
    Ok(match r {
        Ok(line) => util::ok(cx, append(args, 0, &line)?),
        Err(e) => io_result(cx, Err(e)),
    })
}

/// `lines().next()`: `None` at end of input, else the line without its line ending.
fn next_line(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    before_read(cx);
    Ok(match read_line_from(&mut std::io::stdin().lock()) {
        Ok(line) if line.is_empty() => util::none(cx),
        Ok(line) => {
            let v = util::ok(cx, Value::str(chomp(line)));
            util::some(cx, v)
        }
        Err(e) => {
            let v = io_result(cx, Err(e));
            util::some(cx, v)
        }
    })
}

/// `read_to_string(&mut buf)`: appends the rest of stdin; the byte count.
fn read_to_string(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    str_handle(&arg(args, 0)?)?;
    before_read(cx);
    let r = read_all_from(&mut std::io::stdin().lock());
    Ok(match r {
        Ok(text) => util::ok(cx, append(args, 0, &text)?),
        Err(e) => io_result(cx, Err(e)),
    })
}

/// `read_to_end(&mut vec)`: appends the rest of stdin's bytes; the byte count.
fn read_to_end(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let Value::Vec(h) = &v else {
        return Err(util::type_error("Vec<u8>", &v));
    };
    before_read(cx);
    let mut bytes = Vec::new();
    let r = std::io::stdin().lock().read_to_end(&mut bytes);
    Ok(match r {
        Ok(n) => {
            let mut o = h.write().map_err(util::conflict)?;
            o.items.extend(bytes.into_iter().map(|b| Value::Int(b as i64, IntTy::U8)));
            util::ok(cx, Value::Int(n as i64, IntTy::Usize))
        }
        Err(e) => io_result(cx, Err(e)),
    })
}

/// `read(buf)` (aux 0: `Ok(count)`, at most the buffer's length, 0 at end of input) or
/// `read_exact(buf)` (aux 1: `Ok(())`, or Rust's `UnexpectedEof` "failed to fill whole
/// buffer"; what was read is consumed, as Rust's is) of stdin into a `&mut [u8]`.
fn read(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let buf = util::raw_arg(args, 0)?;
    let (h, a, b) = super::vec::view(&buf)?;
    let mut tmp = vec![0u8; b - a];
    before_read(cx);
    let r = read_into(&mut std::io::stdin().lock(), &mut tmp, aux == 1);
    Ok(match r {
        Ok(n) => {
            let mut o = h.write().map_err(util::conflict)?;
            if let Some(dst) = o.items.get_mut(a..b) {
                for (d, s) in dst.iter_mut().zip(tmp.iter().take(n)) {
                    *d = Value::Int(*s as i64, IntTy::U8);
                }
            }
            util::ok(cx, if aux == 1 { Value::Unit } else { Value::Int(n as i64, IntTy::Usize) })
        }
        Err(e) => io_result(cx, Err(e)),
    })
}

/// Rust's `read` (some bytes; the count) or `read_exact` (all of `buf`) from `r`.
pub fn read_into(r: &mut dyn Read, buf: &mut [u8], exact: bool) -> std::io::Result<usize> {
    if exact {
        r.read_exact(buf).map(|_| buf.len())
    } else {
        r.read(buf)
    }
}

/// The bytes of a `String`/`&str` or of a `&[u8]`/`Vec<u8>`.
fn bytes_of(v: &Value) -> Result<Vec<u8>, super::NativeError> {
    match v {
        Value::Str(_) => Ok(util::str_of(v)?.into_bytes()),
        _ => super::vec::items_of(v)?.iter().map(|b| util::int_of(b).map(|(n, _)| n as u8)).collect(),
    }
}

/// The stream a write goes to: a stream number (1 stdout, 2 stderr), or the prelude's
/// `Stdout`/`StdoutLock` (1) and `Stderr`/`StderrLock` (2) themselves (their `Write`
/// methods pass `self`, so no TERAS call is spent on asking which stream they are).
fn stream_of(v: &Value) -> Result<i64, super::NativeError> {
    if let Value::Adt(h) = util::deref(v)? {
        let name = h.read().map_err(util::conflict)?.def.name.clone();
        // `Stderr`/`StderrLock`, spelled in two parts: the lazy prelude's scan of natives'
        // sources would take the whole name for a use of the type (this only reads the name
        // of a value it is given, which exists).
        let stderr = name.strip_prefix("Std").is_some_and(|r| r.starts_with("err"));
        return Ok(if stderr { 2 } else { 1 });
    }
    Ok(util::int_of(v)?.0)
}

/// `write_all(bytes)` / `write_str(s)` (aux 1: `Ok(())`) or `write(bytes)` (aux 0:
/// `Ok(count)`) to stream 1 (stdout) or 2 (stderr).
fn write(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let stream = stream_of(&arg(args, 0)?)?;
    let data = bytes_of(&arg(args, 1)?)?;
    let r = if stream == 2 {
        let _ = cx.stdout.flush();
        std::io::stderr().lock().write_all(&data)
    } else {
        cx.stdout.write_all(&data)
    };
    let done = if aux == 1 { Value::Unit } else { Value::Int(data.len() as i64, IntTy::Usize) };
    Ok(io_result(cx, r.map(|_| done)))
}

/// `Vec<u8>` as an `io::Write`: `write_all(bytes)` / `write_str(s)` (`write!`) (aux 1:
/// `Ok(())`), `write(bytes)` (aux 0: `Ok(count)`), `flush()` (aux 2: `Ok(())`); bytes are
/// appended to the vector.
fn vec_write(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (h, _, _) = super::vec::view(&util::raw_arg(args, 0)?)?;
    if aux == 2 {
        return Ok(util::ok(cx, Value::Unit));
    }
    let data = bytes_of(&util::deref(&util::raw_arg(args, 1)?)?)?;
    h.write().map_err(util::conflict)?.items.extend(data.iter().map(|b| Value::Int(*b as i64, IntTy::U8)));
    let done = if aux == 1 { Value::Unit } else { Value::Int(data.len() as i64, IntTy::Usize) };
    Ok(util::ok(cx, done))
}

/// `flush()` of stream 1 (stdout: the program's writer) or 2 (stderr, unbuffered).
fn flush(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let stream = stream_of(&arg(args, 0)?)?;
    let r = if stream == 2 { std::io::stderr().flush() } else { cx.stdout.flush() };
    Ok(io_result(cx, r.map(|_| Value::Unit)))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__io_read_line", read_line);
    r.func("__io_next_line", next_line);
    r.func("__io_read_to_string", read_to_string);
    r.func("__io_read_to_end", read_to_end);
    r.func_aux("__io_read", read, 0);
    r.func_aux("__io_read_exact", read, 1);
    r.func_aux("__io_write", write, 0);
    r.func_aux("__io_write_all", write, 1);
    r.func("__io_flush", flush);
    for (name, aux) in [("write", 0), ("write_all", 1), ("write_str", 1), ("flush", 2)] {
        r.method_aux(super::registry::Kind::Vec, name, vec_write, aux);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_newline_and_end_with_empty() {
        let mut r: &[u8] = b"one\ntwo\r\nthree";
        assert_eq!(read_line_from(&mut r).ok().as_deref(), Some("one\n"));
        assert_eq!(read_line_from(&mut r).ok().as_deref(), Some("two\r\n"));
        assert_eq!(read_line_from(&mut r).ok().as_deref(), Some("three"));
        assert_eq!(read_line_from(&mut r).ok().as_deref(), Some(""));
    }

    #[test]
    fn invalid_utf8_is_an_invalid_data_error() {
        let mut r: &[u8] = b"\xff\xfe\nok\n";
        let e = read_line_from(&mut r).err().map(|e| (e.kind(), e.to_string(), format!("{e:?}")));
        let debug = r#"Error { kind: InvalidData, message: "stream did not contain valid UTF-8" }"#;
        assert_eq!(e, Some((std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8".into(), debug.into())));
        // The bad line was consumed, as Rust's read_line does; the next one reads.
        assert_eq!(read_line_from(&mut r).ok().as_deref(), Some("ok\n"));
        let mut all: &[u8] = b"a\xffb";
        assert!(read_all_from(&mut all).is_err());
    }

    #[test]
    fn read_and_read_exact_are_rusts() {
        let mut r: &[u8] = b"abcdef";
        let mut buf = [0u8; 4];
        assert_eq!(read_into(&mut r, &mut buf, false).ok(), Some(4));
        assert_eq!(&buf, b"abcd");
        let e = read_into(&mut r, &mut buf, true).err().map(|e| (e.kind(), e.to_string()));
        assert_eq!(e, Some((std::io::ErrorKind::UnexpectedEof, "failed to fill whole buffer".into())));
        assert_eq!(read_into(&mut r, &mut buf, false).ok(), Some(0));
    }

    #[test]
    fn chomp_strips_one_line_ending() {
        assert_eq!(chomp("a\r\n".into()), "a");
        assert_eq!(chomp("a\n".into()), "a");
        assert_eq!(chomp("a\n\n".into()), "a\n");
        assert_eq!(chomp("a\r".into()), "a\r");
        assert_eq!(chomp(String::new()), "");
    }

    #[test]
    fn stdout_and_stderr_writes_go_through_the_program_writer() {
        let src = r#"
use std::io::{self, Write};
fn main() {
    print!("a");
    io::stdout().flush().unwrap();
    let mut out = io::stdout().lock();
    write!(out, "b{}", 1).unwrap();
    writeln!(out, "c").unwrap();
    let n = io::stdout().write(b"xy").unwrap();
    io::stdout().write_all(b"\n").unwrap();
    writeln!(io::stderr(), "to stderr").unwrap();
    println!("{}", n);
}
"#;
        let (out, _) = crate::test_support::run_program(src);
        assert_eq!(out, "ab1c\nxy\n2\n");
    }
}
