//! Formatting glue: the `Format` and `Print` instructions, the `fmt::Formatter` value user
//! `Display`/`Debug` impls receive, and methods the VM answers itself (`write_str` on a
//! formatter or a `String`, `to_string` through user `Display`).
//!
//! User impls reached while formatting run in a *nested run* of the same fiber (a `Stop`
//! frame above the current frames): the one exception to "no Rust recursion for TERAS
//! calls", bounded by the formatter's depth limit and the fiber's frame limit.

use super::call;
use super::fiber::{Fiber, RetKind};
use super::program::type_id_of;
use super::{Ctx, Fault};
use crate::builtins::format::{FmtHooks, Spec, Template, Trait};
use crate::builtins::NativeError;
use crate::heap::Heap;
use crate::value::Value;
use std::io::Write;

/// What a user `fmt(&self, f: &mut Formatter)` gets as `f` (the builtins' formatter value).
pub use crate::builtins::format::FormatterObj;

/// How many argument registers a template reads.
pub fn template_arg_count(tpl: &Template) -> usize {
    let mut n = 0;
    for p in &tpl.pieces {
        if let crate::builtins::format::TPiece::Arg(a) = p {
            n = n.max(a.arg + 1);
            if let Some(w) = a.width_arg {
                n = n.max(w + 1);
            }
            if let Some(w) = a.precision_arg {
                n = n.max(w + 1);
            }
        }
    }
    n
}

struct Hooks<'f, 'c, 'a> {
    fiber: &'f mut Fiber,
    cx: &'c mut Ctx<'a>,
    fault: Option<Fault>,
}

impl FmtHooks for Hooks<'_, '_, '_> {
    fn user_fmt(&mut self, value: &Value, debug: bool, spec: &Spec) -> Option<Result<String, NativeError>> {
        let prog = self.cx.prog;
        // `{:x}`, `{:b}`, `{:e}`... of a user type: its impl of that trait.
        let key = match spec.trait_ {
            Trait::LowerHex => "LowerHex::fmt",
            Trait::UpperHex => "UpperHex::fmt",
            Trait::Octal => "Octal::fmt",
            Trait::Binary => "Binary::fmt",
            Trait::LowerExp => "LowerExp::fmt",
            Trait::UpperExp => "UpperExp::fmt",
            _ if debug => "Debug::fmt",
            _ => "Display::fmt",
        };
        let sym = prog.symbols.get(key)?;
        let f = prog.methods.get(&(type_id_of(value), sym)).copied()?;
        let buf = Heap::new(String::new());
        let fmt = crate::builtins::format::formatter_value(buf.clone(), spec.clone());
        match call_nested(self.fiber, self.cx, f, vec![value.clone(), fmt]) {
            Ok(_) => Some(Ok(buf.read().map(|s| s.clone()).unwrap_or_default())),
            Err(Fault::Panic(m)) => Some(Err(NativeError::Panic(m))),
            Err(f) => {
                self.fault = Some(f);
                Some(Err(NativeError::Panic("formatting interrupted".into())))
            }
        }
    }
}

/// Call function `f` with `args` on top of the current frame and run it to completion.
pub fn call_nested(fiber: &mut Fiber, cx: &mut Ctx<'_>, f: u32, args: Vec<Value>) -> Result<Value, Fault> {
    let top = match fiber.frames.last() {
        Some(fr) => fr.base as usize + cx.prog.funcs.get(fr.func as usize).map_or(0, |p| p.num_regs as usize),
        None => fiber.stack.len(),
    };
    let n = args.len();
    if fiber.stack.len() < top + n {
        fiber.stack.resize(top + n, Value::Unit);
    }
    for (i, a) in args.into_iter().enumerate() {
        fiber.stack[top + i] = a;
    }
    let depth = fiber.frames.len();
    call::enter(fiber, cx.prog, f, top, top, 0, RetKind::Stop, n)?;
    // A nested run cannot give its OS thread back: it runs its whole slice, and waits in
    // place when it blocks.
    let slice = cx.slice.take();
    let r = loop {
        match super::dispatch::run(fiber, cx) {
            Err(Fault::Yield) => continue,
            Err(Fault::Blocked(b)) => {
                if let Err(why) = cx.host.park(b.deadline) {
                    break Err(Fault::Panic(format!("`{}` blocked inside a nested call (a `Display`/`Debug` impl): {why}", b.what)));
                }
            }
            r => break r,
        }
    };
    cx.slice = slice;
    // On an error the frames of the failed nested call stay, for the backtrace; the caller
    // unwinds.
    let v = r?;
    fiber.frames.truncate(depth);
    Ok(v)
}

/// The `Format` instruction: render `tpl` with the argument registers
/// `stack[start..start + n]`. Strings and integers under plain `{}` are rendered from the
/// registers in place (`builtins::format::format_plain`); anything else takes the general
/// path on copies of the arguments (user impls may run and touch the fiber's registers).
pub fn format_instr(fiber: &mut Fiber, cx: &mut Ctx<'_>, tpl: &Template, start: usize) -> Result<String, Fault> {
    let mut out = String::new();
    // (The registers from `start` on: `format_plain` reads only the arguments `tpl` names.)
    if let Some(args) = fiber.stack.get(start..) {
        match crate::builtins::format::format_plain(&mut out, tpl, args) {
            Ok(true) => return Ok(out),
            Ok(false) => {}
            Err(NativeError::Panic(m)) => return Err(Fault::Panic(m)),
            Err(NativeError::Exit(c)) => return Err(Fault::Exit(c)),
            Err(NativeError::Block(b)) => return Err(Fault::Panic(format!("internal error: `{}` blocked while formatting", b.what))),
        }
    }
    // On the Rust stack for up to four arguments (no allocation).
    let n = template_arg_count(tpl);
    let argv: smallvec::SmallVec<[Value; 4]> = (0..n).map(|i| fiber.stack.get(start + i).cloned().unwrap_or(Value::Unit)).collect();
    format_template(fiber, cx, tpl, &argv)
}

/// The `Format` instruction on `run`'s fast path: the string `format_instr` makes when every
/// argument is a string or an integer under plain `{}` (`format_plain`), as a value; `None`
/// (nothing done) in every other case, including a borrow conflict on an argument (the
/// instruction then runs in `slow_step`, which reports it). Out of line, so that the
/// dispatch loop stays small.
#[inline(never)]
pub fn format_fast(stack: &[Value], tpl: &Template, start: usize) -> Option<Value> {
    let args = stack.get(start..)?;
    let mut out = String::new();
    match crate::builtins::format::format_plain(&mut out, tpl, args) {
        Ok(true) => Some(Value::str(out)),
        _ => None,
    }
}

/// Render a template with its arguments, running user impls as needed.
pub fn format_template(fiber: &mut Fiber, cx: &mut Ctx<'_>, tpl: &Template, args: &[Value]) -> Result<String, Fault> {
    let mut out = String::new();
    let mut hooks = Hooks { fiber, cx, fault: None };
    let r = crate::builtins::format::format_template(&mut out, tpl, args, &mut hooks);
    if let Some(f) = hooks.fault {
        return Err(f);
    }
    match r {
        Ok(()) => Ok(out),
        Err(NativeError::Panic(m)) => Err(Fault::Panic(m)),
        Err(NativeError::Exit(c)) => Err(Fault::Exit(c)),
        Err(NativeError::Block(b)) => Err(Fault::Panic(format!("internal error: `{}` blocked while formatting", b.what))),
    }
}

/// Format one value with a spec (used by `to_string`).
pub fn format_one(fiber: &mut Fiber, cx: &mut Ctx<'_>, v: &Value, spec: &Spec) -> Result<String, Fault> {
    let mut out = String::new();
    let mut hooks = Hooks { fiber, cx, fault: None };
    let r = crate::builtins::format::format_value(&mut out, v, spec, &mut hooks);
    if let Some(f) = hooks.fault {
        return Err(f);
    }
    match r {
        Ok(()) => Ok(out),
        Err(NativeError::Panic(m)) => Err(Fault::Panic(m)),
        Err(NativeError::Exit(c)) => Err(Fault::Exit(c)),
        Err(NativeError::Block(b)) => Err(Fault::Panic(format!("internal error: `{}` blocked while formatting", b.what))),
    }
}

/// `print!` (stream 1) / `eprint!` (stream 2) of a string value.
pub fn print(cx: &mut Ctx<'_>, v: &Value, stream: u8) -> Result<(), Fault> {
    let s = match v {
        Value::Str(s) => s.read().map(|s| s.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    if stream == 2 {
        let _ = cx.out.flush();
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(s.as_bytes());
    } else {
        let _ = cx.out.write_all(s.as_bytes());
    }
    Ok(())
}

/// The Rust type name of a value, in backticks, for messages: the struct or enum's name, or
/// the std type's (`i32`, `String`, `Vec`) without its generic arguments, which a value does
/// not carry.
pub fn type_name_of(v: &Value) -> String {
    match v {
        Value::Adt(h) => h.read().map(|o| format!("`{}`", o.def.name)).unwrap_or_default(),
        Value::Tag(d, _) => format!("`{}`", d.name),
        Value::SomeObj(_) => "`Option`".into(),
        other => format!("`{}`", crate::builtins::util::describe(other)),
    }
}


fn ok_unit(cx: &Ctx<'_>) -> Value {
    Value::Adt(Heap::new(crate::value::AdtObj { def: (&cx.prog.std.result).into(), variant: 0, fields: smallvec::smallvec![Value::Unit] }))
}

fn str_arg(v: Option<&Value>) -> String {
    match v.map(super::place::read_ref) {
        Some(Ok(Value::Str(s))) => s.read().map(|s| s.clone()).unwrap_or_default(),
        Some(Ok(Value::Char(c))) => c.to_string(),
        _ => String::new(),
    }
}

/// The items of a TERAS iterator (a value with a `next` method compiled from TERAS), by
/// calling its `next` until `None`; `None` when `it` has no such method.
fn drain_iter(fiber: &mut Fiber, cx: &mut Ctx<'_>, it: Value) -> Result<Option<Vec<Value>>, Fault> {
    let prog = cx.prog;
    let Some(sym) = prog.symbols.get("next") else { return Ok(None) };
    let Some(call::Target::Func(f)) = call::lookup_method(prog, type_id_of(&it), sym, "next", &it) else { return Ok(None) };
    let mut items = Vec::new();
    loop {
        let r = call_nested(fiber, cx, f, vec![it.clone()])?;
        let r = r.untag();
        let Value::Adt(h) = &*r else { return Ok(Some(items)) };
        let Ok(o) = h.read() else { return Ok(Some(items)) };
        let is_some = o.def.variants.get(o.variant as usize).is_some_and(|v| v.name == "Some");
        match o.fields.first() {
            Some(x) if is_some => items.push(x.clone()),
            _ => return Ok(Some(items)),
        }
    }
}

/// Methods the VM answers itself; `None` when `name` is not one for this receiver.
pub fn vm_method(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    recv: &Value,
    name: &str,
    start: usize,
    nargs: usize,
) -> Option<Result<Value, Fault>> {
    // `Formatter` and Debug-builder methods (`write_str`, `pad`, `debug_struct`, `field`, ...).
    if let Value::Native(_) = recv {
        let mut args: Vec<Value> = (1..nargs).filter_map(|i| fiber.stack.get(start + i).cloned()).collect();
        if name == "entries" {
            // A TERAS iterator (`v.iter().map(..)`): the builtins cannot call its `next`; drain it here.
            if let Some(it @ (Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_))) = args.first().map(|a| super::place::read_ref(a).unwrap_or_else(|_| a.clone())) {
                match drain_iter(fiber, cx, it) {
                    Ok(Some(items)) => args[0] = Value::Vec(Heap::new(crate::value::VecObj { items, is_array: false })),
                    Ok(None) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
        }
        let prog = cx.prog;
        let mut hooks = Hooks { fiber, cx, fault: None };
        let r = crate::builtins::format::formatter_method(recv, name, &args, &prog.std, &mut hooks)?;
        if let Some(f) = hooks.fault {
            return Some(Err(f));
        }
        return Some(match r {
            Ok(v) => Ok(v),
            Err(NativeError::Panic(m)) => Err(Fault::Panic(m)),
            Err(NativeError::Exit(c)) => Err(Fault::Exit(c)),
            Err(NativeError::Block(b)) => Err(Fault::Panic(format!("internal error: `{}` blocked while formatting", b.what))),
        });
    }
    match (name, recv) {
        ("write_str" | "write_fmt" | "write_char", Value::Str(s)) => {
            let add = str_arg(fiber.stack.get(start + 1));
            if let Ok(mut s) = s.write() {
                s.push_str(&add);
            }
            Some(Ok(ok_unit(cx)))
        }
        ("to_string", Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) | Value::Native(_)) => {
            let prog = cx.prog;
            let sym = prog.symbols.get("Display::fmt")?;
            prog.methods.get(&(type_id_of(recv), sym))?;
            Some(format_one(fiber, cx, recv, &Spec::display()).map(Value::str))
        }
        _ => None,
    }
}

/// The trait a spec formats with, as a method key.
pub fn trait_key(t: Trait) -> &'static str {
    if t == Trait::Debug {
        "Debug::fmt"
    } else {
        "Display::fmt"
    }
}
