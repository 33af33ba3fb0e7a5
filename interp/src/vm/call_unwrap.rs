//! `Instr::CallSiteUnwrap`: a method call whose `Result` or `Option` is unwrapped at once
//! (`rx.recv().unwrap()`, `tx.send(v).unwrap()`, and tokio's `rx.recv().await.unwrap()`,
//! `tx.send(v).await.unwrap()`, compiled as `__recv_now`/`__send_now` calls), completed
//! without building the `Result`/`Option` when the method is an `Intrinsic::Forward` to a
//! native that has an `unwrap` twin (in programs that do not walk drops), or a native method
//! with such a twin found through an `Rc`/`Arc` receiver (`lock`/`read`/`write` of an
//! `Arc<Mutex<_>>`, `Arc<RwLock<_>>`, `c.lock().unwrap()`, in every program: the guard goes
//! to the `unwrap`'s destination as the only handle, so the statement's `Release` of that
//! register unlocks).
//!
//! The twin answers the `Ok`/`Some` payload itself (no object allocated, read back by the
//! prelude's `unwrap` and freed at the statement's end), and the `unwrap` call is skipped.
//! Where the native would answer `Err`/`None`, the twin answers `Value::Moved` having
//! changed nothing, and the instruction runs as the plain `CallSite` it is: the native builds
//! the `Err`/`None`, and the `unwrap` after it panics with Rust's message at its own line and
//! column. A twin that blocks leaves the window as it was: the instruction runs again when
//! the fiber is woken (fused again).

use super::bytecode::{CallSiteInfo, FuncProto, Instr, Intrinsic, SiteKind};
use super::call::{cached_derefed_native, cached_target, call_native, native_result, resolve_through_rc, Target};
use crate::builtins::{NativeCx, NativeError};
use super::program::Program;
use super::{Ctx, Fault, Fiber};
use crate::value::Value;
use std::sync::atomic::Ordering;

/// The fused path of the `CallSiteUnwrap { dst, args, nargs, .. }` at `pc` of `proto` (frame
/// base `base`, call site `info`, result-type hint `hint`); the caller saved the frame's `pc`
/// past it, as for any `CallSite`. `Some(next)`: done, the value is in the `unwrap`'s
/// destination and execution goes on at `next`. `None`: nothing was done (not the shape, not
/// a twin, the `Err` case): run the instruction as a `CallSite`.
///
/// The twin gets the forwarding method's field borrowed, read under the receiver object's
/// read lock (held for the call, released before anything else runs), so no handle is cloned
/// into the window; a twin that blocks or answers `Err` leaves the window as it was, so that
/// the call runs again (or as a `CallSite`) unchanged. A receiver behind an `Rc`/`Arc` takes
/// the plain-native twin path of `c.lock().unwrap()` instead.
///
/// `recv`: the absolute register of a receiver the `MovRecv` before the call did not copy
/// into the window (`Instr::MovRecv`). Only the lock-in-`Rc` path reads a receiver borrowed
/// there; any other case answers `None` with nothing done (the `MovRecv` is then a `Mov`).
#[allow(clippy::too_many_arguments)]
pub(super) fn site_unwrap(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    proto: &FuncProto,
    pc: usize,
    base: usize,
    info: &CallSiteInfo,
    hint: u32,
    (dst, args, nargs): (u16, u16, u8),
    recv: Option<usize>,
) -> Result<Option<usize>, Fault> {
    if !matches!(info.kind, SiteKind::Method { .. }) {
        return Ok(None);
    }
    let (upc, moved_to) = match proto.code.get(pc + 1) {
        Some(&(Instr::Mov { dst: w, src } | Instr::MovOut { dst: w, src })) if src == dst => (pc + 2, Some(w)),
        _ => (pc + 1, None),
    };
    let Some(&Instr::CallSite { dst: u, site: us, args: ua, nargs: 1 }) = proto.code.get(upc) else { return Ok(None) };
    if ua != moved_to.unwrap_or(dst) || !is_prelude_unwrap(cx.prog, proto.sites.get(us as usize)) {
        return Ok(None);
    }
    let (nb, nargs, ret) = (base + args as usize, nargs as usize, base + u as usize);
    if nargs == 0 || ret >= fiber.stack.len() || nb + nargs > fiber.stack.len() {
        return Ok(None);
    }
    // The `Rc`/`Arc` receiver taken out of the window, given up with it.
    let mut held = None;
    // An object receiver (a prelude channel end) is the common case: its `Forward` path is
    // tried first, without the `Rc`/`Arc` tests. A borrowed receiver (`recv`) takes only the
    // lock-in-`Rc` path.
    let at = recv.unwrap_or(nb);
    let is_adt = recv.is_none() && matches!(fiber.stack.get(nb), Some(Value::Adt(_)));
    let lock = if is_adt { None } else { lock_in_rc(fiber, info, at, nargs) };
    if recv.is_some() && lock.is_none() {
        return Ok(None);
    }
    let v = if is_adt {
        match forward_twin(fiber, cx, info, nb, nargs, hint) {
            Some(r) => match r {
                Ok(v) => v,
                Err(e) => return native_result(fiber, Err(e)).map(|_| None),
            },
            None => return Ok(None),
        }
    } else if let Some(lock) = lock {
        // `c.lock().unwrap()` on an `Arc<Mutex<_>>` whose site cache holds the lock native:
        // the twin runs on the lock read in place in the receiver (`lock_unwrap_in_rc`).
        let mut ncx = NativeCx {
            stdout: &mut *cx.out,
            std: &cx.prog.std,
            hint: None,
            args: cx.args,
            host: cx.host,
            waker: cx.waker,
            state: &mut fiber.native_state,
        };
        let r = match fiber.stack.get(at) {
            Some(Value::Cell(cell)) => crate::builtins::sync::lock::lock_unwrap_in_rc(&mut ncx, cell, lock),
            _ => Ok(Value::Moved),
        };
        if !matches!(r, Err(NativeError::Block(_))) && fiber.native_state.is_some() {
            fiber.native_state = None;
        }
        match r {
            // The poisoned case, which the plain call builds (its `unwrap` panics).
            Ok(Value::Moved) => return Ok(None),
            Ok(v) => v,
            Err(e) => return native_result(fiber, Err(e)).map(|_| None),
        }
    } else if let (Some(recv @ Value::Cell(_)), SiteKind::Method { sym, name }) = (fiber.stack.get(nb), &info.kind) {
        // A native method found through an `Rc`/`Arc` receiver (`c.lock().unwrap()` on an
        // `Arc<Mutex<_>>`) whose native has an `unwrap` twin (`registry::unwrap_twin`): the
        // twin runs on the content in the window, as the plain call's native would; the
        // receiver, taken out of the window, is given up with it. The `Err` case (`Moved`,
        // the plain call builds it) or a block or panic of the call's own: the window as it
        // was, so that the call runs (again) unchanged.
        let Some((Target::Native(n), inner)) = resolve_through_rc(cx.prog, info, *sym, name, recv) else { return Ok(None) };
        let Some(twin) = crate::builtins::registry::unwrap_twin(n) else { return Ok(None) };
        let Some(slot) = fiber.stack.get_mut(nb) else { return Ok(None) };
        let this = std::mem::replace(slot, inner);
        let r = call_native(fiber, cx, twin, nb, nargs, hint);
        match r {
            Ok(Value::Moved) | Err(_) => {
                if let Some(a) = fiber.stack.get_mut(nb) {
                    *a = this;
                }
                return r.map(|_| None);
            }
            Ok(v) => {
                held = Some(this);
                v
            }
        }
    } else {
        return Ok(None);
    };
    // The window as the method's frame would have left it: `self`'s handle given up, the
    // other arguments' values (a message the twin sent is gone already) too.
    if let Some(window) = fiber.stack.get_mut(nb..nb + nargs) {
        for a in window {
            if !super::dispatch::is_scalar(a) {
                *a = Value::Unit;
            }
        }
    }
    drop(held);
    // The temporaries the skipped `Mov` and `unwrap` would have left dead.
    let mut clear = |r: u16| {
        if let Some(slot) = fiber.stack.get_mut(base + r as usize) {
            if !super::dispatch::is_scalar(slot) {
                *slot = Value::Unit;
            }
        }
    };
    clear(dst);
    let mut next = upc + 1;
    if let Some(w) = moved_to {
        clear(w);
        // The compiler's `LoadUnit` of the moved-from window register (a statement-level
        // `unwrap`): its register holds no value now, so it is done.
        if let Some(&Instr::LoadUnit { dst: l }) = proto.code.get(next) {
            if l == w && l != u {
                if let Some(slot) = fiber.stack.get_mut(base + l as usize) {
                    *slot = Value::Unit;
                }
                next += 1;
            }
        }
    }
    if let Some(slot) = fiber.stack.get_mut(ret) {
        *slot = v;
    }
    Ok(Some(next))
}

/// The `Forward` twin of `site_unwrap` on the object receiver at `nb` (window `nb..nb+nargs`):
/// `None` when it does not apply (drop glue, another type or method, no twin) or where the
/// native would answer `Err`/`None` (the twin's `Moved`: nothing was done); else the twin's
/// answer (a block or a panic of the call's own is the `Err`), `cx.state` cleared as the
/// VM clears it after a native's answer.
#[inline]
fn forward_twin(fiber: &mut Fiber, cx: &mut Ctx<'_>, info: &CallSiteInfo, nb: usize, nargs: usize, hint: u32) -> Option<Result<Value, NativeError>> {
    // With drop glue a `Forward` method is entered (see `call::site_fast`).
    if cx.prog.walks_drops() {
        return None;
    }
    let r = {
        let (head, tail) = fiber.stack.split_at_mut(nb + 1);
        let (Some(Value::Adt(h)), Some(rest)) = (head.last(), tail.get_mut(..nargs - 1)) else { return None };
        let Ok(o) = h.read() else { return None };
        // As `adt_site`: the site's cache, then the method's intrinsic.
        let t = o.def.type_id;
        let c = info.cache.load(Ordering::Relaxed);
        if c == 0 || (c >> 32) as u32 != t.wrapping_add(1) {
            return None;
        }
        let Target::Func(f) = cached_target(c) else { return None };
        let Some(Intrinsic::Forward { type_id, field, copies, hint: own, unwrap, .. }) = cx.prog.funcs.get(f as usize).and_then(|p| p.intrinsic) else {
            return None;
        };
        let this = o.fields.get(field as usize).filter(|_| type_id == t && unwrap != u32::MAX)?;
        // As `call::forward_window`: by-value parameters copied (`copies` bit i: parameter i).
        if copies != 0 {
            for (i, a) in rest.iter_mut().enumerate().take(15) {
                if copies & (2 << i) != 0 && matches!(a, Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) | Value::Func(_)) {
                    *a = super::values::copy_value(a);
                }
            }
        }
        let mut ncx = NativeCx {
            stdout: &mut *cx.out,
            std: &cx.prog.std,
            hint: cx.prog.hint(if own == u32::MAX { hint } else { own }),
            args: cx.args,
            host: cx.host,
            waker: cx.waker,
            state: &mut fiber.native_state,
        };
        crate::builtins::call_twin(unwrap, &mut ncx, this, rest)
    };
    match r {
        Ok(Value::Moved) => {
            // The `Err` case, which the plain call builds.
            fiber.native_state = None;
            None
        }
        Ok(v) => {
            if fiber.native_state.is_some() {
                fiber.native_state = None;
            }
            Some(Ok(v))
        }
        Err(e) => {
            // A block (the frame's `pc` is stepped back by `native_result`: the call runs
            // again) or a panic of the call's own.
            if !matches!(e, NativeError::Block(_)) {
                fiber.native_state = None;
            }
            Some(Err(e))
        }
    }
}

/// The `aux` of the lock twin of the site's native (`lock::lock_twin_aux`) when the receiver
/// at `nb` (in the window, or borrowed where `MovRecv` found it) is an `Rc`/`Arc` cell, the
/// call's only argument, and the site's cache holds a lock native found
/// through it (`lock`, `write`, `read` of a lock, which is no std object: `tid::NATIVE`).
fn lock_in_rc(fiber: &Fiber, info: &CallSiteInfo, nb: usize, nargs: usize) -> Option<u32> {
    if nargs != 1 || !matches!(fiber.stack.get(nb), Some(Value::Cell(_))) {
        return None;
    }
    let n = cached_derefed_native(info.cache.load(Ordering::Relaxed), crate::vm::program::tid::NATIVE)?;
    crate::builtins::sync::lock::lock_twin_aux(n)
}

/// Does the method call site `site` resolve (through its cache) to the prelude's
/// `Result::unwrap` or `Option::unwrap` (`UnwrapVariant` of `Ok` on the std `Result`, of
/// `Some` on the std `Option`)? An empty cache says no: the first call runs unfused and
/// fills it. Which of the two the twin stands for is the native's own business: a native
/// answers one type, and both types' `unwrap` is the prelude's inherent one, which no
/// trait method can hide.
fn is_prelude_unwrap(prog: &Program, site: Option<&CallSiteInfo>) -> bool {
    let Some(site) = site else { return false };
    let c = site.cache.load(Ordering::Relaxed);
    let (rt, ot) = (prog.std.result.type_id, prog.std.option.type_id);
    let t = (c >> 32) as u32;
    let want = if c != 0 && t == rt.wrapping_add(1) {
        (rt, crate::builtins::util::OK)
    } else if c != 0 && t == ot.wrapping_add(1) {
        (ot, crate::builtins::util::SOME)
    } else {
        return false;
    };
    let Target::Func(f) = cached_target(c) else { return false };
    matches!(prog.funcs.get(f as usize).and_then(|p| p.intrinsic),
        Some(Intrinsic::UnwrapVariant { type_id, variant }) if (type_id, variant) == want)
}

#[cfg(test)]
mod tests {
    use crate::session::Outcome;
    use crate::test_support::run_program;

    /// Warm fused sites carry strings and integers both ways; once the channel fails, the
    /// plain path builds the `Err` and the `unwrap` panics (its message and line are checked
    /// against rustc by the golden program `channels/unwrap_fused_errors`).
    #[test]
    fn fused_sends_and_receives_then_the_err_panics() {
        let src = "use std::sync::mpsc;\nfn main() {\n    let (tx, rx) = mpsc::channel::<String>();\n    \
                   for i in 0..5 {\n        tx.send(format!(\"m{i}\")).unwrap();\n    }\n    let mut all = String::new();\n    \
                   for _ in 0..5 {\n        all.push_str(&rx.recv().unwrap());\n    }\n    println!(\"{all}\");\n    \
                   let (t2, r2) = mpsc::sync_channel::<u64>(2);\n    let mut sum = 0;\n    for i in 0..3u64 {\n        \
                   t2.send(i).unwrap();\n        sum += r2.recv().unwrap();\n    }\n    println!(\"{sum}\");\n    drop(tx);\n    \
                   loop {\n        all.push_str(&rx.recv().unwrap());\n    }\n}\n";
        let (out, outcome) = run_program(src);
        assert_eq!(out, "m0m1m2m3m4\n3\n");
        assert!(matches!(outcome, Outcome::Panicked));
    }
}
