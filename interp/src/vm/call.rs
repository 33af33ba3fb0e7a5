//! Calls: entering a function (pushing a frame), returning, call sites and their fast paths,
//! native calls. Method resolution and the sites' inline caches are `method_cache.rs`.

use super::bytecode::{CallSiteInfo, Intrinsic, SiteKind};
use super::fiber::{Fiber, Frame, RetKind, MAX_FRAMES, MAX_STACK};
use super::program::{tid, Program};
use super::{Ctx, Fault};
use crate::builtins::{self, NativeCx, NativeError};
use crate::value::{AdtObj, Callable, Value};
use std::sync::atomic::Ordering;

pub use super::method_cache::{lookup_method, resolve_derefed, resolve_method, resolve_through_rc};
pub(super) use super::method_cache::{cached_derefed_native, cached_target, NATIVE_BIT};
use super::method_cache::plain_type_id;
pub use super::param_call::param_call;

/// Push a frame for function `func` whose arguments are already in `stack[new_base..]`.
// Each argument is one field of the `Frame` it pushes (or the fiber and program it pushes on).
#[allow(clippy::too_many_arguments)]
#[inline]
pub fn enter(
    fiber: &mut Fiber,
    prog: &Program,
    func: u32,
    new_base: usize,
    ret: usize,
    hint: u32,
    kind: RetKind,
    nargs: usize,
) -> Result<(), Fault> {
    let Some(callee) = prog.funcs.get(func as usize) else {
        return Err(Fault::Panic(format!("internal error: no function #{func}")));
    };
    let need = new_base + callee.num_regs as usize;
    if fiber.frames.len() >= MAX_FRAMES || need > MAX_STACK {
        return Err(Fault::StackOverflow);
    }
    if kind == RetKind::Normal {
        if let Some(i) = callee.intrinsic {
            if inline_call(fiber, prog, i, new_base, ret, nargs) {
                // Done without a frame: the caller goes on after its call (every caller of
                // `enter` with `RetKind::Normal` saved its `pc` past the call and resumes
                // the top frame).
                return Ok(());
            }
        }
    }
    if fiber.stack.len() < need {
        // Grow geometrically: registers are cleared on return, not on call (the compiler
        // never reads a register before writing it).
        let n = need.max(fiber.stack.len() * 2).min(MAX_STACK);
        fiber.stack.resize(n, Value::Unit);
    }
    if callee.self_by_value {
        if let Some(s) = fiber.stack.get_mut(new_base) {
            *s = super::values::copy_value(s);
        }
    }
    // The caller may hold heap values now (its fast return must not trust an older flag).
    if let Some(f) = fiber.frames.last_mut() {
        f.clean = false;
    }
    fiber.frames.push(Frame { func, pc: 0, base: new_base as u32, ret: ret as u32, hint, kind, clean: false, recur: false, owns: false });
    Ok(())
}

/// Complete a call of a function marked `intrinsic` (its arguments in
/// `stack[nb..nb+nargs]`, its result for register `ret`, a `RetKind::Normal` call) without
/// a frame, when the arguments have the shape the intrinsic covers; false (nothing done) in
/// every other case, and the function is entered as usual.
///
/// `UnwrapVariant` (`unwrap`/`expect`/`unwrap_or` on `Some(x)`/`Ok(x)`): the frame would
/// copy a Copy `self` (a fresh object nobody else sees), test the variant, read the field
/// and return it (a field that is a scalar, a string or a reference is the same value
/// whether `self` was copied or not), then release its registers: the arguments. With drop
/// glue that release is a sweep that could drop what an argument holds when its register
/// held the last handle (never the case for a receiver the caller still holds in a
/// temporary); such a call is left to the frame.
#[inline]
pub fn inline_call(fiber: &mut Fiber, prog: &Program, intrinsic: Intrinsic, nb: usize, ret: usize, nargs: usize) -> bool {
    match intrinsic {
        // Needs the natives' context: `site_fast` runs it (`forward`).
        Intrinsic::Forward { .. } => false,
        Intrinsic::UnwrapVariant { type_id, variant } => {
            let x = {
                let Some(Value::Adt(h)) = fiber.stack.get(nb) else { return false };
                let Ok(o) = h.read() else { return false };
                match unwrap_payload(&o, type_id, variant) {
                    Some(x) => x,
                    None => return false,
                }
            };
            unwrap_finish(fiber, prog, type_id, x, nb, ret, nargs)
        }
    }
}

/// `UnwrapVariant`'s test on the receiver object: the payload when `o` is variant `variant`
/// of type `type_id` with one field that is a scalar, a string or a reference (the same
/// value whether `self` was copied or not).
#[inline]
fn unwrap_payload(o: &AdtObj, type_id: u32, variant: u32) -> Option<Value> {
    if o.variant != variant || o.def.type_id != type_id || o.fields.len() != 1 {
        return None;
    }
    match o.fields.first() {
        Some(x @ (Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Float(..) | Value::Char(_) | Value::Str(_) | Value::Ref(_))) => Some(x.clone()),
        _ => None,
    }
}

/// Complete an `UnwrapVariant` call whose receiver (`stack[nb]`, an object of `type_id`)
/// gave payload `x`: false (nothing done) when the frame is needed after all (drop glue, see
/// `inline_call`; a result register out of the stack).
#[inline]
fn unwrap_finish(fiber: &mut Fiber, prog: &Program, type_id: u32, x: Value, nb: usize, ret: usize, nargs: usize) -> bool {
    if prog.walks_drops() {
        // The frame's return would sweep its registers: `self` is only let go when
        // the caller still holds it (a temporary), the other arguments (`expect`'s
        // message, `unwrap_or`'s default) only when nothing in them needs a walk.
        let Some(Value::Adt(h)) = fiber.stack.get(nb) else { return false };
        let others = fiber.stack.get(nb + 1..nb + nargs).unwrap_or_default();
        let plain = |a: &Value| matches!(a, Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Float(..) | Value::Char(_) | Value::Str(_));
        if h.handle_count() < 2 || !others.iter().all(plain) || prog.drops.contains_key(&type_id) {
            return false;
        }
    }
    if ret >= fiber.stack.len() {
        return false;
    }
    release_args(fiber, nb, nargs, usize::MAX);
    if let Some(slot) = fiber.stack.get_mut(ret) {
        *slot = x;
    }
    true
}

/// The arguments `stack[nb..nb+nargs]` die with a call completed without a frame: release
/// them as the frame's fast return releases its registers (heap values cleared, scalars left:
/// `dispatch::is_scalar`), sparing register `keep` (the result, when it lies in the window).
pub(super) fn release_args(fiber: &mut Fiber, nb: usize, nargs: usize, keep: usize) {
    if let Some(args) = fiber.stack.get_mut(nb..nb + nargs) {
        for (i, a) in args.iter_mut().enumerate() {
            if nb + i != keep && !super::dispatch::is_scalar(a) {
                *a = Value::Unit;
            }
        }
    }
}

/// `Intrinsic::Forward` on the fast `CallSite` path (a program without drop glue): run the
/// native the method forwards to on the caller's argument window, with `self`'s field in
/// place of `self`; its result goes to register `ret` and the window is cleared, as the
/// method's frame would have left it. `Ok(false)`: `self` is not an object of the type
/// (nothing done; the method is entered). A native that blocks gets `self` back in the
/// window (its `pc` was stepped back: the call runs again as it was); any other error is the
/// call's.
#[allow(clippy::too_many_arguments)]
fn forward(fiber: &mut Fiber, cx: &mut Ctx<'_>, intrinsic: Intrinsic, nb: usize, ret: usize, nargs: usize, hint: u32) -> Result<bool, Fault> {
    let Intrinsic::Forward { type_id, field, .. } = intrinsic else { return Ok(false) };
    let inner = {
        let Some(Value::Adt(h)) = fiber.stack.get(nb) else { return Ok(false) };
        let Ok(o) = h.read() else { return Ok(false) };
        match forward_field(&o, type_id, field) {
            Some(v) => v,
            None => return Ok(false),
        }
    };
    forward_inner(fiber, cx, intrinsic, inner, nb, ret, nargs, hint)
}

/// `Forward`'s test on the receiver object: its field `field` when `o` is of type `type_id`.
#[inline]
fn forward_field(o: &AdtObj, type_id: u32, field: u16) -> Option<Value> {
    if o.def.type_id != type_id {
        return None;
    }
    o.fields.get(field as usize).cloned()
}

/// A forwarding method's window made ready for its native: the field `inner` in place of
/// `self` (`stack[nb]`, which is returned), and the by-value parameters named in `copies`
/// copied. The caller has checked that `nb + nargs` is inside the stack.
pub(super) fn forward_window(fiber: &mut Fiber, nb: usize, nargs: usize, inner: Value, copies: u16) -> Value {
    let this = std::mem::replace(&mut fiber.stack[nb], inner);
    for i in 1..nargs.min(16) {
        if copies & (1 << i) != 0 {
            if let Some(a) = fiber.stack.get_mut(nb + i) {
                if matches!(a, Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) | Value::Func(_)) {
                    *a = super::values::copy_value(a);
                }
            }
        }
    }
    this
}

/// The rest of `forward`, given the field `inner` of `self` (`stack[nb]`).
#[allow(clippy::too_many_arguments)]
fn forward_inner(fiber: &mut Fiber, cx: &mut Ctx<'_>, intrinsic: Intrinsic, inner: Value, nb: usize, ret: usize, nargs: usize, hint: u32) -> Result<bool, Fault> {
    let Intrinsic::Forward { copies, native, hint: own, .. } = intrinsic else { return Ok(false) };
    if ret >= fiber.stack.len() || nb + nargs > fiber.stack.len() {
        return Ok(false);
    }
    let this = forward_window(fiber, nb, nargs, inner, copies);
    let hint = if own == u32::MAX { hint } else { own };
    match native_into(fiber, cx, native, nb, nargs, hint, ret) {
        Ok(()) => {
            release_args(fiber, nb, nargs, ret);
            drop(this);
            Ok(true)
        }
        Err(e) => {
            if let Some(a) = fiber.stack.get_mut(nb) {
                *a = this;
            }
            Err(e)
        }
    }
}

/// What one read of an object receiver (`site_fast`) found at a method call site whose cache
/// knows the object's type: the target, and for a frameless method (`FuncProto::intrinsic`)
/// what the intrinsic needs from the object, so that the object is read once, not once for
/// its type and again for the intrinsic.
pub(super) enum AdtSite {
    /// Not in the site's cache, or the object is being written: the general lookup.
    Miss,
    Target(Target),
    /// A `Forward` method `f` whose test passed: `self`'s field.
    Forward(u32, Intrinsic, Value),
    /// An `UnwrapVariant` method `f` whose test passed: the payload.
    Unwrap(u32, u32, Value),
}

/// Read the object `h` (the receiver of a method call at `site`) once: see `AdtSite`.
#[inline]
pub(super) fn adt_site(prog: &Program, site: &CallSiteInfo, h: &crate::heap::Heap<AdtObj>) -> AdtSite {
    let Ok(o) = h.read() else { return AdtSite::Miss };
    let t = o.def.type_id;
    // As `resolve_method`'s cache test (an object's type id is never `tid::RC`).
    let c = site.cache.load(Ordering::Relaxed);
    if c == 0 || (c >> 32) as u32 != t.wrapping_add(1) {
        return AdtSite::Miss;
    }
    let target = cached_target(c);
    let Target::Func(f) = target else { return AdtSite::Target(target) };
    match prog.funcs.get(f as usize).and_then(|p| p.intrinsic) {
        Some(i @ Intrinsic::Forward { type_id, field, .. }) => match forward_field(&o, type_id, field) {
            Some(inner) => AdtSite::Forward(f, i, inner),
            None => AdtSite::Target(target),
        },
        Some(Intrinsic::UnwrapVariant { type_id, variant }) => match unwrap_payload(&o, type_id, variant) {
            Some(x) => AdtSite::Unwrap(f, type_id, x),
            None => AdtSite::Target(target),
        },
        None => AdtSite::Target(target),
    }
}

/// Call a callable value with arguments placed at `stack[new_base..new_base+nargs]`.
/// Natives run at once (their result goes where `kind` says); TERAS functions get a frame.
#[allow(clippy::too_many_arguments)]
pub fn call_callable(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    callee: &Value,
    new_base: usize,
    nargs: usize,
    ret: usize,
    hint: u32,
    kind: RetKind,
) -> Result<(), Fault> {
    let callee = match callee {
        Value::Ref(_) => super::place::read_ref(callee).map_err(|e| Fault::Panic(e.0))?,
        v => v.clone(),
    };
    let Value::Func(c) = &callee else {
        return Err(Fault::Panic(format!("expected function, found {}", super::format::type_name_of(&callee))));
    };
    match &**c {
        Callable::Function(f) => enter(fiber, cx.prog, *f, new_base, ret, hint, kind, nargs),
        Callable::Closure { func, captures, released } => {
            let Some(proto) = cx.prog.funcs.get(*func as usize) else {
                return Err(Fault::Panic(format!("no function {func}")));
            };
            let arity = proto.arity as usize;
            let depth = fiber.frames.len();
            enter(fiber, cx.prog, *func, new_base, ret, hint, kind, nargs)?;
            for (i, c) in captures.iter().enumerate() {
                if let Some(slot) = fiber.stack.get_mut(new_base + arity + i) {
                    *slot = c.clone();
                }
            }
            // A call that moves an owned capture out consumes the closure (`FnOnce`): the
            // frame owns the owned captures and drops them when it ends (once: `released`).
            // AcqRel pairs with the same swap in `drop::drop_closure` and `drop::own_consumed`.
            if fiber.frames.len() > depth
                && super::drop::consumed_by_call(proto, captures)
                && !released.swap(true, std::sync::atomic::Ordering::AcqRel)
            {
                if let Some(fr) = fiber.frames.last_mut() {
                    fr.owns = true;
                }
            }
            Ok(())
        }
        Callable::Native(id) => {
            let v = call_native(fiber, cx, *id, new_base, nargs, hint)?;
            deliver(fiber, cx, v, ret, kind)
        }
        Callable::Bound { native, receiver } => {
            fiber.stack.insert(new_base, receiver.clone());
            let v = match call_native(fiber, cx, *native, new_base, nargs + 1, hint) {
                Ok(v) => v,
                Err(e) => {
                    if matches!(e, Fault::Blocked(_)) {
                        // The call runs again on resumption: take the receiver out again.
                        fiber.stack.remove(new_base);
                    }
                    return Err(e);
                }
            };
            deliver(fiber, cx, v, ret, kind)
        }
    }
}

/// Hand a value to where a finished call's `kind` says (used when a "call" completed
/// without a frame: natives).
pub fn deliver(fiber: &mut Fiber, _cx: &mut Ctx<'_>, v: Value, ret: usize, kind: RetKind) -> Result<(), Fault> {
    match kind {
        RetKind::Discard => {}
        RetKind::ReExec | RetKind::Stop => fiber.resume = Some(v),
        _ => {
            let v = convert_ret(kind, v);
            if let Some(slot) = fiber.stack.get_mut(ret) {
                *slot = v;
            }
        }
    }
    Ok(())
}

/// Apply a return kind's conversion (`!=` from `eq`, `<` from `partial_cmp`).
pub fn convert_ret(kind: RetKind, v: Value) -> Value {
    use std::cmp::Ordering as O;
    let ord = |v: &Value| -> Option<O> {
        // Option<Ordering> or Ordering.
        // (An object or an inline `Tag`, for the Option and the Ordering alike.)
        let (def, variant) = v.adt_variant()?;
        if def.name == "Option" {
            let v = v.untag();
            let Value::Adt(h) = &*v else { return None };
            let (_, inner) = h.read().ok()?.fields.first()?.adt_variant()?;
            return Some(match inner {
                0 => O::Less,
                1 => O::Equal,
                _ => O::Greater,
            });
        }
        Some(match variant {
            0 => O::Less,
            1 => O::Equal,
            _ => O::Greater,
        })
    };
    match kind {
        RetKind::Not => match v {
            Value::Bool(b) => Value::Bool(!b),
            v => v,
        },
        RetKind::CmpLt => Value::Bool(ord(&v) == Some(O::Less)),
        RetKind::CmpLe => Value::Bool(matches!(ord(&v), Some(O::Less | O::Equal))),
        RetKind::CmpGt => Value::Bool(ord(&v) == Some(O::Greater)),
        RetKind::CmpGe => Value::Bool(matches!(ord(&v), Some(O::Greater | O::Equal))),
        _ => v,
    }
}

/// Run native `id` on `stack[start..start+nargs]`.
pub fn call_native(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    id: u32,
    start: usize,
    nargs: usize,
    hint: u32,
) -> Result<Value, Fault> {
    let end = start + nargs;
    if fiber.stack.len() < end {
        fiber.stack.resize(end, Value::Unit);
    }
    let hint_ty = cx.prog.hint(hint);
    let mut ncx = NativeCx {
        stdout: &mut *cx.out,
        std: &cx.prog.std,
        hint: hint_ty,
        args: cx.args,
        host: cx.host,
        waker: cx.waker,
        state: &mut fiber.native_state,
    };
    let r = builtins::call(id, &mut ncx, &mut fiber.stack[start..end]);
    if !matches!(r, Err(NativeError::Block(_))) {
        fiber.native_state = None;
    }
    native_result(fiber, r)
}

/// A native's result as the VM's. `Block`: every call instruction saved the frame's `pc`
/// past itself before calling; step it back so that the call runs again on resumption.
pub fn native_result(fiber: &mut Fiber, r: builtins::NativeResult) -> Result<Value, Fault> {
    match r {
        Ok(v) => Ok(v),
        Err(NativeError::Panic(m)) => Err(Fault::Panic(m)),
        Err(NativeError::Exit(c)) => Err(Fault::Exit(c)),
        Err(NativeError::Block(b)) => {
            if let Some(f) = fiber.frames.last_mut() {
                f.pc = f.pc.saturating_sub(1);
            }
            Err(Fault::Blocked(b))
        }
    }
}

/// What `site_fast` did with a `CallSite`.
pub enum SiteStep {
    /// A native ran; its result is in the site's destination register already.
    Stored,
    /// A TERAS function's frame was pushed.
    Entered,
    /// Not a case it covers: `slow_step` runs the instruction (nothing was done).
    General,
}

/// `CallSite` on `run`'s fast path (the caller checked the interrupt flag and the time
/// slice, and saved the frame's `pc` past the call): a native function, a compiled function,
/// or a method of a receiver that is neither a reference, a native object nor an `Rc`/cell,
/// whose lookup succeeds (through the site's cache). Exactly what `slow_step` does in those
/// cases; every other case is `General`, untouched. Out of line so that `run`'s loop stays
/// small.
///
/// In a program that walks drops (`Program::walks_drops`) the call itself needs drop glue in
/// two cases only, both left to `slow_step`: a native that may discard elements of its
/// receiver (`drop::discards`: `slow_step` snapshots them to drop them after the call), and
/// a `Forward` method (its frame's return would sweep the registers the forward only clears:
/// the method is entered, as `slow_step` enters it). `UnwrapVariant` checks drop glue
/// itself (`unwrap_finish`).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
pub fn site_fast(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    info: &CallSiteInfo,
    nb: usize,
    ret: usize,
    nargs: usize,
    hint: u32,
) -> Result<SiteStep, Fault> {
    let walks = cx.prog.walks_drops();
    let target = match &info.kind {
        SiteKind::Native(n) => {
            if walks && nargs > 0 && super::drop::discards(builtins::native_name(*n)) {
                return Ok(SiteStep::General);
            }
            Target::Native(*n)
        }
        SiteKind::Func(f) => Target::Func(*f),
        SiteKind::Method { sym, name } => {
            let Some(recv) = fiber.stack.get(nb) else { return Ok(SiteStep::General) };
            // The common case first: a native method of a receiver whose type id its tag tells
            // (a string, a vector, an integer, a std collection), found in the site's cache.
            // Exactly what `resolve_method` answers from its cache for that type id.
            if let Some(t) = plain_type_id(recv) {
                let c = info.cache.load(Ordering::Relaxed);
                if (c >> 32) as u32 == t + 1 && c & NATIVE_BIT != 0 {
                    if walks && super::drop::discards(name) {
                        return Ok(SiteStep::General);
                    }
                    native_into(fiber, cx, (c & 0xffff_ffff & !NATIVE_BIT) as u32, nb, nargs, hint, ret)?;
                    return Ok(SiteStep::Stored);
                }
            }
            let found = match recv {
                Value::Ref(_) | Value::Native(_) | Value::Cell(_) | Value::Moved => return Ok(SiteStep::General),
                Value::Adt(h) => adt_site(cx.prog, info, h),
                _ => AdtSite::Miss,
            };
            match found {
                AdtSite::Target(Target::Native(_)) if walks && super::drop::discards(name) => return Ok(SiteStep::General),
                AdtSite::Target(t) => t,
                AdtSite::Forward(f, i, inner) => {
                    if !walks && forward_inner(fiber, cx, i, inner, nb, ret, nargs, hint)? {
                        return Ok(SiteStep::Stored);
                    }
                    enter(fiber, cx.prog, f, nb, ret, hint, RetKind::Normal, nargs)?;
                    return Ok(SiteStep::Entered);
                }
                AdtSite::Unwrap(f, type_id, x) => {
                    if unwrap_finish(fiber, cx.prog, type_id, x, nb, ret, nargs) {
                        return Ok(SiteStep::Stored);
                    }
                    enter(fiber, cx.prog, f, nb, ret, hint, RetKind::Normal, nargs)?;
                    return Ok(SiteStep::Entered);
                }
                AdtSite::Miss => {
                    let Some(recv) = fiber.stack.get(nb) else { return Ok(SiteStep::General) };
                    match resolve_method(cx.prog, info, *sym, name, recv) {
                        Some(Target::Native(_)) if walks && super::drop::discards(name) => return Ok(SiteStep::General),
                        Some(t) => t,
                        None => return Ok(SiteStep::General),
                    }
                }
            }
        }
    };
    match target {
        Target::Func(f) => {
            if let Some(i) = cx.prog.funcs.get(f as usize).and_then(|p| p.intrinsic) {
                let done = match i {
                    Intrinsic::Forward { .. } if walks => false,
                    Intrinsic::Forward { .. } => forward(fiber, cx, i, nb, ret, nargs, hint)?,
                    _ => inline_call(fiber, cx.prog, i, nb, ret, nargs),
                };
                if done {
                    return Ok(SiteStep::Stored);
                }
            }
            enter(fiber, cx.prog, f, nb, ret, hint, RetKind::Normal, nargs)?;
            Ok(SiteStep::Entered)
        }
        Target::Native(n) => {
            native_into(fiber, cx, n, nb, nargs, hint, ret)?;
            Ok(SiteStep::Stored)
        }
    }
}

/// `CallSite` on `run`'s fast path when the site's cache holds, for the receiver's type id
/// as its tag tells it, a native with a plain twin (`site_twin`: also a native function's
/// site, `String::new`), and the twin does the call: its result is in register `ret` and
/// true; false, nothing done, in every other case (`site_fast` then runs the instruction).
/// What `site_fast` does in that case, without its general entry: such a native never
/// blocks, fails or panics, and never discards elements of its receiver (`drop::discards`,
/// which programs with drop glue snapshot first: a unit test of `builtins::plain` keeps
/// the twins off those natives), so neither the frame's `pc`, the natives' context nor the
/// drop glue are needed.
#[inline(never)]
pub fn site_plain(fiber: &mut Fiber, std: &builtins::StdDefs, info: &CallSiteInfo, nb: usize, ret: usize, nargs: usize) -> bool {
    let Some(plain) = site_twin(info, fiber.stack.get(nb)) else { return false };
    let Some(args) = fiber.stack.get_mut(nb..nb + nargs) else { return false };
    let Some(v) = plain(std, args) else { return false };
    // (As `native_into`: set only by a blocking native's earlier attempt.)
    if fiber.native_state.is_some() {
        fiber.native_state = None;
    }
    if let Some(slot) = fiber.stack.get_mut(ret) {
        put(slot, v);
    }
    true
}

/// The plain twin a site's cache entry holds for receiver `recv` (`None`: the general path):
/// a method's native cached for the receiver's type id, or a native function's (whose cache
/// names it from the start: `initial_cache`). The type id is told by the receiver's tag
/// (`plain_type_id`), except a collection's kind, which the twin checks itself
/// (`registry::PlainFn`): no read of the collection here.
#[inline(always)]
fn site_twin(info: &CallSiteInfo, recv: Option<&Value>) -> Option<builtins::registry::PlainFn> {
    let c = info.cache.load(Ordering::Relaxed);
    if c & NATIVE_BIT == 0 {
        return None;
    }
    match info.kind {
        SiteKind::Method { .. } => {
            let t = ((c >> 32) as u32).wrapping_sub(1);
            let fits = match recv? {
                Value::Str(_) => t == tid::STR,
                Value::Vec(_) | Value::Slice(_) => t == tid::VEC,
                Value::Int(_, ty) => t == tid::int(*ty),
                Value::Coll(_) => matches!(t, tid::HASHMAP | tid::HASHSET | tid::BTREEMAP | tid::BTREESET | tid::VECDEQUE | tid::BINARYHEAP),
                _ => false,
            };
            if !fits {
                return None;
            }
        }
        SiteKind::Native(_) => {}
        SiteKind::Func(_) => return None,
    }
    builtins::registry::registry().defs.get((c & 0xffff_ffff & !NATIVE_BIT) as usize)?.plain
}

/// What a site's cache holds before any call and after the program changed
/// (`Program::clear_caches`): nothing, but for a native function with a plain twin
/// (`String::new`), which the cache names from the start, so that the dispatch loop's
/// `CallSite` runs the twin (`site_plain`) instead of entering `site_fast`.
pub fn initial_cache(kind: &SiteKind) -> u64 {
    match *kind {
        SiteKind::Native(n) if builtins::registry::registry().defs.get(n as usize).is_some_and(|d| d.plain.is_some()) => u64::from(n) | NATIVE_BIT,
        _ => 0,
    }
}

/// `site_plain` with the receiver *borrowed* from register `recv` (outside the window) instead
/// of copied into the window's first register by the `Mov` before the call
/// (`Instr::MovRecv`): the window's first register gets a bitwise copy of the receiver's
/// handle (no count taken) for the twin's run, and `Unit` after it, so that no handle is
/// copied and dropped. The window's old content is dropped first, as the `Mov` would have
/// overwritten it. True with the result in register `ret`; false with the window's first
/// register `Unit` and nothing else done (the `MovRecv` then runs as `Mov`).
#[inline(never)]
pub fn site_plain_recv(fiber: &mut Fiber, std: &builtins::StdDefs, info: &CallSiteInfo, recv: usize, nb: usize, ret: usize, nargs: usize) -> bool {
    let SiteKind::Method { .. } = info.kind else { return false };
    let Some(plain) = site_twin(info, fiber.stack.get(recv)) else { return false };
    let end = nb + nargs;
    if nargs == 0 || end > fiber.stack.len() || (nb..end).contains(&recv) || ret >= fiber.stack.len() {
        return false;
    }
    put(&mut fiber.stack[nb], Value::Unit);
    /// Gives the borrowed copy in the window back (overwrites it with `Unit`, not dropped)
    /// when the twin returns or, should it ever unwind, on the way out.
    struct Lend(*mut Value);
    impl Drop for Lend {
        fn drop(&mut self) {
            // SAFETY: `self.0` points at the window's first register, which holds the
            // bitwise copy `site_plain_recv` wrote (the twin never moves its receiver out:
            // `builtins::plain`), and no reference to it is alive any more; writing `Unit`
            // over it without dropping it gives the copy up, so the handle's count is
            // exactly what it was.
            unsafe { std::ptr::write(self.0, Value::Unit) };
        }
    }
    let stack = fiber.stack.as_mut_ptr();
    // SAFETY: `recv` and `nb` are distinct in-bounds indices (checked above), so the read and
    // the write touch two different initialized registers; the window's register holds
    // `Unit` (nothing is leaked by writing over it). The copy shares the receiver's handle
    // without counting it: `Lend` gives it back before anything else can see the window.
    let lend = unsafe {
        std::ptr::write(stack.add(nb), std::ptr::read(stack.add(recv)));
        Lend(stack.add(nb))
    };
    // SAFETY: `nb..end` is in bounds (checked above) and `stack` is the buffer's pointer; the
    // slice is the only access to those registers until it dies (before `lend`'s drop).
    let r = plain(std, unsafe { std::slice::from_raw_parts_mut(stack.add(nb), nargs) });
    drop(lend);
    let Some(v) = r else { return false };
    // (As `native_into`: set only by a blocking native's earlier attempt.)
    if fiber.native_state.is_some() {
        fiber.native_state = None;
    }
    if let Some(slot) = fiber.stack.get_mut(ret) {
        put(slot, v);
    }
    true
}

/// `call_native` whose result goes straight into register `ret` (the fast `CallSite`): the
/// value is moved once, from the native's result to the register, instead of being handed
/// back through two `Result`s (a 16-byte reload of a value just written in pieces, which
/// stalled the caller). Inlined into its callers (`site_fast` above all: a call less per
/// native method call).
#[inline(always)]
fn native_into(fiber: &mut Fiber, cx: &mut Ctx<'_>, id: u32, start: usize, nargs: usize, hint: u32, ret: usize) -> Result<(), Fault> {
    let end = start + nargs;
    if fiber.stack.len() < end {
        fiber.stack.resize(end, Value::Unit);
    }
    let Some(def) = builtins::registry::registry().defs.get(id as usize) else {
        return Err(Fault::Panic(format!("no native function #{id}")));
    };
    if let Some(plain) = def.plain {
        // The native's common case without its context (`registry::PlainFn`).
        if let Some(v) = plain(&cx.prog.std, &mut fiber.stack[start..end]) {
            if fiber.native_state.is_some() {
                fiber.native_state = None;
            }
            if let Some(slot) = fiber.stack.get_mut(ret) {
                put(slot, v);
            }
            return Ok(());
        }
    }
    let mut ncx = NativeCx {
        stdout: &mut *cx.out,
        std: &cx.prog.std,
        hint: cx.prog.hint(hint),
        args: cx.args,
        host: cx.host,
        waker: cx.waker,
        state: &mut fiber.native_state,
    };
    match (def.f)(&mut ncx, &mut fiber.stack[start..end], def.aux) {
        Ok(v) => {
            // (Almost always `None` already: set only by a blocking native's earlier attempt.)
            if fiber.native_state.is_some() {
                fiber.native_state = None;
            }
            if let Some(slot) = fiber.stack.get_mut(ret) {
                put(slot, v);
            }
            Ok(())
        }
        Err(e) => Err(native_failed(fiber, e)),
    }
}

/// Store `v` in `slot`: over a value that owns nothing (a scalar but `Wide`, a `Tag`, `Moved`)
/// without the out-of-line drop of the old value a plain assignment calls. An old `Some` of
/// a plain value whose last handle this was becomes the thread's spare
/// (`util::keep_spare_some`: the next twin's `Some` is built in it).
#[inline(always)]
fn put(slot: &mut Value, v: Value) {
    let old = std::mem::replace(slot, v);
    match old {
        // Nothing to drop (no handle in these variants): skip the drop glue's call.
        old if crate::value::is_plain(&old) => std::mem::forget(old),
        Value::Adt(h) => {
            if let Err(h) = builtins::util::keep_spare_some(h) {
                drop(h);
            }
        }
        old => drop(old),
    }
}

/// A native's error as the VM's, out of line (`native_into`): the fiber's memory of a
/// blocking call is kept only for `Block`.
#[cold]
#[inline(never)]
fn native_failed(fiber: &mut Fiber, e: NativeError) -> Fault {
    if !matches!(e, NativeError::Block(_)) {
        fiber.native_state = None;
    }
    match native_result(fiber, Err(e)) {
        Err(f) => f,
        Ok(_) => Fault::Panic("internal error: a native error became a value".into()),
    }
}

/// What a method call resolved to.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Func(u32),
    Native(u32),
}

#[cfg(test)]
#[path = "call_native_tests.rs"]
mod native_tests;

#[cfg(test)]
#[path = "call_inline_tests.rs"]
mod inline_tests;
