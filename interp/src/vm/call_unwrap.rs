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
//!
//! A site whose lock path ran has a lock plan; the dispatch loop's `MovRecv` arm then tries
//! `lock_now` first, the common case of a free `Mutex` with nothing else to check.

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
/// into the window (`Instr::MovRecv`): a lock in an `Rc` (the lock-in-`Rc` path, a call
/// without arguments) or an object (the `Forward` path, on the receiver borrowed there; the
/// other arguments are in the window after its first register, `tx.send(v).await.unwrap()`).
/// Any other case answers `None` with nothing done (the `MovRecv` is then a `Mov`).
///
/// A site whose `Forward` path succeeded remembers it (`CallSiteInfo::fused`: the receiver's
/// type and the forwarding method), so that its later calls on a receiver of that type skip
/// the checks that cannot change for it (the site kind, the `unwrap` method after it, the
/// method's intrinsic and twin): `planned`. A site whose lock-in-`Rc` path succeeded
/// remembers that (`LOCK_PLAN`): `planned_lock`.
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
    // Relaxed: a plan is a fact about the program (`fused`), valid whichever thread wrote it.
    let plan = info.fused.load(Ordering::Relaxed);
    if plan >> 32 == LOCK_PLAN >> 32 {
        if let Some(r) = planned_lock(fiber, cx, proto, pc, base, (dst, args, nargs), recv, plan as u32) {
            return r;
        }
    } else if plan != 0 {
        if let Some(r) = planned(
            fiber,
            cx,
            proto,
            pc,
            base,
            hint,
            (dst, args, nargs),
            recv,
            plan,
        ) {
            return r;
        }
    }
    if !matches!(info.kind, SiteKind::Method { .. }) {
        return Ok(None);
    }
    let Some((upc, moved_to, u)) = shape(proto, pc, dst) else {
        return Ok(None);
    };
    let Some(&Instr::CallSite { site: us, .. }) = proto.code.get(upc) else {
        return Ok(None);
    };
    if !is_prelude_unwrap(cx.prog, proto.sites.get(us as usize)) {
        return Ok(None);
    }
    let (nb, nargs, ret) = (base + args as usize, nargs as usize, base + u as usize);
    if nargs == 0 || ret >= fiber.stack.len() || nb + nargs > fiber.stack.len() {
        return Ok(None);
    }
    // The `Rc`/`Arc` receiver taken out of the window, given up with it.
    let mut held = None;
    // An object receiver (a prelude channel end) is the common case: its `Forward` path is
    // tried first, without the `Rc`/`Arc` tests. A borrowed receiver (`recv`) takes the
    // `Forward` path when it is an object, else only the lock-in-`Rc` path.
    let at = recv.unwrap_or(nb);
    let is_adt = matches!(fiber.stack.get(at), Some(Value::Adt(_)));
    let lock = if is_adt {
        None
    } else {
        lock_in_rc(fiber, info, at, nargs)
    };
    if recv.is_some() && lock.is_none() && !is_adt {
        return Ok(None);
    }
    let v = if is_adt {
        let pick = |prog: &Program, t: u32| forward_of(prog, info, t);
        match forward_twin(fiber, cx, at, nb, nargs, hint, pick) {
            Some((r, key)) => match r {
                Ok(v) => {
                    // Relaxed: see the load above.
                    info.fused.store(key, Ordering::Relaxed);
                    v
                }
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
            Some(Value::Cell(cell)) => {
                crate::builtins::sync::lock::lock_unwrap_in_rc(&mut ncx, cell, lock)
            }
            _ => Ok(Value::Moved),
        };
        if !matches!(r, Err(NativeError::Block(_))) && fiber.native_state.is_some() {
            fiber.native_state = None;
        }
        match r {
            // The poisoned case, which the plain call builds (its `unwrap` panics).
            Ok(Value::Moved) => return Ok(None),
            Ok(v) => {
                // Relaxed: see the load above.
                info.fused.store(LOCK_PLAN | u64::from(lock), Ordering::Relaxed);
                v
            }
            Err(e) => return native_result(fiber, Err(e)).map(|_| None),
        }
    } else if let (Some(recv @ Value::Cell(_)), SiteKind::Method { sym, name }) =
        (fiber.stack.get(nb), &info.kind)
    {
        // A native method found through an `Rc`/`Arc` receiver (`c.lock().unwrap()` on an
        // `Arc<Mutex<_>>`) whose native has an `unwrap` twin (`registry::unwrap_twin`): the
        // twin runs on the content in the window, as the plain call's native would; the
        // receiver, taken out of the window, is given up with it. The `Err` case (`Moved`,
        // the plain call builds it) or a block or panic of the call's own: the window as it
        // was, so that the call runs (again) unchanged.
        let Some((Target::Native(n), inner)) = resolve_through_rc(cx.prog, info, *sym, name, recv)
        else {
            return Ok(None);
        };
        let Some(twin) = crate::builtins::registry::unwrap_twin(n) else {
            return Ok(None);
        };
        let Some(slot) = fiber.stack.get_mut(nb) else {
            return Ok(None);
        };
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
    Ok(Some(finish(
        fiber,
        proto,
        base,
        nb,
        nargs,
        (dst, moved_to, upc, ret),
        v,
        held,
    )))
}

/// The plan (`CallSiteInfo::fused`) of a site whose lock-in-`Rc` path ran: this tag in the
/// high half (no receiver type id + 1 reaches it), the lock twin's `aux` in the low half.
const LOCK_PLAN: u64 = 0xffff_ffff << 32;

/// `site_unwrap` at a site with a lock plan (`LOCK_PLAN | aux`: `c.lock().unwrap()` ran
/// fused there): the lock-in-`Rc` path without the checks the plan stands for (the site
/// kind, the prelude `unwrap` after it, the site cache's lock native and its twin's `aux`,
/// which the method's name fixes). The receiver is checked by the twin itself: a cell that
/// holds no lock (or a poisoned one) answers `Moved`, and the call runs as a `CallSite`.
/// `None`, nothing done, when the code or the receiver register has not the shape:
/// `site_unwrap` goes on with its checks.
#[allow(clippy::too_many_arguments)]
#[inline]
fn planned_lock(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    proto: &FuncProto,
    pc: usize,
    base: usize,
    (dst, args, nargs): (u16, u16, u8),
    recv: Option<usize>,
    aux: u32,
) -> Option<Result<Option<usize>, Fault>> {
    let (upc, moved_to, u) = shape(proto, pc, dst)?;
    let (nb, ret) = (base + args as usize, base + u as usize);
    if nargs != 1 || ret >= fiber.stack.len() || nb >= fiber.stack.len() {
        return None;
    }
    let at = recv.unwrap_or(nb);
    let mut ncx = NativeCx { stdout: &mut *cx.out, std: &cx.prog.std, hint: None, args: cx.args, host: cx.host, waker: cx.waker, state: &mut fiber.native_state };
    let r = match fiber.stack.get(at) {
        Some(Value::Cell(cell)) => crate::builtins::sync::lock::lock_unwrap_in_rc(&mut ncx, cell, aux),
        _ => return None,
    };
    if !matches!(r, Err(NativeError::Block(_))) && fiber.native_state.is_some() {
        fiber.native_state = None;
    }
    Some(match r {
        // No lock in the cell, or a poisoned one: the plain call (its `unwrap` panics).
        Ok(Value::Moved) => Ok(None),
        Ok(v) => Ok(Some(finish(fiber, proto, base, nb, 1, (dst, moved_to, upc, ret), v, None))),
        Err(e) => native_result(fiber, Err(e)).map(|_| None),
    })
}

/// The common case of a site with a lock plan, before `site_unwrap` (the dispatch loop's
/// `MovRecv` arm): the `CallSiteUnwrap` at `pc` (destination `dst`, window `args`) whose
/// receiver is the `Rc`/`Arc` cell borrowed in the absolute register `recv`, on a `Mutex`
/// that is free and not poisoned (`lock::lock_mutex_in_rc`): the guard goes to the
/// `unwrap`'s destination as `finish` leaves it, and the pc to go on at is returned; when the
/// statement is `*c.lock().unwrap() += imm;` (`add_statement`), the add is done under the lock
/// and no guard is made at all, and the pc returned is the statement's `ReleaseTemps`. No
/// native context, no site or plan arguments, no waker: `None`, nothing done, for anything
/// else (a busy or poisoned lock, another receiver, a registration pending from a blocked
/// attempt, the code not of the shape): the caller goes on to `site_unwrap`.
#[inline(never)]
pub(super) fn lock_now(fiber: &mut Fiber, proto: &FuncProto, pc: usize, base: usize, recv: usize, (dst, args): (u16, u16)) -> Option<usize> {
    use crate::builtins::sync::lock::{self, Locked};
    if fiber.native_state.is_some() {
        return None;
    }
    let (upc, moved_to, u) = shape(proto, pc, dst)?;
    // Every register written below, checked once: the window, the call's destination, the
    // `Mov`'s window register, the `unwrap`'s destination (`finish`'s, for one argument).
    let w = moved_to.unwrap_or(dst);
    let mut next = upc + 1;
    if moved_to.is_some() && matches!(proto.code.get(next), Some(&Instr::LoadUnit { dst: l }) if l == w && l != u) {
        // The compiler's `LoadUnit` of the moved-from window register: done below.
        next += 1;
    }
    let add = add_statement(proto, next, u);
    let top = args.max(dst).max(w).max(u).max(add.map_or(0, |(d, _)| d));
    if base + top as usize >= fiber.stack.len() {
        return None;
    }
    let r = match fiber.stack.get(recv) {
        Some(Value::Cell(cell)) => lock::lock_mutex_in_rc(cell, add.map(|(_, imm)| imm)),
        _ => return None,
    };
    let (guard, next) = match r {
        Locked::Not => return None,
        Locked::Guard(v) => (Some(v), next),
        // The whole statement is done: its add, and the guard's release (no guard was made).
        Locked::Added => (None, next + 3),
    };
    let regs = fiber.stack.get_mut(base..=base + top as usize)?;
    let clear = |slot: &mut Value| {
        if !super::dispatch::is_scalar(slot) {
            *slot = Value::Unit;
        }
    };
    // As `finish`: the window's receiver (borrowed, so no handle of it is there), the
    // skipped instructions' temporaries, the moved-from window register.
    clear(regs.get_mut(args as usize)?);
    clear(regs.get_mut(dst as usize)?);
    if moved_to.is_some() {
        clear(regs.get_mut(w as usize)?);
    }
    let slot = regs.get_mut(u as usize)?;
    match guard {
        Some(v) if is_unit(slot) => {
            // Nothing to drop: the write is a plain store (no call of the drop glue).
            std::mem::forget(std::mem::replace(slot, v));
        }
        Some(v) => *slot = v,
        None => {
            // As the statement leaves them: the guard's register released, the add's
            // destination cleared (the dispatch loop's `DerefAddI`).
            clear(slot);
            if let Some((d, _)) = add {
                clear(regs.get_mut(d as usize)?);
            }
        }
    }
    Some(next)
}

#[inline(always)]
fn is_unit(v: &Value) -> bool {
    matches!(v, Value::Unit)
}

/// `*c.lock().unwrap() += imm;`: when the code at `next` (after the `unwrap` whose destination
/// is `u`) is the integer add in place on the guard (`DerefAddI`, `AddI`, `StoreDeref`, as the
/// dispatch loop fuses them) and then the `ReleaseTemps` whose range holds `u` (the statement's
/// end: the guard's release), `(the DerefAddI's destination, imm)`.
fn add_statement(proto: &FuncProto, next: usize, u: u16) -> Option<(u16, i64)> {
    let (Some(&Instr::DerefAddI { dst: d, src: g }), Some(&Instr::AddI { imm, .. }), Some(&Instr::StoreDeref { dst: s, .. }), Some(&Instr::ReleaseTemps { lo, hi })) =
        (proto.code.get(next), proto.code.get(next + 1), proto.code.get(next + 2), proto.code.get(next + 3))
    else {
        return None;
    };
    (g == u && s == u && (lo..hi).contains(&u)).then_some((d, imm as i64))
}

/// Whether `plan` (a site's `CallSiteInfo::fused`) is a lock plan (`lock_now` applies).
#[inline(always)]
pub(super) fn is_lock_plan(plan: u64) -> bool {
    plan >> 32 == LOCK_PLAN >> 32
}

/// Where the `unwrap` after the `CallSiteUnwrap` at `pc` (destination `dst`) is: `(its pc,
/// the window register of the `Mov`/`MovOut` before it if any, its destination)`; `None` when
/// the code has not that shape. A `MovRecv` there (the peephole pass marks the receiver `Mov`
/// of any method `CallSite`) is that `Mov`: missing it sent every fused `c.lock().unwrap()`
/// down the general path (2.3x the instructions per increment of mutex_contention).
#[inline]
fn shape(proto: &FuncProto, pc: usize, dst: u16) -> Option<(usize, Option<u16>, u16)> {
    let (upc, moved_to) = match proto.code.get(pc + 1) {
        Some(&(Instr::Mov { dst: w, src } | Instr::MovOut { dst: w, src } | Instr::MovRecv { dst: w, src })) if src == dst => {
            (pc + 2, Some(w))
        }
        _ => (pc + 1, None),
    };
    match proto.code.get(upc) {
        Some(&Instr::CallSite {
            dst: u,
            args: ua,
            nargs: 1,
            ..
        }) if ua == moved_to.unwrap_or(dst) => Some((upc, moved_to, u)),
        _ => None,
    }
}

/// `site_unwrap` at a site with a plan (`CallSiteInfo::fused`: `(receiver type id + 1) << 32
/// | forwarding function`): the `Forward` path without the checks the plan stands for,
/// when the receiver is an object of the plan's type (`None`, nothing done, for any other
/// receiver: `site_unwrap` goes on with its checks).
#[allow(clippy::too_many_arguments)]
#[inline]
fn planned(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    proto: &FuncProto,
    pc: usize,
    base: usize,
    hint: u32,
    (dst, args, nargs): (u16, u16, u8),
    recv: Option<usize>,
    plan: u64,
) -> Option<Result<Option<usize>, Fault>> {
    let (upc, moved_to, u) = shape(proto, pc, dst)?;
    let (nb, nargs, ret) = (base + args as usize, nargs as usize, base + u as usize);
    if nargs == 0 || ret >= fiber.stack.len() || nb + nargs > fiber.stack.len() {
        return None;
    }
    let pick = |prog: &Program, t: u32| {
        if (plan >> 32) as u32 != t.wrapping_add(1) {
            return None;
        }
        let f = plan as u32;
        match prog.funcs.get(f as usize).and_then(|p| p.intrinsic) {
            Some(Intrinsic::Forward {
                field,
                copies,
                hint,
                unwrap,
                ..
            }) => Some((
                f,
                Twin {
                    field,
                    copies,
                    hint,
                    unwrap,
                },
            )),
            _ => None,
        }
    };
    let (r, _) = forward_twin(fiber, cx, recv.unwrap_or(nb), nb, nargs, hint, pick)?;
    Some(match r {
        Ok(v) => Ok(Some(finish(
            fiber,
            proto,
            base,
            nb,
            nargs,
            (dst, moved_to, upc, ret),
            v,
            None,
        ))),
        Err(e) => native_result(fiber, Err(e)).map(|_| None),
    })
}

/// The end of a fused call whose twin answered `v`: the window as the method's frame would
/// have left it, the skipped instructions' temporaries dead, `v` in the `unwrap`'s
/// destination `ret`; the pc to go on at.
#[allow(clippy::too_many_arguments)]
#[inline]
fn finish(
    fiber: &mut Fiber,
    proto: &FuncProto,
    base: usize,
    nb: usize,
    nargs: usize,
    (dst, moved_to, upc, ret): (u16, Option<u16>, usize, usize),
    v: Value,
    held: Option<Value>,
) -> usize {
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
            if l == w && base + l as usize != ret {
                if let Some(slot) = fiber.stack.get_mut(base + l as usize) {
                    set(slot, Value::Unit);
                }
                next += 1;
            }
        }
    }
    if let Some(slot) = fiber.stack.get_mut(ret) {
        set(slot, v);
    }
    next
}

/// `*slot = v`, without the (out of line) drop of the old value when that value owns
/// nothing: a scalar other than a `Wide` (whose digits are shared), a `Tag`, `Moved`.
#[inline(always)]
fn set(slot: &mut Value, v: Value) {
    if matches!(slot, Value::Unit | Value::Int(..) | Value::Float(..) | Value::Bool(_) | Value::Char(_) | Value::Tag(..) | Value::Moved) {
        // Nothing to drop: forgetting the old value loses nothing.
        std::mem::forget(std::mem::replace(slot, v));
    } else {
        *slot = v;
    }
}

/// What a `Forward` method's twin call needs (`Intrinsic::Forward`'s fields).
#[derive(Clone, Copy)]
struct Twin {
    field: u16,
    copies: u16,
    hint: u32,
    unwrap: u32,
}

/// The `Forward` method with a twin that the site's cache holds for receiver type `t`:
/// `(function, twin)`.
#[inline]
fn forward_of(prog: &Program, info: &CallSiteInfo, t: u32) -> Option<(u32, Twin)> {
    // As `adt_site`: the site's cache, then the method's intrinsic.
    let c = info.cache.load(Ordering::Relaxed);
    if c == 0 || (c >> 32) as u32 != t.wrapping_add(1) {
        return None;
    }
    let Target::Func(f) = cached_target(c) else {
        return None;
    };
    match prog.funcs.get(f as usize).and_then(|p| p.intrinsic) {
        Some(Intrinsic::Forward {
            type_id,
            field,
            copies,
            hint,
            unwrap,
            ..
        }) if type_id == t && unwrap != u32::MAX => Some((
            f,
            Twin {
                field,
                copies,
                hint,
                unwrap,
            },
        )),
        _ => None,
    }
}

/// The `Forward` twin of `site_unwrap` on the object receiver at `at` (the first register of
/// the window `nb..nb+nargs`, or a register outside it, borrowed where `MovRecv` found it:
/// the window's first register then holds nothing of the call's), the
/// twin chosen by `pick` from the receiver's type id: `None` when it does not apply (drop
/// glue, another type or method, no twin) or where the native would answer `Err`/`None`
/// (the twin's `Moved`: nothing was done); else the twin's answer (a block or a panic of the
/// call's own is the `Err`), `cx.state` cleared as the VM clears it after a native's answer,
/// and the plan that stands for this path (`CallSiteInfo::fused`).
#[inline]
fn forward_twin(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    at: usize,
    nb: usize,
    nargs: usize,
    hint: u32,
    pick: impl FnOnce(&Program, u32) -> Option<(u32, Twin)>,
) -> Option<(Result<Value, NativeError>, u64)> {
    // With drop glue a `Forward` method is entered (see `call::site_fast`).
    if cx.prog.walks_drops() {
        return None;
    }
    // The receiver's register and the call's other arguments (`rest`): the window's
    // registers after the receiver's, which is the window's first one or a register outside
    // the window borrowed where `MovRecv` found it (not copied into the window).
    let (h, rest): (&mut Value, &mut [Value]) = if at == nb {
        let (head, tail) = fiber.stack.split_at_mut(nb + 1);
        (head.last_mut()?, tail.get_mut(..nargs - 1)?)
    } else if at < nb {
        let (head, tail) = fiber.stack.split_at_mut(nb);
        (head.get_mut(at)?, tail.get_mut(1..nargs)?)
    } else if at >= nb + nargs {
        let (head, tail) = fiber.stack.split_at_mut(at);
        (tail.first_mut()?, head.get_mut(nb + 1..nb + nargs)?)
    } else {
        return None;
    };
    let Value::Adt(h) = h else { return None };
    let (r, key) = {
        // The receiver's object is read without its lock word when the register holds its
        // only handle (`Heap::read_held`: a channel end owned by the task that awaits on
        // it); a shared one's under its read lock, held for the call.
        let Ok(o) = h.read_held() else { return None };
        let t = o.def.type_id;
        let (f, tw) = pick(cx.prog, t)?;
        let this = o.fields.get(tw.field as usize)?;
        // As `call::forward_window`: by-value parameters copied (`copies` bit i: parameter i).
        if tw.copies != 0 {
            for (i, a) in rest.iter_mut().enumerate().take(15) {
                if tw.copies & (2 << i) != 0
                    && matches!(
                        a,
                        Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) | Value::Func(_)
                    )
                {
                    *a = super::values::copy_value(a);
                }
            }
        }
        let mut ncx = NativeCx {
            stdout: &mut *cx.out,
            std: &cx.prog.std,
            hint: cx
                .prog
                .hint(if tw.hint == u32::MAX { hint } else { tw.hint }),
            args: cx.args,
            host: cx.host,
            waker: cx.waker,
            state: &mut fiber.native_state,
        };
        (
            crate::builtins::call_twin(tw.unwrap, &mut ncx, this, rest),
            (u64::from(t.wrapping_add(1)) << 32) | u64::from(f),
        )
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
            Some((Ok(v), key))
        }
        Err(e) => {
            // A block (the frame's `pc` is stepped back by `native_result`: the call runs
            // again) or a panic of the call's own.
            if !matches!(e, NativeError::Block(_)) {
                fiber.native_state = None;
            }
            Some((Err(e), key))
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

    /// The `unwrap` after a fused call is found whether the `Mov` of its window is a plain
    /// `Mov` or one the peephole pass marked `MovRecv` (it marks the receiver `Mov` of every
    /// method `CallSite`): `c.lock().unwrap()` compiles to the latter.
    #[test]
    fn shape_sees_through_a_marked_receiver_mov() {
        use crate::vm::bytecode::{CallSiteInfo, FuncProto, Instr, SiteKind};
        let mut p = FuncProto::new("f".into(), crate::diag::Source::new("t.rs", ""));
        p.sites.push(CallSiteInfo { kind: SiteKind::Method { sym: 0, name: "unwrap".into() }, hint: 0, cache: Default::default(), fused: Default::default() });
        for mov in [Instr::Mov { dst: 9, src: 7 }, Instr::MovRecv { dst: 9, src: 7 }, Instr::MovOut { dst: 9, src: 7 }] {
            p.code = vec![Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 1 }, mov, Instr::CallSite { dst: 6, site: 0, args: 9, nargs: 1 }];
            assert_eq!(super::shape(&p, 0, 7), Some((2, Some(9), 6)), "{mov:?}");
        }
        p.code = vec![Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 1 }, Instr::CallSite { dst: 6, site: 0, args: 7, nargs: 1 }];
        assert_eq!(super::shape(&p, 0, 7), Some((1, None, 6)));
    }
}
