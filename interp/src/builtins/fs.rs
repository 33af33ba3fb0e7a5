//! `std::fs::read_to_string`, `write`, `read`, `remove_file`, `create_dir_all`, `exists`:
//! `io::Result` values whose errors are real `io::Error`s (Display
//! `No such file or directory (os error 2)`). (File permissions granted on the command line
//! come with the security work.)

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

fn path_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::str(str_of(&arg(args, 0)?)?))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("fs::read_to_string", read_to_string);
    r.func("fs::read", read);
    r.func("fs::write", write);
    r.func("fs::remove_file", remove_file);
    r.func("fs::create_dir_all", create_dir_all);
    r.func("fs::exists", exists);
    r.method(super::registry::Kind::Native, "kind", kind);
    r.func_aux("io::Error::new", error_new, 0);
    r.func_aux("Error::new", error_new, 0);
    r.func_aux("io::Error::other", error_new, 1);
    r.func_aux("Error::other", error_new, 1);
    r.func("env::temp_dir", temp_dir);
    r.func("Path::new", path_new);
    r.func("PathBuf::from", path_new);
    r.func("PathBuf::new", super::string::new_fn());
    r.method(super::registry::Kind::Str, "join", path_join);
}
