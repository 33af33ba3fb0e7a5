//! `std::fs::File` bound to TERAS values: the natives behind the prelude's `File`,
//! `OpenOptions`, `Metadata`, `DirEntry`, and `BufReader` over a file
//! (`builtins/prelude/fs.rs`, `builtins/prelude/net.rs`).
//!
//! A file is a `Value::Native(FileObj)` held in field `inner` of the prelude's `File`; clones
//! of the handle share the open file (and its offset), which is closed when the last one dies.
//! A `BufReader` over a file holds its own `FileObj::Buffered`: Rust's `BufReader` over a
//! `try_clone` of the file (same offset), so it reads ahead as Rust's does.
//! File I/O blocks the calling OS thread for the system call (as Rust's does) and holds no heap
//! lock while it runs: bytes are read first, then copied into the TERAS buffer.
//! Every result is an `io::Result` whose error is Rust's own `io::Error`.
//! (File permissions granted on the command line come with the security work, as for the
//! rest of `std::fs`.)
//!
//! Natives (`h` a file handle): `__fs_open(path, read, write, append, truncate, create,
//! create_new) -> io::Result<h>`, `__fs_read(h, buf)`, `__fs_read_exact(h, buf)`,
//! `__fs_read_to_end(h, vec)`, `__fs_read_to_string(h, s)`, `__fs_read_line(h, s)`,
//! `__fs_write(h, bytes)` (`Ok(count)`), `__fs_write_all(h, bytes)` (`Ok(())`),
//! `__fs_flush(h)`, `__fs_sync(h)`, `__fs_seek(h, whence, offset)` (0 start, 1 end,
//! 2 current), `__fs_set_len(h, n)`, `__fs_bufreader(h)`, `__fs_bufreader_of(x)` (`Some`
//! reader over a file or over bytes, `None` for other values), `__fs_try_clone(h)`,
//! `__fs_stat(h_or_path) -> io::Result<(len, is_dir, is_file, readonly)>`,
//! `__fs_read_dir(path) -> io::Result<Vec<String>>` (the entries' paths).

use crate::builtins::object::StdObj;
use crate::builtins::util::{self, arg, raw_arg, R};
use crate::builtins::{NativeCx, NativeResult};
use crate::value::{IntTy, Value};
use parking_lot::Mutex;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::sync::Arc;

/// An open file: plain, or Rust's `BufReader` over (a clone of) it; or the bytes a
/// `BufReader` over a `&[u8]` / `&str` bytes reads (read-only).
pub enum FileObj {
    Plain(File),
    Buffered(Mutex<BufReader<File>>),
    Memory(Mutex<io::Cursor<Vec<u8>>>),
}

fn handle(o: FileObj) -> Value {
    Value::Native(Arc::new(Box::new(o)))
}

/// The `FileObj` of a handle, or of a `File` struct holding it in its field `inner`.
fn with_file<T>(v: &Value, f: impl FnOnce(&FileObj) -> T) -> R<T> {
    let v = util::deref(v)?;
    if let Value::Native(b) = &v {
        if let Some(o) = b.downcast_ref::<FileObj>() {
            return Ok(f(o));
        }
    }
    if let Value::Adt(h) = &v {
        let inner = h.read().map_err(util::conflict)?.fields.first().cloned();
        if let Some(Value::Native(b)) = inner {
            if let Some(o) = b.downcast_ref::<FileObj>() {
                return Ok(f(o));
            }
        }
    }
    Err(util::type_error("File", &v))
}

/// Run a reading operation on either kind of file.
fn reading<T>(o: &FileObj, op: impl FnOnce(&mut dyn BufRead) -> io::Result<T>) -> io::Result<T> {
    match o {
        // An unbuffered reader: a line read takes one byte at a time, so nothing is read
        // past the line (the file's offset stays where Rust's unbuffered reads leave it).
        FileObj::Plain(f) => op(&mut BufReader::with_capacity(1, f)),
        FileObj::Buffered(b) => op(&mut *b.lock()),
        FileObj::Memory(c) => op(&mut *c.lock()),
    }
}

fn result(cx: &NativeCx<'_>, r: io::Result<Value>) -> Value {
    match r {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, StdObj::Io(e).into_value()),
    }
}

fn usize_value(n: usize) -> Value {
    Value::Int(n as i64, IntTy::Usize)
}

/// The bytes of a `&[u8]`/`Vec<u8>`/array/`&str`/`String` argument.
fn bytes_of(v: &Value) -> R<Vec<u8>> {
    let v = util::deref(v)?;
    match &v {
        Value::Str(_) => Ok(util::str_of(&v)?.into_bytes()),
        _ => crate::builtins::vec::items_of(&v)?.iter().map(|b| util::int_of(b).map(|(n, _)| n as u8)).collect(),
    }
}

/// Copy `data` into the front of the `&mut [u8]` buffer `buf`.
fn fill(buf: &Value, data: &[u8]) -> R<()> {
    let (h, a, b) = crate::builtins::vec::view(buf)?;
    let mut o = h.write().map_err(util::conflict)?;
    let dst = o.items.get_mut(a..b).ok_or_else(|| util::panic("buffer out of range"))?;
    for (d, s) in dst.iter_mut().zip(data) {
        *d = Value::Int(*s as i64, IntTy::U8);
    }
    Ok(())
}

fn buf_len(buf: &Value) -> R<usize> {
    let (_, a, b) = crate::builtins::vec::view(buf)?;
    Ok(b - a)
}

fn flag(args: &[Value], i: usize) -> R<bool> {
    util::bool_of(&arg(args, i)?)
}

/// `OpenOptions::open` (and `File::open`/`File::create` through it).
fn open(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = util::str_of(&arg(args, 0)?)?;
    let r = std::fs::OpenOptions::new()
        .read(flag(args, 1)?)
        .write(flag(args, 2)?)
        .append(flag(args, 3)?)
        .truncate(flag(args, 4)?)
        .create(flag(args, 5)?)
        .create_new(flag(args, 6)?)
        .open(path);
    Ok(result(cx, r.map(|f| handle(FileObj::Plain(f)))))
}

/// `read(buf)` (aux 0: `Ok(count)`) or `read_exact(buf)` (aux 1: `Ok(())`).
fn read(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let buf = raw_arg(args, 1)?;
    let mut tmp = vec![0u8; buf_len(&buf)?];
    let r = with_file(&raw_arg(args, 0)?, |o| {
        reading(o, |r| if aux == 1 { r.read_exact(&mut tmp).map(|_| tmp.len()) } else { r.read(&mut tmp) })
    })?;
    Ok(match r {
        Ok(n) => {
            fill(&buf, tmp.get(..n).unwrap_or(&[]))?;
            util::ok(cx, if aux == 1 { Value::Unit } else { usize_value(n) })
        }
        Err(e) => result(cx, Err(e)),
    })
}

/// `read_to_end(vec)` (aux 0), `read_to_string(s)` (aux 1), `read_line(s)` (aux 2): append
/// to the buffer; the byte count. On an error (invalid UTF-8) the buffer is unchanged.
fn read_all(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let out = raw_arg(args, 1)?;
    let r = with_file(&raw_arg(args, 0)?, |o| {
        reading(o, |r| match aux {
            0 => {
                let mut v = Vec::new();
                r.read_to_end(&mut v).map(|_| v)
            }
            1 => crate::builtins::io::read_all_from(r).map(String::into_bytes),
            _ => crate::builtins::io::read_line_from(r).map(String::into_bytes),
        })
    })?;
    let data = match r {
        Ok(d) => d,
        Err(e) => return Ok(result(cx, Err(e))),
    };
    if aux == 0 {
        let (h, _, _) = crate::builtins::vec::view(&out)?;
        h.write().map_err(util::conflict)?.items.extend(data.iter().map(|b| Value::Int(*b as i64, IntTy::U8)));
    } else {
        let text = String::from_utf8_lossy(&data);
        util::str_handle(&out)?.write().map_err(util::conflict)?.push_str(&text);
    }
    Ok(util::ok(cx, usize_value(data.len())))
}

/// The plain file under a handle (a write through a `BufReader` writes to its file).
fn plain<T>(o: &FileObj, op: impl FnOnce(&File) -> io::Result<T>) -> io::Result<T> {
    match o {
        FileObj::Plain(f) => op(f),
        FileObj::Buffered(b) => op(b.lock().get_ref()),
        FileObj::Memory(_) => Err(io::Error::new(io::ErrorKind::Unsupported, "a byte slice cannot be written")),
    }
}

/// `write(bytes)` (aux 0: `Ok(count)`) or `write_all(bytes)` / `write_str(s)` (aux 1).
fn write(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let data = bytes_of(&raw_arg(args, 1)?)?;
    let r = with_file(&raw_arg(args, 0)?, |o| {
        plain(o, |mut f| if aux == 1 { f.write_all(&data).map(|_| data.len()) } else { f.write(&data) })
    })?;
    Ok(result(cx, r.map(|n| if aux == 1 { Value::Unit } else { usize_value(n) })))
}

/// `flush()` (aux 0) or `sync_all()` / `sync_data()` (aux 1).
fn flush(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let r = with_file(&raw_arg(args, 0)?, |o| plain(o, |mut f| if aux == 1 { f.sync_all() } else { f.flush() }))?;
    Ok(result(cx, r.map(|_| Value::Unit)))
}

/// `seek(pos)`: whence 0 `SeekFrom::Start`, 1 `End`, 2 `Current`; the new offset.
fn seek(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let whence = util::int_of(&arg(args, 1)?)?.0;
    let off = util::wide_of(&arg(args, 2)?)?;
    let pos = match whence {
        0 => SeekFrom::Start(u64::try_from(off).unwrap_or(0)),
        1 => SeekFrom::End(i64::try_from(off).unwrap_or(0)),
        _ => SeekFrom::Current(i64::try_from(off).unwrap_or(0)),
    };
    let r = with_file(&raw_arg(args, 0)?, |o| match o {
        FileObj::Plain(f) => (&*f).seek(pos),
        FileObj::Buffered(b) => b.lock().seek(pos),
        FileObj::Memory(c) => c.lock().seek(pos),
    })?;
    Ok(result(cx, r.map(|n| Value::Int(n as i64, IntTy::U64))))
}

fn set_len(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = util::wide_of(&arg(args, 1)?)?;
    let n = u64::try_from(n).unwrap_or(0);
    let r = with_file(&raw_arg(args, 0)?, |o| plain(o, |f| f.set_len(n)))?;
    Ok(result(cx, r.map(|_| Value::Unit)))
}

/// A `BufReader` over the file: Rust's, over a clone of the file (same offset); over a
/// `&[u8]`, `Vec<u8>` or `&str`: its bytes. `None` for anything else (a socket).
fn bufreader_of(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = util::deref(&raw_arg(args, 0)?)?;
    if matches!(v, Value::Str(_) | Value::Vec(_) | Value::Slice(_)) {
        let bytes = bytes_of(&v)?;
        return Ok(util::some(cx, handle(FileObj::Memory(Mutex::new(io::Cursor::new(bytes))))));
    }
    if with_file(&v, |_| ()).is_err() {
        return Ok(util::none(cx));
    }
    let h = bufreader(cx, args, 0)?;
    Ok(util::some(cx, h))
}

/// A `BufReader` over the file: Rust's, over a clone of the file (same offset).
fn bufreader(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match with_file(&raw_arg(args, 0)?, |o| plain(o, File::try_clone))? {
        Ok(f) => Ok(handle(FileObj::Buffered(Mutex::new(BufReader::new(f))))),
        Err(e) => Err(util::panic(format!("BufReader::new: cannot share the file: {e}"))),
    }
}

/// `try_clone()`: another handle to the same open file.
fn try_clone(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let r = with_file(&raw_arg(args, 0)?, |o| plain(o, File::try_clone))?;
    Ok(result(cx, r.map(|f| handle(FileObj::Plain(f)))))
}

/// `file.metadata()` (a handle) or `fs::metadata(path)`: `(len, is_dir, is_file, readonly)`.
fn stat(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = raw_arg(args, 0)?;
    let m = match util::deref(&v)? {
        Value::Str(_) => std::fs::metadata(util::str_of(&v)?),
        _ => with_file(&v, |o| plain(o, File::metadata))?,
    };
    Ok(result(
        cx,
        m.map(|m| {
            let t = vec![
                Value::Int(m.len() as i64, IntTy::U64),
                Value::Bool(m.is_dir()),
                Value::Bool(m.is_file()),
                Value::Bool(m.permissions().readonly()),
            ];
            Value::Tuple(crate::heap::Heap::new(t))
        }),
    ))
}

/// `fs::read_dir(path)`: the entries' paths, in the order the system gives them.
fn read_dir(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = util::str_of(&arg(args, 0)?)?;
    let r = std::fs::read_dir(path).and_then(|rd| {
        rd.map(|e| e.map(|e| Value::str(e.path().to_string_lossy().into_owned()))).collect::<io::Result<Vec<_>>>()
    });
    Ok(result(cx, r.map(util::new_vec)))
}

pub fn register(r: &mut crate::builtins::registry::Registry) {
    r.func("__fs_open", open);
    r.func_aux("__fs_read", read, 0);
    r.func_aux("__fs_read_exact", read, 1);
    r.func_aux("__fs_read_to_end", read_all, 0);
    r.func_aux("__fs_read_to_string", read_all, 1);
    r.func_aux("__fs_read_line", read_all, 2);
    r.func_aux("__fs_write", write, 0);
    r.func_aux("__fs_write_all", write, 1);
    r.func_aux("__fs_flush", flush, 0);
    r.func_aux("__fs_sync", flush, 1);
    r.func("__fs_seek", seek);
    r.func("__fs_set_len", set_len);
    r.func("__fs_bufreader", bufreader);
    r.func("__fs_bufreader_of", bufreader_of);
    r.func("__fs_try_clone", try_clone);
    r.func("__fs_stat", stat);
    r.func("__fs_read_dir", read_dir);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("teras_fs_file_{name}_{}", std::process::id()))
    }

    #[test]
    fn a_plain_line_read_stops_at_the_line_end() {
        let p = temp("plain_line");
        std::fs::write(&p, "one\ntwo\n").ok();
        let f = File::open(&p).ok();
        let o = f.map(FileObj::Plain);
        let line = o.as_ref().map(|o| reading(o, |r| crate::builtins::io::read_line_from(r)).ok());
        assert_eq!(line, Some(Some("one\n".to_string())));
        // Nothing was read past the line: the file's own offset is at "two".
        let mut rest = String::new();
        if let Some(FileObj::Plain(f)) = &o {
            (&*f).read_to_string(&mut rest).ok();
        }
        assert_eq!(rest, "two\n");
        std::fs::remove_file(&p).ok();
    }

    #[test]
    fn files_written_from_threads_and_read_back() {
        let p = temp("threads");
        let src = format!(
            r#"
use std::fs::{{self, File, OpenOptions}};
use std::io::{{BufRead, BufReader, Write}};
use std::sync::{{Arc, Mutex}};
use std::thread;
fn main() {{
    let path = "{}";
    let f = Arc::new(Mutex::new(OpenOptions::new().create(true).append(true).open(path).unwrap()));
    let hs: Vec<_> = (0..3).map(|i| {{
        let f = Arc::clone(&f);
        thread::spawn(move || {{ let mut g = f.lock().unwrap(); writeln!(g, "t{{}}", i).unwrap(); }})
    }}).collect();
    for h in hs {{ h.join().unwrap(); }}
    let mut lines: Vec<String> = BufReader::new(File::open(path).unwrap()).lines().map(|l| l.unwrap()).collect();
    lines.sort();
    println!("{{:?}}", lines);
    let e = File::open("/nonexistent/x").unwrap_err();
    println!("{{}} {{:?}}", e, e.kind());
    fs::remove_file(path).unwrap();
}}
"#,
            p.display()
        );
        let (out, _) = crate::test_support::run_program(&src);
        assert_eq!(out, "[\"t0\", \"t1\", \"t2\"]\nNo such file or directory (os error 2) NotFound\n");
    }

    #[test]
    fn a_non_file_value_is_a_type_error_not_a_panic() {
        assert!(with_file(&Value::Unit, |_| ()).is_err());
        assert!(with_file(&Value::str("x".to_string()), |_| ()).is_err());
    }
}
