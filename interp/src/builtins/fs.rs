//! `std::fs::read_to_string`, `write`, `read`, `remove_file`, `create_dir_all`, `create_dir`,
//! `remove_dir`, `remove_dir_all`, `rename`, `copy`, `exists`:
//! `io::Result` values whose errors are real `io::Error`s (Display
//! `No such file or directory (os error 2)`). (File permissions granted on the command line
//! come with the security work.) A path is a string: `Path`/`PathBuf` methods (`join`,
//! `exists`, `is_file`, `is_dir`, `file_name`, `extension`, `parent`, `file_stem`,
//! `with_extension`, `to_str`, `display`, ...) are methods of strings. `File` and its
//! friends are `fs_file.rs`.

#[path = "fs_file.rs"]
mod file;

use super::object::StdObj;
use super::util::{self, arg, str_of};
use super::{NativeCx, NativeResult};
use crate::value::{IntTy, Value};

fn io_result(cx: &NativeCx<'_>, r: std::io::Result<Value>) -> Value {
    match r {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, StdObj::Io(e).into_value()),
    }
}

fn read_to_string(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    Ok(io_result(cx, std::fs::read_to_string(path).map(Value::str)))
}

fn read(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    let r = std::fs::read(path)
        .map(|b| util::new_vec(b.into_iter().map(|x| Value::Int(x as i64, IntTy::U8)).collect()));
    Ok(io_result(cx, r))
}

fn write(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    let data = arg(args, 1)?;
    let bytes: Vec<u8> = match &data {
        Value::Str(_) => str_of(&data)?.into_bytes(),
        _ => super::vec::items_of(&data)?
            .iter()
            .map(|b| util::int_of(b).map(|(n, _)| n as u8))
            .collect::<Result<_, _>>()?,
    };
    Ok(io_result(cx, std::fs::write(path, bytes).map(|_| Value::Unit)))
}

fn remove_file(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    Ok(io_result(cx, std::fs::remove_file(path).map(|_| Value::Unit)))
}

fn create_dir_all(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    Ok(io_result(cx, std::fs::create_dir_all(path).map(|_| Value::Unit)))
}

fn remove_dir(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    let r = match aux {
        0 => std::fs::remove_dir(path),
        1 => std::fs::remove_dir_all(path),
        _ => std::fs::create_dir(path),
    };
    Ok(io_result(cx, r.map(|_| Value::Unit)))
}

/// `fs::rename(from, to)` (aux 0: `Ok(())`) and `fs::copy(from, to)` (aux 1: the byte count).
fn rename(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let from = str_of(&arg(args, 0)?)?;
    let to = str_of(&arg(args, 1)?)?;
    let r = if aux == 1 {
        std::fs::copy(from, to).map(|n| Value::Int(n as i64, IntTy::U64))
    } else {
        std::fs::rename(from, to).map(|_| Value::Unit)
    };
    Ok(io_result(cx, r))
}

fn exists(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let path = str_of(&arg(args, 0)?)?;
    Ok(io_result(cx, std::fs::exists(path).map(Value::Bool)))
}

/// `e.kind()` of an io::Error: an `io::ErrorKind` (Debug `NotFound`).
fn kind(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    match super::object::std_obj(&v) {
        Some(StdObj::Io(e)) => Ok(super::object::ExtObj::IoErrorKind(e.kind()).into_value()),
        _ => Err(util::type_error("io::Error", &v)),
    }
}

/// `e.raw_os_error()` of an io::Error: `Some(errno)` for a system error.
fn raw_os_error(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    match super::object::std_obj(&v) {
        Some(StdObj::Io(e)) => Ok(util::option(cx, e.raw_os_error().map(|n| Value::Int(n as i64, IntTy::I32)))),
        _ => Err(util::type_error("io::Error", &v)),
    }
}

/// `io::Error::from(kind)`: an error of that kind (Display the kind's text, Debug
/// `Kind(NotFound)`).
fn error_from(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    match super::object::ext_obj(&v) {
        Some(super::object::ExtObj::IoErrorKind(k)) => Ok(StdObj::Io(std::io::Error::from(*k)).into_value()),
        _ => Err(util::type_error("io::ErrorKind", &v)),
    }
}

/// `io::ErrorKind::NotFound` and the other kinds programs compare with.
pub fn constant(path: &str) -> Option<Value> {
    use std::io::ErrorKind::*;
    let (ty, name) = path.rsplit_once("::")?;
    if ty != "ErrorKind" {
        return None;
    }
    let k = match name {
        "NotFound" => NotFound,
        "PermissionDenied" => PermissionDenied,
        "AlreadyExists" => AlreadyExists,
        "InvalidInput" => InvalidInput,
        "InvalidData" => InvalidData,
        "UnexpectedEof" => UnexpectedEof,
        "Interrupted" => Interrupted,
        "WouldBlock" => WouldBlock,
        "TimedOut" => TimedOut,
        "Other" => Other,
        "IsADirectory" => IsADirectory,
        "NotADirectory" => NotADirectory,
        "DirectoryNotEmpty" => DirectoryNotEmpty,
        "ReadOnlyFilesystem" => ReadOnlyFilesystem,
        "StorageFull" => StorageFull,
        "FileTooLarge" => FileTooLarge,
        "ResourceBusy" => ResourceBusy,
        "InvalidFilename" => InvalidFilename,
        "CrossesDevices" => CrossesDevices,
        "TooManyLinks" => TooManyLinks,
        "NotSeekable" => NotSeekable,
        "QuotaExceeded" => QuotaExceeded,
        "WriteZero" => WriteZero,
        "Unsupported" => Unsupported,
        "OutOfMemory" => OutOfMemory,
        _ => return None,
    };
    Some(super::object::ExtObj::IoErrorKind(k).into_value())
}

/// `io::Error::new(kind, msg)` / `io::Error::other(msg)`.
fn error_new(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let (kind, msg) = if aux == 1 {
        (std::io::ErrorKind::Other, str_of(&arg(args, 0)?)?)
    } else {
        let k = match super::object::ext_obj(&arg(args, 0)?) {
            Some(super::object::ExtObj::IoErrorKind(k)) => *k,
            _ => std::io::ErrorKind::Other,
        };
        (k, str_of(&arg(args, 1)?)?)
    };
    Ok(StdObj::Io(std::io::Error::new(kind, msg)).into_value())
}

/// `env::temp_dir()` (a path is a string in TERAS).
fn temp_dir(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(std::env::temp_dir().to_string_lossy().into_owned()))
}

/// `path.join(p)` on a path held as a string, `Path::new(s)`, `PathBuf::from(s)`.
fn path_join(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = str_of(&arg(args, 0)?)?;
    let b = str_of(&arg(args, 1)?)?;
    Ok(Value::str(std::path::Path::new(&a).join(b).to_string_lossy().into_owned()))
}

/// Path queries on a path held as a string: `exists` (0), `is_file` (1), `is_dir` (2).
fn path_query(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let p = str_of(&arg(args, 0)?)?;
    let p = std::path::Path::new(&p);
    Ok(Value::Bool(match aux {
        0 => p.exists(),
        1 => p.is_file(),
        _ => p.is_dir(),
    }))
}

/// Parts of a path held as a string, as `Option`s: `file_name` (0), `extension` (1),
/// `parent` (2), `file_stem` (3), `to_str` (4: always `Some`).
fn path_part(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let s = str_of(&arg(args, 0)?)?;
    let p = std::path::Path::new(&s);
    let part = match aux {
        0 => p.file_name().map(|x| x.to_string_lossy().into_owned()),
        1 => p.extension().map(|x| x.to_string_lossy().into_owned()),
        2 => p.parent().map(|x| x.to_string_lossy().into_owned()),
        3 => p.file_stem().map(|x| x.to_string_lossy().into_owned()),
        _ => Some(s.clone()),
    };
    Ok(util::option(cx, part.map(Value::str)))
}

/// `path.with_extension(ext)`.
fn with_extension(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let a = str_of(&arg(args, 0)?)?;
    let b = str_of(&arg(args, 1)?)?;
    Ok(Value::str(std::path::Path::new(&a).with_extension(b).to_string_lossy().into_owned()))
}

fn path_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(str_of(&arg(args, 0)?)?))
}

pub fn register(r: &mut super::registry::Registry) {
    file::register(r);
    r.func("fs::read_to_string", read_to_string);
    r.func("fs::read", read);
    r.func("fs::write", write);
    r.func("fs::remove_file", remove_file);
    r.func("fs::create_dir_all", create_dir_all);
    r.func("fs::exists", exists);
    r.func_aux("fs::remove_dir", remove_dir, 0);
    r.func_aux("fs::remove_dir_all", remove_dir, 1);
    r.func_aux("fs::create_dir", remove_dir, 2);
    r.func_aux("fs::rename", rename, 0);
    r.func_aux("fs::copy", rename, 1);
    r.method(super::registry::Kind::Native, "kind", kind);
    r.method(super::registry::Kind::Native, "raw_os_error", raw_os_error);
    r.func("io::Error::from", error_from);
    r.func_aux("io::Error::new", error_new, 0);
    r.func_aux("Error::new", error_new, 0);
    r.func_aux("io::Error::other", error_new, 1);
    r.func_aux("Error::other", error_new, 1);
    r.func("env::temp_dir", temp_dir);
    r.func("Path::new", path_new);
    r.func("PathBuf::from", path_new);
    r.func("PathBuf::new", super::string::new_fn());
    r.method(super::registry::Kind::Str, "join", path_join);
    r.method(super::registry::Kind::Str, "with_extension", with_extension);
    for (name, aux) in [("exists", 0), ("is_file", 1), ("is_dir", 2)] {
        r.method_aux(super::registry::Kind::Str, name, path_query, aux);
    }
    for (name, aux) in [("file_name", 0), ("extension", 1), ("parent", 2), ("file_stem", 3), ("to_str", 4)] {
        r.method_aux(super::registry::Kind::Str, name, path_part, aux);
    }
    // `path.display()`, `to_path_buf()`, `to_string_lossy()`: the path's text itself;
    // `into_owned()`: of the `Cow<str>` that `to_string_lossy()` gives.
    for name in ["display", "to_path_buf", "to_string_lossy", "as_path", "into_owned"] {
        r.method(super::registry::Kind::Str, name, path_new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_kind_constants_are_rusts() {
        let k = |p: &str| match constant(p).as_ref().and_then(super::super::object::ext_obj) {
            Some(super::super::object::ExtObj::IoErrorKind(k)) => Some(*k),
            _ => None,
        };
        assert_eq!(k("ErrorKind::IsADirectory"), Some(std::io::ErrorKind::IsADirectory));
        assert_eq!(k("ErrorKind::NotFound"), Some(std::io::ErrorKind::NotFound));
        assert_eq!(k("ErrorKind::Nope"), None);
        assert_eq!(k("Other::NotFound"), None);
    }

    #[test]
    fn io_errors_from_programs() {
        let src = r#"
use std::io::{self, ErrorKind};
fn main() {
    let e = std::fs::File::open("/nonexistent/teras").unwrap_err();
    println!("{:?} {}", e.raw_os_error(), io::Error::from(ErrorKind::NotFound));
    println!("{}", std::path::Path::new("/a/b.txt").with_extension("rs").display());
    println!("{:?} {:?}", "/a/b.txt".to_string().file_stem(), std::path::Path::new("/").parent());
}
"#;
        let (out, _) = crate::test_support::run_program(src);
        assert_eq!(out, "Some(2) entity not found\n/a/b.rs\nSome(\"b\") None\n");
    }
}
