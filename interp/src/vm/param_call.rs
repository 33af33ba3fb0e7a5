//! `Instr::ParamCall`: a call of a trait's static method on a generic parameter
//! (`T::default()`, `T::from(x)`), resolved at run time from the type the running frame's
//! type arguments give `T`.

use super::call::{enter, native_result};
use super::fiber::{Fiber, RetKind};
use super::program::{type_id_of, Program};
use super::{Ctx, Fault};
use crate::builtins::{self, NativeCx, NativeError};
use crate::value::Value;

/// The type a generic parameter `param` of the running function stands for: from the top
/// frame's type arguments (see `Instr::ParamCall`); an argument that is itself a parameter of
/// the caller is looked up in the caller's frame.
pub fn frame_type_arg(fiber: &Fiber, prog: &Program, param: &str) -> Option<crate::types::Ty> {
    use crate::types::Ty;
    let mut name = param.to_string();
    let mut idx = fiber.frames.len().checked_sub(1)?;
    loop {
        let frame = fiber.frames.get(idx)?;
        let Some(Ty::Named(tag, pairs)) = prog.hint(frame.hint) else { return None };
        if tag != "<generics>" {
            return None;
        }
        let t = pairs.iter().find_map(|p| match p {
            Ty::Named(n, a) if *n == name => a.first(),
            _ => None,
        })?;
        match t {
            Ty::Param(q) if idx > 0 => {
                name = q.clone();
                idx -= 1;
            }
            t if t.is_known() => return Some(t.clone()),
            _ => return None,
        }
    }
}

/// `Instr::ParamCall`: call the associated function `method` of the type the generic
/// parameter `param` stands for. `Ok(None)` when a frame was pushed, else the result.
#[allow(clippy::too_many_arguments)]
pub fn param_call(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    param: &str,
    method: &str,
    sym: u32,
    nb: usize,
    nargs: usize,
    ret: usize,
) -> Result<Option<Value>, Fault> {
    use crate::types::Ty;
    let prog = cx.prog;
    let Some(ty) = frame_type_arg(fiber, prog, param) else {
        return Err(Fault::Panic(format!("teras cannot tell which type `{param}` stands for in `{param}::{method}`")));
    };
    let end = nb + nargs;
    if fiber.stack.len() < end {
        fiber.stack.resize(end, Value::Unit);
    }
    let name = match ty.deref() {
        Ty::Named(n, _) => Some(n.clone()),
        Ty::String => Some("String".to_string()),
        Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char => Some(ty.to_string()),
        _ => None,
    };
    // A program type, or a primitive a program's impl may extend (`impl Zero for i32`:
    // `T::zero()` with `T = i32`).
    let primitive = matches!(ty.deref(), Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char);
    let tid = name
        .as_ref()
        .and_then(|n| prog.type_ids.get(n.as_str()).copied().or_else(|| super::program::builtin_type_id(n).filter(|_| primitive)));
    if let Some(tid) = tid {
        let f = match (method, fiber.stack.get(nb)) {
            ("from", Some(arg)) if nargs == 1 => prog.from_impls.get(&(tid, type_id_of(arg))).copied(),
            _ => None,
        };
        if let Some(f) = f.or_else(|| prog.find_method(tid, sym)) {
            enter(fiber, prog, f, nb, ret, 0, RetKind::Normal, nargs)?;
            return Ok(None);
        }
    }
    let mut ncx = NativeCx {
        stdout: &mut *cx.out,
        std: &prog.std,
        hint: Some(&ty),
        args: cx.args,
        host: cx.host,
        waker: cx.waker,
        state: &mut fiber.native_state,
    };
    let native = match (method, nargs) {
        ("default" | "new", 0) => builtins::function("__default"),
        ("from", 1) => {
            let v = fiber.stack.get(nb).cloned().unwrap_or(Value::Unit);
            return match builtins::collect::convert(&ncx, v, &ty) {
                Ok(v) => Ok(Some(v)),
                Err(e) => native_result(fiber, Err(e)).map(Some),
            };
        }
        _ => name.as_ref().and_then(|n| builtins::function(&format!("{n}::{method}"))),
    };
    let Some(native) = native else {
        return Err(Fault::Panic(format!("no function `{method}` found for `{ty}` (`{param}::{method}`)")));
    };
    let r = builtins::call(native, &mut ncx, &mut fiber.stack[nb..end]);
    if !matches!(r, Err(NativeError::Block(_))) {
        fiber.native_state = None;
    }
    native_result(fiber, r).map(Some)
}
