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

/// `e.kind()` of an io::Error: its Debug name as a string (`NotFound`).
fn kind(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match super::object::std_obj(&arg(args, 0)?) {
        Some(StdObj::Io(e)) => Ok(Value::str(format!("{:?}", e.kind()))),
        _ => Ok(Value::Unit),
    }
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("fs::read_to_string", read_to_string);
    r.func("fs::read", read);
    r.func("fs::write", write);
    r.func("fs::remove_file", remove_file);
    r.func("fs::create_dir_all", create_dir_all);
    r.func("fs::exists", exists);
    r.method(super::registry::Kind::Native, "kind", kind);
}
