//! The interpreter loop.
//!
//! `run` executes the fiber's top frames until the frame marked `RetKind::Stop` (the bottom
//! frame of this run) returns. TERAS calls push frames and continue the loop: no Rust
//! recursion. The only nested runs are user `Display`/`Debug` impls reached from formatting
//! (see `format.rs`), bounded in depth. User `Drop` impls are pushed frames too: the drop
//! instructions (`Drop`, `DropTemps`, and `Ret` in programs with drop glue) re-execute after
//! each one until their pending work is done (see `drop.rs`).
//!
//! Hot paths: the `pc` and the current function's code slice live in locals; integer ops of
//! one type are done inline; compare-and-branch and `for` over ranges are single
//! instructions.

use super::bytecode::{BinKind, Ctor, FuncProto, Instr, SiteKind};
use super::call::{self, Target};
use super::call_inplace;
use super::fiber::{Fiber, Frame, RetKind, MAX_FRAMES};
use super::ops::{self, BinOutcome};
use super::program::type_id_of;
use super::{place, values, Ctx, Fault};
use crate::heap::Heap;
use crate::value::{AdtObj, Callable, DefRef, FloatTy, Place, Value, VecObj};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Defines `reg!` (shared) and `reg_mut!` (exclusive): register `$r` of the running frame,
/// `$fiber.stack[$base + $r]`, without a bounds check (the borrow checker still sees the
/// borrows). `$r` is a register operand of an instruction of the running function (a `u16`).
/// `slow_step` invokes it, with the SAFETY argument for its accesses beside the invocation
/// (`run` defines its own `reg!`, through a raw pointer to the frame's registers). `$d` is `$` (a macro that defines a macro needs it passed in).
/// Debug builds check every access against the stack's length.
macro_rules! register_access {
    ($d:tt, $fiber:ident, $base:ident) => {
        macro_rules! reg {
            ($d r:expr) => {
                // SAFETY: in bounds, as the comment at the invocation says.
                *unsafe {
                    debug_assert!($base + ($d r as usize) < $fiber.stack.len(), "register outside the sealed frame");
                    $fiber.stack.get_unchecked($base + $d r as usize)
                }
            };
        }
        macro_rules! reg_mut {
            ($d r:expr) => {
                // SAFETY: in bounds, as the comment at the invocation says.
                *unsafe {
                    debug_assert!($base + ($d r as usize) < $fiber.stack.len(), "register outside the sealed frame");
                    $fiber.stack.get_unchecked_mut($base + $d r as usize)
                }
            };
        }
    };
}

/// `*$slot = $v` for the inner loop's writes of values that may be heap values: an old value
/// that owns something (a handle, a `Wide`) is dropped out of line first (`clear`), then `$v`
/// is built right in the place, its parts stored straight from machine registers.
/// (`reg_mut!(r) = v` called `drop_in_place` for every write; a value built first and then
/// moved in was assembled in memory by narrower stores and copied by one 16-byte load, which
/// waited for those stores: a store-forwarding stall on every write.) `$v` is evaluated after
/// the old value is dropped, and must not read the register `$slot` is.
macro_rules! put {
    ($slot:expr, $v:expr) => {{
        let slot: &mut Value = $slot;
        if !matches!(slot, Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Float(..) | Value::Char(_) | Value::Tag(..) | Value::Moved) {
            clear(slot);
        }
        // SAFETY: `slot` is a valid place for a `Value`, and its value owns nothing now (a
        // plain one, or the `Unit` `clear` left): overwriting it without dropping it leaks
        // nothing.
        unsafe { std::ptr::write(slot, $v) }
    }};
}

/// Run until the bottom (`Stop`) frame returns; its value.
///
/// The inner loop executes the hot instructions on their fast paths (integer and f64
/// arithmetic into registers that hold scalars, compare-and-branch, jumps, `for` steps, and
/// the `Call`/`Ret` of a TERAS function that switch frames in place) and calls nothing: every
/// other instruction, and every case its fast path does not cover, goes to `slow_step`. With
/// no call in the loop the compiler keeps `pc`, `base` and the code pointer in machine
/// registers.
pub fn run(fiber: &mut Fiber, cx: &mut Ctx<'_>) -> Result<Value, Fault> {
    let prog = cx.prog;
    // (Fixed for the program: read once, not at every return.)
    let walks = prog.walks_drops();
    // (Also fixed: the `Option` whose `Some` of an object `MakeAdt` holds inline, or null.)
    let some_def = inline_some(prog);
    // (The run's interrupt flag: the reference is fixed for the run, read once.)
    let interrupt: &std::sync::atomic::AtomicBool = cx.interrupt;
    'frames: loop {
        // The top frame is the running one. Only its function, base and pc are kept in locals
        // (the `Ret` fast path and `slow_step` read the rest from `fiber.frames`: a copy of
        // the whole `Frame` kept live across the loop cost a spill per instruction).
        let Some(&frame) = fiber.frames.last() else {
            return Ok(Value::Unit);
        };
        let Some(mut proto) = prog.funcs.get(frame.func as usize).map(|p| &**p) else {
            return Err(Fault::Panic("internal error: bad function".into()));
        };
        let mut code: &[Instr] = &proto.code;
        let mut base = frame.base as usize;
        let mut pc = frame.pc as usize;
        // `clean`: no register of the running frame holds a heap value (its fast `Ret` then
        // releases nothing). True only for a frame the fast `Call` entered with scalar
        // arguments, until a fast path writes a value that may be a heap value (each such
        // write sets it to false) or `slow_step` runs (anything may happen there). A frame
        // entered any other way starts as not clean. Registers above a running frame's span
        // hold no heap values (every return releases its frame's registers unless the frame
        // was clean, whose registers held none), so a callee's registers that are not its
        // arguments hold none either, or else belong to the caller's span (the caller is not
        // clean then, and releases them itself).
        let mut clean = false;
        // The frame's registers exist: `reg!` below relies on it (see its SAFETY comment).
        let span = base + proto.frame_span.max(proto.num_regs) as usize;
        if fiber.stack.len() < span {
            fiber.stack.resize(span, Value::Unit);
        }
        // Registers are accessed without bounds checks (`reg!` below), relying on
        // `base + r < fiber.stack.len()` for every register operand `r` of `proto.code`:
        // - every register operand of `proto.code` is below `proto.frame_span` (`seal`
        //   computes it over all instructions with the exhaustive `Instr::reg_bound`; an
        //   unsealed function's span is 2^16, above any `u16`);
        // - on entering this iteration of `'frames` the stack was grown to
        //   `base + frame_span` (just above); the `Call` fast path, which switches to the
        //   callee's frame without leaving the inner loop, and the `Ret` fast path, which
        //   switches back to the caller's, check the same bound before they switch (the
        //   `Ret` fast path knows it without a check when the caller runs the same function
        //   at a base no higher than the returning frame's, whose bound held);
        // - nothing shrinks `fiber.stack` during a run: it only grows (`resize` in
        //   `call::enter`, `set_reg`, natives' argument windows, nested runs of formatting).
        //   The only shrinking operations are `Fiber::clear`, never called during a run, and
        //   the `remove` in `call::call_callable` that undoes its own `insert` of a bound
        //   receiver. `slow_step` reports a change of the top frame (`Step::Frames`) and the
        //   loop then starts over at the top of `'frames`, so `base` and `proto` always
        //   describe the frame whose registers were grown.
        // The running frame's registers, `&fiber.stack[base]` as a raw pointer kept in a
        // local across the loop (`reg!`/`reg_mut!` read and write through it: no reload of
        // the stack's buffer and `base` per access). Recomputed whenever `base` changes (the
        // `Call` and `Ret` fast paths) and after anything that may grow, and so move, the
        // register stack (`call::site_fast`, `slow_step`); nothing else in the inner loop
        // resizes `fiber.stack`. (A pointer from `as_mut_ptr`, which accesses through
        // `fiber.stack`'s own methods do not invalidate.)
        let mut regs: *mut Value = fiber.stack.as_mut_ptr().wrapping_add(base);
        // `reg!(r)` (shared) and `reg_mut!(r)` (exclusive): register `r` of the running frame
        // through `regs`. `r` is a register operand of an instruction of `proto.code` (a
        // `u16`). Debug builds check every access against the stack's length.
        // SAFETY: `regs` points at `fiber.stack[base]` of the current buffer (it is
        // recomputed whenever `base` changes or the buffer may have moved, see above), and
        // `base + r < fiber.stack.len()` as argued above, so `regs + r` is an initialized
        // element of the buffer. The references made are as short-lived as the borrows of
        // `fiber.stack` that `get_unchecked` made before (the same expressions, which the
        // borrow checker accepted with those borrows); no `&mut` to a register is alive
        // across another access to the same register.
        macro_rules! reg {
            ($r:expr) => {
                *unsafe {
                    debug_assert!(base + ($r as usize) < fiber.stack.len(), "register outside the sealed frame");
                    debug_assert!(std::ptr::eq(regs, fiber.stack.as_ptr().wrapping_add(base)), "stale register window");
                    &*regs.add($r as usize)
                }
            };
        }
        macro_rules! reg_mut {
            ($r:expr) => {
                *unsafe {
                    debug_assert!(base + ($r as usize) < fiber.stack.len(), "register outside the sealed frame");
                    debug_assert!(std::ptr::eq(regs, fiber.stack.as_ptr().wrapping_add(base)), "stale register window");
                    &mut *regs.add($r as usize)
                }
            };
        }
        // After a fast `Ret` popped the frame: continue the caller (the new top frame) in place,
        // or start `'frames` over when its registers do not all exist yet (the bound `reg!`
        // relies on) or there is no caller left.
        macro_rules! resume_caller {
            ($frames:lifetime, $clean:expr) => {{
                let Some(&top) = fiber.frames.last() else { continue $frames };
                let Some(p) = prog.funcs.get(top.func as usize) else { continue $frames };
                if top.base as usize + p.frame_span.max(p.num_regs) as usize > fiber.stack.len() {
                    continue $frames;
                }
                proto = &**p;
                code = &p.code;
                base = top.base as usize;
                regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                pc = top.pc as usize;
                clean = top.clean && $clean;
                continue;
            }};
        }
        // Write an integer (an f64) into register `$r` and go on with the next instruction.
        // `put_int` drops a heap value the register still holds (as `slow_step`'s `set_int`
        // does); `put_f64` does nothing then (the caller falls through to `slow_step`,
        // which drops the old value). A register that already holds
        // an integer is updated field by field (no 16-byte store of a freshly built value,
        // which would stall store forwarding). Overwriting a scalar needs no drop: the old
        // value is forgotten, which keeps the loop free of calls.
        // (A register holding any other value is written out of line, `overwrite`: the
        // test of the common case is then one compare of the tag.)
        macro_rules! put_int {
            ($r:expr, $v:expr, $t:expr) => {{
                let (v, t) = ($v, $t);
                let slot = &mut reg_mut!($r);
                if let Value::Int(x, xt) = slot {
                    *x = v;
                    *xt = t;
                } else {
                    // Another scalar, or a heap value left by an earlier use of the
                    // register (a reused temporary): dropped as `slow_step`'s `set_int`
                    // drops it.
                    overwrite(slot, Value::Int(v, t));
                }
                pc += 1;
                continue;
            }};
        }
        macro_rules! put_f64 {
            ($r:expr, $v:expr) => {{
                let v = $v;
                let slot = &mut reg_mut!($r);
                if let Value::Float(x, xt) = slot {
                    *x = v;
                    *xt = FloatTy::F64;
                    pc += 1;
                    continue;
                }
                if overwrite_scalar(slot, Value::Float(v, FloatTy::F64)) {
                    pc += 1;
                    continue;
                }
            }};
        }
        // Take the branch (or not) and go on.
        macro_rules! branch_unless {
            ($holds:expr, $target:expr) => {{
                pc = if $holds { pc + 1 } else { $target as usize };
                continue;
            }};
        }
        // The check at calls and backward jumps, on the fast path: no interrupt, and the time
        // slice (an async task's, the deterministic scheduler's) is not used up; true takes
        // one step of the slice, exactly as `slow_step`'s `attention!` would (the fast path
        // then runs the instruction, so the two never both count it; a `CallSite` that
        // `slow_step` runs after all gives its step back: `unquiet!`). Otherwise `slow_step`
        // runs the instruction and yields there.
        macro_rules! quiet {
            () => {
                !interrupt.load(Ordering::Relaxed)
                    && match &mut cx.slice {
                        None => true,
                        Some(left) if *left > 0 => {
                            *left -= 1;
                            true
                        }
                        Some(_) => false,
                    }
            };
        }
        macro_rules! unquiet {
            () => {
                if let Some(left) = &mut cx.slice {
                    *left += 1;
                }
            };
        }

        // The fast path of `Call { dst, func, args }` at `$at`: switch to the callee's frame in
        // place (what `call::enter` does, for a function whose registers already exist and
        // whose `self` needs no copy; the frame stack has room) and go on there; otherwise
        // fall through (`slow_step` runs the call at `pc`).
        macro_rules! call_fast {
            ($dst:expr, $func:expr, $args:expr, $nargs:expr, $at:expr, $scalar_args:expr) => {{
                let (dst, func, args, nargs, at, scalar_args) = ($dst, $func, $args, $nargs, $at, $scalar_args);
                let n = fiber.frames.len();
                // The running frame (the caller): a running frame is the top one.
                if let Some(top) = fiber.frames.last() {
                    // A call of the running function (a recursion): the callee is `proto`,
                    // found without a look-up, and `proto`/`code` stay as they are.
                    let recur = top.func == func as u32;
                    let callee: Option<&FuncProto> = if recur { Some(proto) } else { prog.funcs.get(func as usize).map(|p| &**p) };
                    if let Some(callee) = callee {
                        let nb = base + args as usize;
                        let need = nb + callee.frame_span.max(callee.num_regs) as usize;
                        if !callee.self_by_value && n < MAX_FRAMES && n < fiber.frames.capacity() && need <= fiber.stack.len() && quiet!() {
                            if let Some(f) = fiber.frames.last_mut() {
                                f.pc = at as u32 + 1;
                                f.clean = clean;
                            }
                            // The callee is clean when its arguments are scalars (see `clean`):
                            // known by the caller of the macro (`scalar_args`), or looked at.
                            // (`args` is a register operand of the call: `reg!` may read it.)
                            clean = scalar_args
                                || match nargs {
                                    0 => true,
                                    1 => is_scalar(&reg!(args)),
                                    _ => fiber.stack.get(nb..nb + nargs as usize).is_some_and(|a| a.iter().all(is_scalar)),
                                };
                            // (`recur`: the caller runs the same function at a base no higher,
                            // `base <= nb`: what the `Ret` fast path needs to stay in place.)
                            let f = Frame { func: func as u32, pc: 0, base: nb as u32, ret: (base + dst as usize) as u32, hint: 0, kind: RetKind::Normal, clean: false, recur, owns: false };
                            debug_assert!(n == fiber.frames.len() && n < fiber.frames.capacity());
                            // SAFETY: `n` is the length and `n < capacity` (checked above; the
                            // frame stack did not change since, `last_mut` wrote in place): slot
                            // `n` is spare capacity, written before the length covers it. (A push
                            // without `Vec::push`'s growth check and path.)
                            unsafe {
                                fiber.frames.as_mut_ptr().add(n).write(f);
                                fiber.frames.set_len(n + 1);
                            }
                            if !recur {
                                proto = callee;
                                code = &callee.code;
                            }
                            base = nb;
                            regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                            pc = 0;
                            continue;
                        }
                    }
                }
            }};
        }

        // The fast path of `Ret`/`RetDup` (`$ins`) of register `$src`: a return to a TERAS
        // caller in a program without drop glue, or with drop glue when nothing dies with
        // the frame (`frame_trivial`), which is what `slow_step` does then: the frame's
        // registers that hold heap values are released, the result goes to the caller's
        // register (an integer field by field, when that register holds one: no 16-byte reload
        // of a register just written field by field), and the caller continues in place.
        // Other returns with drop glue go to `slow_step` (`drop_frame`); otherwise falls through.
        macro_rules! ret_fast {
            ($ins:expr, $src:expr) => {
                ret_fast!($ins, $src, false)
            };
            // `$objects`: the object case below is compiled in (the `Ret` arm only: in the
            // fused returns of integer recursions it only made their code longer).
            ($ins:expr, $src:expr, $objects:expr) => {{
                let (ins, src) = ($ins, $src);
                // The returning frame, when it has a caller: where its result goes, and
                // whether that caller runs the same function at a base no higher than this
                // frame's (`Frame::recur`, set by the fast `Call` of a recursion: `proto` and
                // `code` stay, and its registers exist, since the same span from a base no
                // lower exists: the bound `reg!` relies on). The caller's own fields are read
                // only once the frame is popped.
                let (ret, kind, same) = match fiber.frames.as_slice() {
                    [.., _, f] => (f.ret as usize, f.kind, f.recur),
                    _ => (usize::MAX, RetKind::Stop, false),
                };
                // Continue that caller (the top frame once this one is popped) in place
                // (`resume_caller!` finds any other caller).
                macro_rules! resume_same {
                    ($clean:expr) => {
                        if same {
                            if let Some(c) = fiber.frames.last() {
                                base = c.base as usize;
                                pc = c.pc as usize;
                                clean = c.clean && $clean;
                                regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                                continue;
                            }
                        }
                    };
                }
                if kind == RetKind::Normal && ret < fiber.stack.len() && (!walks || frame_trivial(fiber, clean, base, proto.num_regs, src)) {
                    // Release the frame's heap values (after the result was taken).
                    macro_rules! release_frame {
                        () => {
                            // (`Frame` is `Copy`: shortening the vector is the pop.)
                            fiber.frames.truncate(fiber.frames.len() - 1);
                            // (`is_scalar` is one compare of the tag; a `Wide` left in a
                            // dead register is dropped when the register is written.
                            // A clean frame holds no heap value: nothing to release.)
                            if !clean {
                                let hi = base + proto.num_regs as usize;
                                debug_assert!(hi <= fiber.stack.len(), "frame outside the register stack");
                                // SAFETY: `base + num_regs <= base + max(frame_span, num_regs)
                                // <= fiber.stack.len()`: the bound `reg!` relies on (see its
                                // SAFETY comment), which holds for the running frame.
                                let rs = unsafe { fiber.stack.get_unchecked_mut(base..hi) };
                                for r in rs {
                                    if !is_scalar(r) {
                                        *r = Value::Unit;
                                    }
                                }
                            }
                        };
                    }
                    if let Value::Int(x, t) = reg!(src) {
                        // (Stored before the release, so that the bound check of `ret` above
                        // serves: the release drops no value whose drop can be observed, as
                        // there is no drop glue or the frame is trivial.)
                        if let Some(slot) = fiber.stack.get_mut(ret) {
                            if let Value::Int(sx, st) = slot {
                                *sx = x;
                                *st = t;
                            } else {
                                *slot = Value::Int(x, t);
                            }
                        }
                        release_frame!();
                        resume_same!(true);
                        resume_caller!('frames, true);
                    } else {
                        // A `Ret` of an object (a constructor's result): its handle moves
                        // by itself and is written into the caller's register by its parts
                        // (`put!`), never as one 16-byte block, which would wait for the
                        // narrower stores that just wrote the register (`MakeAdt`).
                        if let (true, Instr::Ret { .. }, Value::Adt(h)) = ($objects, ins, &reg!(src)) {
                            // SAFETY: the handle is read out of the register, which is
                            // overwritten at once without being dropped: it is owned once.
                            let h = unsafe { std::ptr::read(h) };
                            let r = &mut reg_mut!(src);
                            // SAFETY: a valid place, whose value moved out above.
                            unsafe { std::ptr::write(r, Value::Unit) };
                            release_frame!();
                            if let Some(slot) = fiber.stack.get_mut(ret) {
                                put!(slot, Value::Adt(h));
                            }
                            resume_same!(false);
                            resume_caller!('frames, false);
                        }
                        // (`RetDup` of a string shares its handle, and the frame's
                        // release drops the register's: the handle moves instead.)
                        let v = match ins {
                            Instr::RetDup { .. } => values::copy_or_take_str(&mut reg_mut!(src)),
                            _ => std::mem::take(&mut reg_mut!(src)),
                        };
                        release_frame!();
                        let scalar = is_scalar(&v);
                        if let Some(slot) = fiber.stack.get_mut(ret) {
                            *slot = v;
                        }
                        resume_same!(scalar);
                        resume_caller!('frames, scalar);
                    }
                }
            }};
        }

        loop {
            if let Some(ins) = code.get(pc) {
                match *ins {
                    Instr::LoadInt { dst, ty, v } => put_int!(dst, v as i64, ty),
                    Instr::LoadConst { dst, k } => match proto.consts.get(k as usize) {
                        Some(Value::Float(f, FloatTy::F64)) => put_f64!(dst, *f),
                        Some(Value::Int(x, t)) => put_int!(dst, *x, *t),
                        // Any other constant (a char, a string literal's shared handle, ...):
                        // a copy of it, as `slow_step` writes.
                        Some(c) => {
                            let scalar = is_scalar(c);
                            reg_mut!(dst) = c.clone();
                            clean &= scalar;
                            pc += 1;
                            continue;
                        }
                        None => {}
                    },
                    Instr::Neg { dst, a } => {
                        if let Value::Float(x, FloatTy::F64) = reg!(a) {
                            put_f64!(dst, -x);
                        }
                    }
                    Instr::DerefAddI { dst, src } => {
                        // `Deref`, `AddI`, `StoreDeref` at once on an integer field (see
                        // `Instr::DerefAddI`); anything else: `slow_step` runs it as `Deref`.
                        if let Some(&Instr::AddI { imm, .. }) = code.get(pc + 1) {
                            if add_in_field(&reg!(src), imm as i64) {
                                reg_mut!(dst) = Value::Unit;
                                pc += 3;
                                continue;
                            }
                        }
                    }
                    Instr::MovRecv { dst, src } => {
                        // The receiver of a `CallSite` after it whose site's cache holds a
                        // native with a plain twin: the twin runs on the receiver borrowed
                        // in `R[src]` (`call::site_plain_recv`: no handle copied into the
                        // window and dropped later) and both instructions are done; not in
                        // a program that walks drops (which counts the handles registers
                        // hold).
                        if let Some(&Instr::CallSite { dst: cd, site, args, nargs }) = code.get(pc + 1) {
                            if let Some(info) = proto.sites.get(site as usize) {
                                let c = info.cache.load(Ordering::Relaxed);
                                if args == dst && !walks && c & call::NATIVE_BIT != 0 && quiet!() {
                                    // `s.push_str(t)` of two strings: the twin's body without
                                    // the twin's call (`call_inplace::push_str_recv`).
                                    if c == call_inplace::str_push_str_word() && nargs == 2 && call_inplace::push_str_recv(fiber, base + src as usize, base + args as usize, base + cd as usize) {
                                        clean = false;
                                        pc += 2;
                                        continue;
                                    }
                                    if call::site_plain_recv(fiber, &prog.std, info, base + src as usize, base + args as usize, base + cd as usize, nargs as usize) {
                                        clean = false;
                                        pc += 2;
                                        continue;
                                    }
                                    unquiet!();
                                }
                            }
                        }
                        // The receiver of the fused `CallSiteUnwrap` after it, borrowed in
                        // place: as that instruction's arm does, with the
                        // frame's `pc` saved at the call, so that a lock that blocks steps it
                        // back to this instruction (the call runs again, `MovRecv` first).
                        // Anything else: exactly `Mov`.
                        if let Some(&Instr::CallSiteUnwrap { dst: cd, site, args, nargs }) = code.get(pc + 1) {
                            if args == dst && matches!(reg!(src), Value::Cell(_) | Value::Adt(_)) && quiet!() {
                                if let Some(info) = proto.sites.get(site as usize) {
                                    // A lock site's common case first (`lock_now`: a free
                                    // mutex in an `Arc`, no fault possible, the register stack
                                    // not grown); it changes nothing when it does not apply.
                                    // Relaxed: a plan is a fact about the program.
                                    if nargs == 1 && super::call_unwrap::is_lock_plan(info.fused.load(Ordering::Relaxed)) {
                                        if let Some(next) = super::call_unwrap::lock_now(fiber, proto, pc + 1, base, base + src as usize, (cd, args)) {
                                            clean = false;
                                            pc = next;
                                            continue;
                                        }
                                    }
                                    if let Some(f) = fiber.frames.last_mut() {
                                        f.pc = pc as u32 + 1;
                                        let hint = if info.hint == u32::MAX { f.hint } else { info.hint };
                                        let recv = Some(base + src as usize);
                                        if let Some(next) = super::call_unwrap::site_unwrap(fiber, cx, proto, pc + 1, base, info, hint, (cd, args, nargs), recv)? {
                                            // (The call may have grown the register stack.)
                                            regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                                            clean = false;
                                            pc = next;
                                            continue;
                                        }
                                    }
                                }
                                unquiet!();
                            }
                        }
                        if let Value::Int(x, t) = reg!(src) {
                            put_int!(dst, x, t);
                        }
                        if src != dst {
                            reg_mut!(dst) = reg!(src).clone();
                            clean = false;
                            pc += 1;
                            continue;
                        }
                    }
                    Instr::Mov { dst, src }
                    | Instr::MovOut { dst, src }
                    | Instr::Take { dst, src }
                    | Instr::Dup { dst, src }
                    | Instr::Deref { dst, src } => {
                        // (`*r` of a shared reference to an integer is the integer.)
                        if let Value::Int(x, t) = reg!(src) {
                            put_int!(dst, x, t);
                        }
                        // `*r` of a reference to an object's field holding an integer (a
                        // `MutexGuard<i32>`, `&mut s.n`): the integer, as `slow_step`'s
                        // `place::read_ref` reads it. A borrow conflict, a field holding
                        // anything else: `slow_step`.
                        if let Instr::Deref { .. } = *ins {
                            if let Some((x, t)) = int_in_field(&reg!(src)) {
                                put_int!(dst, x, t);
                            }
                        }
                        // Heap values, as `slow_step` does: `Mov` shares the handle, `MovOut`
                        // moves it; `Dup` and `Take` of a string (never Copy, so never
                        // copied) share / move it. Other `Dup`/`Take`s (Copy aggregates,
                        // closures owning captures, `Moved`) go to `slow_step`.
                        // `Dup r, r` of a string (after a place read): nothing to copy.
                        if src == dst && matches!(*ins, Instr::Dup { .. }) && matches!(reg!(src), Value::Str(_)) {
                            pc += 1;
                            continue;
                        }
                        if src != dst && !matches!(reg!(src), Value::Moved) {
                            let v = match *ins {
                                Instr::Mov { .. } => Some(reg!(src).clone()),
                                Instr::MovOut { .. } => Some(std::mem::take(&mut reg_mut!(src))),
                                Instr::Dup { .. } if matches!(reg!(src), Value::Str(_)) => Some(reg!(src).clone()),
                                Instr::Take { .. } if matches!(reg!(src), Value::Str(_)) => {
                                    Some(std::mem::replace(&mut reg_mut!(src), Value::Moved))
                                }
                                _ => None,
                            };
                            if let Some(v) = v {
                                reg_mut!(dst) = v;
                                clean = false;
                                pc += 1;
                                continue;
                            }
                        }
                    }
                    Instr::Peek { dst, src } => {
                        // `*r` of anything but a reference or a cell is the value itself,
                        // shared (as `slow_step`'s `Peek`); references and cells go there.
                        if let Value::Int(x, t) = reg!(src) {
                            put_int!(dst, x, t);
                        }
                        if !matches!(reg!(src), Value::Ref(_) | Value::Cell(_)) {
                            let v = reg!(src).clone();
                            clean &= is_scalar(&v);
                            reg_mut!(dst) = v;
                            pc += 1;
                            continue;
                        }
                    }
                    Instr::StoreDeref { dst, src } => {
                        // `*r = n` of an integer into an object's field that holds an
                        // integer (through a `MutexGuard<i32>`, a `&mut s.n`), as
                        // `slow_step` does it (`place::write_ref`; the source register is
                        // left empty). Anything else, a borrow conflict: `slow_step`.
                        if let Value::Int(x, t) = reg!(src) {
                            if store_int_in_field(&reg!(dst), x, t) {
                                std::mem::forget(std::mem::take(&mut reg_mut!(src)));
                                pc += 1;
                                continue;
                            }
                        }
                    }
                    // The statement-end instructions of a program with drop glue, when there
                    // is nothing to do (exactly what `slow_step` would do then: nothing, or
                    // a scalar overwritten): `LoadUnit` over a scalar, `Release` (of a
                    // guard, `Value::Ref`: released out of line), `DropTemps` with no drop
                    // work pending of registers that all hold trivial values
                    // (`drop::trivial`: scalars, strings, ranges: `drop::sweep` leaves them
                    // in place), or of any registers when drops are not walked (cleared in
                    // place as sweep clears them: `temps_done`).
                    // A heap value to give back, a guard, a droppable temporary: `slow_step`.
                    Instr::LoadUnit { dst } if is_scalar(&reg!(dst)) => {
                        reg_mut!(dst) = Value::Unit;
                        pc += 1;
                        continue;
                    }
                    Instr::Release { reg } => {
                        // A guard (`Value::Ref`) is released and cleared, as `slow_step` does
                        // (out of line); anything else is left alone.
                        if let Value::Ref(_) = reg!(reg) {
                            release_ref(&mut reg_mut!(reg));
                        }
                        pc += 1;
                        continue;
                    }
                    Instr::Drop { reg } if fiber.drops.is_empty() && matches!(reg!(reg), Value::Int(..) | Value::Float(..) | Value::Bool(_) | Value::Char(_) | Value::Unit) => {
                        // As `slow_step` drops a scalar (`drop::trivial`) while no drop work
                        // is pending: the register is emptied.
                        reg_mut!(reg) = Value::Unit;
                        pc += 1;
                        continue;
                    }
                    Instr::ReleaseTemps { lo, hi } if release_temps(prog, walks, fiber, base + lo as usize, base + hi as usize) => {
                        pc += 1;
                        continue;
                    }
                    Instr::DropTemps { lo, hi } if fiber.drops.is_empty() && temps_done(prog, walks, fiber.stack.get_mut(base + lo as usize..base + hi as usize)) => {
                        pc += 1;
                        continue;
                    }
                    Instr::IterNext { dst, iter, target } if fiber.resume.is_none() => {
                        // The next item of a native iterator (`Value::Iter`), as
                        // `iter::next` gives it to `slow_step`; a user iterator (whose `next`
                        // is a TERAS call), the return of such a call (`fiber.resume`) and a
                        // borrowed iterator go there.
                        if let Value::Iter(h) = &reg!(iter) {
                            let step = match h.write() {
                                Ok(mut g) => Some(crate::builtins::iter::step(&mut g, false)),
                                Err(_) => None,
                            };
                            match step {
                                Some(Ok(Some(x))) => {
                                    reg_mut!(dst) = x;
                                    clean = false;
                                    pc += 1;
                                    continue;
                                }
                                Some(Ok(None)) => {
                                    pc = target as usize;
                                    continue;
                                }
                                // The iterator moved already: report its error here
                                // (`slow_step` would step it again), as `slow_step` does.
                                Some(Err(e)) => {
                                    if let Some(f) = fiber.frames.last_mut() {
                                        f.pc = pc as u32 + 1;
                                    }
                                    return Err(Fault::Panic(match e {
                                        crate::builtins::NativeError::Panic(m) => m,
                                        _ => "internal error: exit in next".into(),
                                    }));
                                }
                                None => {}
                            }
                        }
                    }
                    Instr::Add { dst, a, b } => match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = add_fast(*x, *y, t) {
                                put_int!(dst, r, t);
                            }
                        }
                        (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) => put_f64!(dst, *x + *y),
                        _ => {}
                    },
                    Instr::Sub { dst, a, b } => match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = sub_fast(*x, *y, t) {
                                put_int!(dst, r, t);
                            }
                        }
                        (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) => put_f64!(dst, *x - *y),
                        _ => {}
                    },
                    Instr::Bin { op, dst, a, b } => match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = arith_fast(op, *x, *y, t) {
                                put_int!(dst, r, t);
                            }
                        }
                        (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) => {
                            let (x, y) = (*x, *y);
                            match op {
                                BinKind::Add => put_f64!(dst, x + y),
                                BinKind::Sub => put_f64!(dst, x - y),
                                BinKind::Mul => put_f64!(dst, x * y),
                                BinKind::Div => put_f64!(dst, x / y),
                                _ => {}
                            }
                        }
                        _ => {}
                    },
                    Instr::BinK { op, dst, a, k } => match (&reg!(a), proto.consts.get(k as usize)) {
                        (Value::Float(x, FloatTy::F64), Some(Value::Float(y, FloatTy::F64))) => {
                            let (x, y) = (*x, *y);
                            match op {
                                BinKind::Add => put_f64!(dst, x + y),
                                BinKind::Sub => put_f64!(dst, x - y),
                                BinKind::Mul => put_f64!(dst, x * y),
                                BinKind::Div => put_f64!(dst, x / y),
                                _ => {}
                            }
                        }
                        (Value::Int(x, tx), Some(Value::Int(y, ty))) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = arith_fast(op, *x, *y, t) {
                                put_int!(dst, r, t);
                            }
                        }
                        _ => {}
                    },
                    Instr::KBin { op, dst, b, k } => match (proto.consts.get(k as usize), &reg!(b)) {
                        (Some(Value::Float(x, FloatTy::F64)), Value::Float(y, FloatTy::F64)) => {
                            let (x, y) = (*x, *y);
                            match op {
                                BinKind::Add => put_f64!(dst, x + y),
                                BinKind::Sub => put_f64!(dst, x - y),
                                BinKind::Mul => put_f64!(dst, x * y),
                                BinKind::Div => put_f64!(dst, x / y),
                                _ => {}
                            }
                        }
                        (Some(Value::Int(x, tx)), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = arith_fast(op, *x, *y, t) {
                                put_int!(dst, r, t);
                            }
                        }
                        _ => {}
                    },
                    Instr::AddI { dst, a, imm } => {
                        if let Value::Int(x, t) = reg!(a) {
                            if let Some(r) = add_fast(x, imm as i64, t) {
                                put_int!(dst, r, t);
                            }
                        }
                    }
                    Instr::SubI { dst, a, imm } => {
                        if let Value::Int(x, t) = reg!(a) {
                            if let Some(r) = sub_fast(x, imm as i64, t) {
                                put_int!(dst, r, t);
                            }
                        }
                    }
                    Instr::BinI { op, dst, a, imm } => {
                        if let Value::Int(x, t) = reg!(a) {
                            if let Some(r) = arith_fast(op, x, imm as i64, t) {
                                put_int!(dst, r, t);
                            }
                        }
                    }
                    Instr::Cast { dst, src, to: crate::vm::bytecode::CastTo::Float(FloatTy::F64) } => {
                        if let Value::Int(x, t) = reg!(src) {
                            let f = if matches!(t, crate::value::IntTy::U64 | crate::value::IntTy::Usize) { x as u64 as f64 } else { x as f64 };
                            put_f64!(dst, f);
                        }
                    }
                    Instr::Jump { target } => {
                        pc = target as usize;
                        continue;
                    }
                    Instr::Loop { target } => {
                        if quiet!() {
                            pc = target as usize;
                            continue;
                        }
                    }
                    Instr::JumpIf { cond, target } => {
                        if let Value::Bool(b) = reg!(cond) {
                            branch_unless!(!b, target);
                        }
                    }
                    Instr::JumpIfNot { cond, target } => {
                        if let Value::Bool(b) = reg!(cond) {
                            branch_unless!(b, target);
                        }
                    }
                    Instr::JumpIfNotLtI { a, imm, target } => {
                        if let Value::Int(x, t) = reg!(a) {
                            branch_unless!(!(!t.signed() && x < 0 || x >= imm as i64), target);
                        }
                    }
                    Instr::JumpIfNotI { op, a, imm, target } => {
                        if let Value::Int(x, t) = reg!(a) {
                            branch_unless!(ops::fast_cmp(op, x, imm as i64, t), target);
                        }
                    }
                    Instr::JumpIfNot2 { op, a, b, target } => {
                        if let (Value::Int(x, tx), Value::Int(y, ty)) = (&reg!(a), &reg!(b)) {
                            if tx == ty {
                                branch_unless!(ops::fast_cmp(op, *x, *y, *tx), target);
                            }
                        }
                    }
                    Instr::JumpIfNotK { op, a, k, target } => {
                        if let (Value::Int(x, tx), Some(Value::Int(y, ty))) = (&reg!(a), proto.consts.get(k as usize)) {
                            if tx == ty {
                                branch_unless!(ops::fast_cmp(op, *x, *y, *tx), target);
                            }
                        }
                    }
                    Instr::ForStep { ctr, end, target, inclusive } => {
                        if let (Value::Int(c, t), Value::Int(e, _)) = (&reg!(ctr), &reg!(end)) {
                            let (c, e, t) = (*c, *e, *t);
                            let next = c.wrapping_add(1);
                            let more = if inclusive { c != e } else { ops::fast_cmp(BinKind::Lt, next, e, t) };
                            if !more {
                                pc += 1;
                                continue;
                            }
                            if quiet!() {
                                if let Value::Int(x, _) = &mut reg_mut!(ctr) {
                                    *x = next;
                                }
                                pc = target as usize;
                                continue;
                            }
                        }
                    }
                    Instr::Call { dst, func, args, nargs } => call_fast!(dst, func, args, nargs, pc, false),
                    Instr::SubICall { dst, a, imm } => {
                        // `SubI`, then the `Call` after it in the same dispatch (see
                        // `Instr::SubICall`). When the subtraction cannot be done here,
                        // `slow_step` does it as a `SubI`; when the call cannot, it runs next.
                        if let Value::Int(x, t) = reg!(a) {
                            if let Some(r) = sub_fast(x, imm as i64, t) {
                                if write_int_over_scalar(&mut reg_mut!(dst), r, t) {
                                    pc += 1;
                                    let sub_dst = dst;
                                    if let Some(&Instr::Call { dst, func, args, nargs }) = code.get(pc) {
                                        // The one argument is the integer just written.
                                        call_fast!(dst, func, args, nargs, pc, nargs == 1 && args == sub_dst);
                                    }
                                    continue;
                                }
                            }
                        }
                    }
                    Instr::CallSite { dst, site, args, nargs } | Instr::CallSiteUnwrap { dst, site, args, nargs } => {
                        // Natives, compiled functions and methods found through the site's
                        // cache (`call::site_fast`, which leaves the calls that need drop
                        // glue to `slow_step`); with an interrupt or a time slice used up,
                        // `slow_step` does it.
                        if quiet!() {
                            // A native with a plain twin found through the site's cache
                            // (`call::site_plain`: it cannot fail, block or panic, so the
                            // frame's `pc` need not be saved).
                            if let (Instr::CallSite { .. }, Some(info)) = (*ins, proto.sites.get(site as usize)) {
                                if info.cache.load(Ordering::Relaxed) & call::NATIVE_BIT != 0
                                    && call::site_plain(fiber, &prog.std, info, base + args as usize, base + dst as usize, nargs as usize)
                                {
                                    clean = false;
                                    pc += 1;
                                    continue;
                                }
                            }
                            if let (Some(info), Some(f)) = (proto.sites.get(site as usize), fiber.frames.last_mut()) {
                                // As `slow_step`'s `save_pc!` (a native that blocks steps it
                                // back to this instruction; a panic reports this line).
                                f.pc = pc as u32 + 1;
                                let hint = if info.hint == u32::MAX { f.hint } else { info.hint };
                                if let Instr::CallSiteUnwrap { .. } = *ins {
                                    // Fused with the `.unwrap()` after it (`call_unwrap.rs`).
                                    if let Some(next) = super::call_unwrap::site_unwrap(fiber, cx, proto, pc, base, info, hint, (dst, args, nargs), None)? {
                                        // (The call may have grown the register stack.)
                                        regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                                        clean = false;
                                        pc = next;
                                        continue;
                                    }
                                }
                                match call::site_fast(fiber, cx, info, base + args as usize, base + dst as usize, nargs as usize, hint)? {
                                    call::SiteStep::Stored => {
                                        // (The call may have grown the register stack.)
                                        regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                                        clean = false;
                                        pc += 1;
                                        continue;
                                    }
                                    call::SiteStep::Entered => continue 'frames,
                                    call::SiteStep::General => {}
                                }
                            }
                            // `slow_step` runs it and counts its step.
                            unquiet!();
                        }
                    }
                    Instr::Format { dst, fmt, args } => {
                        // A `format!` of strings and integers under plain `{}`, rendered
                        // from the registers (`format::format_fast`, which cannot fail);
                        // any other, and a borrow conflict to report: `slow_step`.
                        if let Some(v) = proto.formats.get(fmt as usize).and_then(|tpl| super::format::format_fast(&fiber.stack, tpl, base + args as usize)) {
                            reg_mut!(dst) = v;
                            clean = false;
                            pc += 1;
                            continue;
                        }
                    }
                    Instr::Index { dst, obj, idx } => {
                        // `s.push_str(v[i])`: the `Index` writes the argument register of
                        // a `push_str` site right after it (a `Dup r, r` between, of a
                        // `&str`, changes nothing), whose receiver a `MovRecv` lends: the
                        // element is appended where it is (`call_inplace::push_str_elem`), the
                        // temporary keeps its old value (nothing reads it), and the four
                        // instructions are done. Not in a program that walks drops (which
                        // counts the handles registers hold).
                        if !walks {
                            let k = match code.get(pc + 1) {
                                Some(&Instr::Dup { dst: d, src }) if d == dst && src == dst => 2,
                                _ => 1,
                            };
                            if let (Some(&Instr::MovRecv { dst: w, src: r }), Some(&Instr::CallSite { dst: cd, site, args, nargs: 2 })) = (code.get(pc + k), code.get(pc + k + 1)) {
                                if args == w && w as usize + 1 == dst as usize && proto.sites.get(site as usize).is_some_and(|i| i.cache.load(Ordering::Relaxed) == call_inplace::str_push_str_word()) && quiet!() {
                                    if call_inplace::push_str_elem(fiber, base + obj as usize, base + idx as usize, base + r as usize, base + w as usize, base + cd as usize) {
                                        clean = false;
                                        pc += k + 2;
                                        continue;
                                    }
                                    unquiet!();
                                }
                            }
                        }
                        // An element of a vector or array by an in-range index (as
                        // `slow_step`'s fast case; errors and everything else go there).
                        if let Some(v) = super::access::index_in_range(&reg!(obj), &reg!(idx)) {
                            reg_mut!(dst) = v;
                            clean = false;
                            // `Dup r, r` of a string after it (a `&str` element read by
                            // value) does nothing: done in the same dispatch.
                            pc += match code.get(pc + 1) {
                                Some(&Instr::Dup { dst: d, src }) if d == dst && src == dst && matches!(reg!(dst), Value::Str(_)) => 2,
                                _ => 1,
                            };
                            continue;
                        }
                    }
                    Instr::Ret { src } | Instr::RetDup { src } => ret_fast!(*ins, src, true),
                    Instr::JumpIfNotLtIRet { a, imm, target } => {
                        // `JumpIfNotLtI`; when it does not jump, the return after it in the
                        // same dispatch (see `Instr::JumpIfNotLtIRet`).
                        if let Value::Int(x, t) = reg!(a) {
                            if !t.signed() && x < 0 || x >= imm as i64 {
                                pc = target as usize;
                                continue;
                            }
                            pc += 1;
                            if let Some(&next @ (Instr::Ret { src } | Instr::RetDup { src })) = code.get(pc) {
                                ret_fast!(next, src);
                            }
                            continue;
                        }
                    }
                    Instr::AddRet { dst, a, b } => {
                        // `Add` of two integers, then the return after it in the same
                        // dispatch (see `Instr::AddRet`). Anything else: `slow_step` does it
                        // as an `Add`, and the return runs next.
                        if let (Value::Int(x, tx), Value::Int(y, ty)) = (&reg!(a), &reg!(b)) {
                            if tx == ty {
                                let t = *tx;
                                if let Some(r) = add_fast(*x, *y, t) {
                                    if write_int_over_scalar(&mut reg_mut!(dst), r, t) {
                                        pc += 1;
                                        if let Some(&next @ (Instr::Ret { src } | Instr::RetDup { src })) = code.get(pc) {
                                            ret_fast!(next, src);
                                        }
                                        continue;
                                    }
                                }
                            }
                        }
                    }
                    // Structs and enums: building one, reading a field or an element, testing
                    // the variant (everything but a plain object in the register, and a field
                    // site whose cache does not know the type yet, goes to `slow_step`).
                    Instr::MakeAdt { dst, start, ctor } => {
                        if let Some(&Ctor { variant, nfields, def: Some(def), .. }) = proto.ctors.get(ctor as usize) {
                            // A field-less variant of an enum is an inline `Tag` (see
                            // `inline_tag`), anything else an object.
                            if inline_tag(prog, &def, nfields) {
                                reg_mut!(dst) = Value::Tag(def, variant);
                                pc += 1;
                                continue;
                            }
                            // `Some` of an object of a non-`Copy` type: the object's handle held
                            // inline (`Value::SomeObj`, see `inline_some`).
                            if nfields == 1 && std::ptr::eq(&*def, some_def) && variant == crate::value::SOME_VARIANT {
                                if let Value::Adt(h) = &reg!(start) {
                                    if h.peek(|o| !o.def.is_copy) == Some(true) {
                                        // (The handle moves by itself, see `put!`.)
                                        // SAFETY: read out of the register, which is
                                        // overwritten at once without being dropped.
                                        let h = unsafe { std::ptr::read(h) };
                                        let r = &mut reg_mut!(start);
                                        // SAFETY: a valid place, whose value moved out.
                                        unsafe { std::ptr::write(r, Value::Unit) };
                                        put!(&mut reg_mut!(dst), Value::SomeObj(h));
                                        clean = false;
                                        pc += 1;
                                        continue;
                                    }
                                }
                            }
                            let fields = values::take_fields(&mut fiber.stack, base + start as usize, nfields as usize);
                            reg_mut!(dst) = Value::Adt(Heap::new(AdtObj { def, variant, fields }));
                            clean = false;
                            pc += 1;
                            continue;
                        }
                    }
                    Instr::GetField { dst, obj, name } => {
                        if let Value::Adt(h) = &reg!(obj) {
                            let got = match h.read() {
                                Ok(o) => super::access::cached_field(proto, &o, name).and_then(|i| o.fields.get(i).cloned()),
                                Err(_) => None,
                            };
                            if let Some(v) = got {
                                reg_mut!(dst) = v;
                                clean = false;
                                pc += 1;
                                continue;
                            }
                        }
                    }
                    Instr::GetElem { dst, obj, idx } => {
                        let got = match &reg!(obj) {
                            Value::Adt(h) => h.read().ok().and_then(|o| o.fields.get(idx as usize).cloned()),
                            // (The payload of an inline `Some`.)
                            Value::SomeObj(h) if idx == 0 => Some(Value::Adt(h.clone())),
                            Value::Tuple(h) => h.read().ok().and_then(|o| o.get(idx as usize).cloned()),
                            _ => None,
                        };
                        if let Some(v) = got {
                            reg_mut!(dst) = v;
                            clean = false;
                            pc += 1;
                            continue;
                        }
                    }
                    // A place that holds neither an inline `Tag` nor a `Ref`: nothing to do.
                    Instr::PromoteTag { a, mode: 0, .. } if !matches!(reg!(a), Value::Tag(..) | Value::SomeObj(_) | Value::Ref(_)) => {
                        pc += 1;
                        continue;
                    }
                    Instr::TestVariant { a, variant, target } => match &reg!(a) {
                        Value::Tag(_, v) => branch_unless!(*v == variant as u32, target),
                        Value::SomeObj(_) => branch_unless!(variant as u32 == crate::value::SOME_VARIANT, target),
                        Value::Adt(h) => {
                            if let Ok(o) = h.read() {
                                let holds = o.variant == variant as u32;
                                drop(o);
                                branch_unless!(holds, target);
                            }
                        }
                        _ => {}
                    },
                    // Every other instruction, and the cases of those above that their
                    // guards leave: `slow_step`. Listed by name rather than `_` so that the
                    // match is exhaustive: its jump table then covers every opcode and the
                    // dispatch needs no range check of the opcode (and a new instruction is a
                    // decision to make here).
                    Instr::Nop
                    | Instr::LoadUnit { .. }
                    | Instr::LoadBool { .. }
                    | Instr::CloneVal { .. }
                    | Instr::Not { .. }
                    | Instr::Cast { .. }
                    | Instr::ForPrep { .. }
                    | Instr::IterInit { .. }
                    | Instr::IterNext { .. }
                    | Instr::CallValue { .. }
                    | Instr::CallOnce { .. }
                    | Instr::RetUnit
                    | Instr::MakeTuple { .. }
                    | Instr::MakeArray { .. }
                    | Instr::MakeVec { .. }
                    | Instr::MakeRepeat { .. }
                    | Instr::MakeClosure { .. }
                    | Instr::LoadHint { .. }
                    | Instr::SetHint { .. }
                    | Instr::MakeRange { .. }
                    | Instr::SetField { .. }
                    | Instr::SetElem { .. }
                    | Instr::SetIndex { .. }
                    | Instr::RefField { .. }
                    | Instr::RefElem { .. }
                    | Instr::RefIndex { .. }
                    | Instr::BoxLocal { .. }
                    | Instr::GetGlobal { .. }
                    | Instr::TakeGlobal { .. }
                    | Instr::SetGlobal { .. }
                    | Instr::RefGlobal { .. }
                    | Instr::PromoteTag { .. }
                    | Instr::TestConst { .. }
                    | Instr::TestLen { .. }
                    | Instr::GetElemEnd { .. }
                    | Instr::SliceRest { .. }
                    | Instr::Try { .. }
                    | Instr::Print { .. }
                    | Instr::Panic { .. }
                    | Instr::Drop { .. }
                    | Instr::DropTemps { .. }
                    | Instr::ReleaseTemps { .. }
                    | Instr::Convert { .. }
                    | Instr::Error { .. }
                    | Instr::ParamCall { .. }
                    // (Its fast path is `slow_step`'s first step, out of this loop: here it
                    // made the compiler keep less of the loop's state in registers, which
                    // every dispatch paid for.)
                    | Instr::GetFieldMatch { .. } => {}
                }
            }
            let Some(&frame) = fiber.frames.last() else { continue 'frames };
            // `pc` goes by value both ways: passing its address would keep it in memory for
            // the whole loop (a store and a reload per instruction).
            match slow_step(fiber, cx, frame, proto, base, pc)? {
                Step::Next(next) => {
                    pc = next;
                    clean = false;
                    // (The instruction may have grown the register stack.)
                    regs = fiber.stack.as_mut_ptr().wrapping_add(base);
                }
                Step::Frames => continue 'frames,
                Step::Done(v) => return Ok(v),
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Tests only: how many instructions `slow_step` ran on this thread (the unit tests of
    /// the inner loop's fast paths check that an instruction never gets there).
    pub(super) static SLOW_STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// What `slow_step` did.
enum Step {
    /// The instruction ran; the same frame continues at this `pc`.
    Next(usize),
    /// The top frame changed (a call pushed one, a return popped one, drop glue...): continue
    /// with whatever frame is on top now.
    Frames,
    /// The bottom (`Stop`) frame returned this value.
    Done(Value),
}

/// Execute the one instruction at `pc_in` of the top frame (`frame`, running `proto` with
/// its registers at `base`, which `run` made sure exist): every instruction and every case
/// that `run`'s inner loop does not handle itself. Kept out of line so that the inner loop,
/// which calls nothing else, keeps its state in machine registers.
#[inline(never)]
fn slow_step(fiber: &mut Fiber, cx: &mut Ctx<'_>, frame: Frame, proto: &FuncProto, base: usize, pc_in: usize) -> Result<Step, Fault> {
    #[cfg(test)]
    SLOW_STEPS.with(|n| n.set(n.get() + 1));
    // `GetFieldMatch`'s fast path first (before this function's own set-up): it comes here
    // from `run`, whose loop it made keep less of its state in registers when it was called
    // there (every dispatch paid for it).
    if let Some(&Instr::GetFieldMatch { dst, obj, name }) = proto.code.get(pc_in) {
        let regs = fiber.stack.as_mut_ptr().wrapping_add(base);
        // SAFETY: `regs` is `&fiber.stack[base]`, where every register operand of
        // `proto.code` is in bounds (`run` grew the stack for this frame, see `reg!`).
        let next = unsafe { get_field_match(proto, &proto.code, pc_in, regs, dst, obj, name) };
        if next != usize::MAX {
            return Ok(Step::Next(next));
        }
    }
    let prog = cx.prog;
    let mut entered = false;
    // The loops below are the interpreter loop this function was cut from: a `continue` goes
    // on with the next instruction and a `continue 'frames` switches frames, each of which
    // ends this step instead.
    #[allow(clippy::never_loop)]
    'frames: loop {
        if entered {
            return Ok(Step::Frames);
        }
        entered = true;
        let code: &[Instr] = &proto.code;
        let mut pc = pc_in;

        macro_rules! save_pc {
            () => {
                if let Some(f) = fiber.frames.last_mut() {
                    f.pc = pc as u32;
                }
            };
        }
        macro_rules! fail {
            ($e:expr) => {{
                save_pc!();
                return Err($e);
            }};
        }
        // The check at calls and backward jumps: the interrupt flag, and the scheduler's time
        // slice. `$back` is how far `pc` is past the instruction that must run first when the
        // fiber resumes (1 at a call, whose `pc` was already saved past it; 0 after a jump).
        macro_rules! attention {
            ($back:expr) => {
                if cx.interrupt.load(Ordering::Relaxed) {
                    fail!(Fault::Interrupted);
                }
                if let Some(left) = &mut cx.slice {
                    if *left == 0 {
                        pc -= $back;
                        fail!(Fault::Yield);
                    }
                    *left -= 1;
                }
            };
        }
        macro_rules! panic_msg {
            ($e:expr) => {
                fail!(Fault::Panic($e))
            };
        }
        // Register access without bounds checks. `$r` is a register operand of an instruction
        // of `proto.code` (a `u16`).
        // SAFETY: `base + $r < fiber.stack.len()`, for the reasons given at `run`'s `reg!`:
        // `run` grew the stack to `base + frame_span` for this frame before calling this
        // function, every register operand of `proto.code` is below `frame_span`, and the
        // stack never shrinks during the step. Once the top frame changes the step ends
        // (`continue 'frames` returns `Step::Frames` at once), so `base` and `proto` always
        // describe the frame whose registers were grown.
        register_access!($, fiber, base);
        // After a return popped the top frame: `run` continues with the caller.
        macro_rules! resume_caller {
            () => {{
                continue 'frames;
            }};
        }
        // Write an integer into a register field by field: a register that already holds an
        // integer is updated in place (no 16-byte store of a freshly built value, which
        // would stall store forwarding).
        macro_rules! set_int {
            ($r:expr, $v:expr, $t:expr) => {{
                let slot = &mut reg_mut!($r);
                if let Value::Int(x, t) = slot {
                    *x = $v;
                    *t = $t;
                } else {
                    *slot = Value::Int($v, $t);
                }
            }};
        }
        // The same for an f64.
        macro_rules! set_float {
            ($r:expr, $v:expr) => {{
                let slot = &mut reg_mut!($r);
                if let Value::Float(x, t) = slot {
                    *x = $v;
                    *t = FloatTy::F64;
                } else {
                    *slot = Value::Float($v, FloatTy::F64);
                }
            }};
        }
        // The general paths of the arithmetic instructions (the specialized forms fall back
        // to them).
        macro_rules! bin_slow {
            ($op:expr, $dst:expr, $a:expr, $b:expr) => {{
                let (op, dst, a, b) = ($op, $dst, $a, $b);

                    if let (Value::Int(x, tx), Value::Int(y, ty)) = (&reg!(a), &reg!(b)) {
                        if tx == ty {
                            let t = *tx;
                            if let Some(r) = ops::fast_arith(op, *x, *y, t) {
                                set_int!(dst, r, t);
                                continue;
                            }
                            if let Some(v) = ops::int_op(op, *x, *y, t) {
                                reg_mut!(dst) = v;
                                continue;
                            }
                        }
                    }
                    // f64 arithmetic and comparisons inline (no operand clones).
                    if let (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) = (&reg!(a), &reg!(b)) {
                        let (x, y) = (*x, *y);
                        let r = match op {
                            BinKind::Add => x + y,
                            BinKind::Sub => x - y,
                            BinKind::Mul => x * y,
                            BinKind::Div => x / y,
                            _ => f64::NAN,
                        };
                        if matches!(op, BinKind::Add | BinKind::Sub | BinKind::Mul | BinKind::Div) {
                            set_float!(dst, r);
                            continue;
                        }
                        if let Some(v) = ops::fast_float(op, x, y) {
                            reg_mut!(dst) = v;
                            continue;
                        }
                    }
                    let (va, vb) = (reg!(a).clone(), reg!(b).clone());
                    match ops::binary(op, &va, &vb) {
                        Ok(BinOutcome::Value(v)) => reg_mut!(dst) = v,
                        Ok(BinOutcome::NeedsMethod) => {
                            save_pc!();
                            operator_call(fiber, cx, proto.num_regs, op, va, vb, base + dst as usize)?;
                            continue 'frames;
                        }
                        Err(m) => panic_msg!(m),
                    }
                
            }};
        }
        // `Bin`'s general path on operand values (`BinK`/`KBin`: one of them a constant).
        macro_rules! bin_values {
            ($op:expr, $dst:expr, $va:expr, $vb:expr) => {{
                let (op, dst, va, vb): (BinKind, u16, Value, Value) = ($op, $dst, $va, $vb);
                if let (Value::Int(x, tx), Value::Int(y, ty)) = (&va, &vb) {
                    if tx == ty {
                        let t = *tx;
                        if let Some(r) = ops::fast_arith(op, *x, *y, t) {
                            set_int!(dst, r, t);
                            continue;
                        }
                        if let Some(v) = ops::int_op(op, *x, *y, t) {
                            reg_mut!(dst) = v;
                            continue;
                        }
                    }
                }
                if let (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) = (&va, &vb) {
                    let (x, y) = (*x, *y);
                    let r = match op {
                        BinKind::Add => Some(x + y),
                        BinKind::Sub => Some(x - y),
                        BinKind::Mul => Some(x * y),
                        BinKind::Div => Some(x / y),
                        _ => None,
                    };
                    if let Some(r) = r {
                        set_float!(dst, r);
                        continue;
                    }
                    if let Some(v) = ops::fast_float(op, x, y) {
                        reg_mut!(dst) = v;
                        continue;
                    }
                }
                match ops::binary(op, &va, &vb) {
                    Ok(BinOutcome::Value(v)) => reg_mut!(dst) = v,
                    Ok(BinOutcome::NeedsMethod) => {
                        save_pc!();
                        operator_call(fiber, cx, proto.num_regs, op, va, vb, base + dst as usize)?;
                        continue 'frames;
                    }
                    Err(m) => panic_msg!(m),
                }
            }};
        }
        macro_rules! bini_slow {
            ($op:expr, $dst:expr, $a:expr, $imm:expr) => {{
                let (op, dst, a, imm) = ($op, $dst, $a, $imm);

                    if let Value::Int(x, t) = reg!(a) {
                        if let Some(r) = ops::fast_arith(op, x, imm as i64, t) {
                            set_int!(dst, r, t);
                            continue;
                        }
                        if let Some(v) = ops::int_op(op, x, imm as i64, t) {
                            reg_mut!(dst) = v;
                            continue;
                        }
                    }
                    let va = reg!(a).clone();
                    let t = match &va {
                        Value::Int(_, t) => *t,
                        _ => crate::value::IntTy::I32,
                    };
                    let vb = match &va {
                        Value::Float(_, ft) => Value::Float(imm as f64, *ft),
                        _ => Value::Int(imm as i64, t),
                    };
                    match ops::binary(op, &va, &vb) {
                        Ok(BinOutcome::Value(v)) => reg_mut!(dst) = v,
                        Ok(BinOutcome::NeedsMethod) => {
                            save_pc!();
                            operator_call(fiber, cx, proto.num_regs, op, va, vb, base + dst as usize)?;
                            continue 'frames;
                        }
                        Err(m) => panic_msg!(m),
                    }
                
            }};
        }
        macro_rules! try_v {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => panic_msg!(e.to_string()),
                }
            };
        }

        let mut first = true;
        loop {
            if !first {
                return Ok(Step::Next(pc));
            }
            first = false;
            let Some(&ins) = code.get(pc) else {
                // Falling off the end returns unit.
                pc = code.len();
                save_pc!();
                match do_return(fiber, cx, Value::Unit)? {
                    Some(v) => return Ok(Step::Done(v)),
                    None => continue 'frames,
                }
            };
            pc += 1;
            match ins {
                Instr::Nop => {}
                Instr::LoadUnit { dst } => {
                    let slot = &mut reg_mut!(dst);
                    if !matches!(slot, Value::Unit) {
                        *slot = Value::Unit;
                    }
                }
                Instr::LoadBool { dst, v } => {
                    let slot = &mut reg_mut!(dst);
                    if let Value::Bool(b) = slot {
                        *b = v;
                    } else {
                        *slot = Value::Bool(v);
                    }
                }
                Instr::LoadInt { dst, ty, v } => set_int!(dst, v as i64, ty),
                Instr::LoadConst { dst, k } => match proto.consts.get(k as usize) {
                    Some(Value::Float(f, FloatTy::F64)) => set_float!(dst, *f),
                    Some(Value::Int(x, t)) => set_int!(dst, *x, *t),
                    Some(c) => reg_mut!(dst) = c.clone(),
                    None => reg_mut!(dst) = Value::Unit,
                },
                Instr::Mov { dst, src } | Instr::MovRecv { dst, src } => {
                    if let Value::Int(x, t) = reg!(src) {
                        set_int!(dst, x, t);
                        continue;
                    }
                    let v = reg!(src).clone();
                    reg_mut!(dst) = v;
                }
                Instr::MovOut { dst, src } => {
                    if let Value::Int(x, t) = reg!(src) {
                        set_int!(dst, x, t);
                        continue;
                    }
                    let v = std::mem::take(&mut reg_mut!(src));
                    reg_mut!(dst) = v;
                }
                Instr::Take { dst, src } => {
                    if let Value::Int(x, t) = reg!(src) {
                        set_int!(dst, x, t);
                        continue;
                    }
                    let v = match &reg!(src) {
                        Value::Int(..) | Value::Float(..) | Value::Bool(_) | Value::Char(_) | Value::Unit => reg!(src).clone(),
                        Value::Moved => panic_msg!("internal error: use of a moved value".into()),
                        _ => take_value(&mut reg_mut!(src)),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::Dup { dst, src } => {
                    if let Value::Int(x, t) = reg!(src) {
                        set_int!(dst, x, t);
                        continue;
                    }
                    // In place (`Dup r, r` after a place read): only a Copy aggregate changes.
                    if dst == src && !matches!(reg!(src), Value::Tuple(_) | Value::Vec(_) | Value::Adt(_) | Value::Moved) {
                        continue;
                    }
                    let v = match &reg!(src) {
                        Value::Moved => panic_msg!("internal error: use of a moved value".into()),
                        other => values::copy_value(other),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::CloneVal { dst, src } => {
                    let v = values::deep_clone(&reg!(src));
                    reg_mut!(dst) = v;
                }
                Instr::Bin { op, dst, a, b } => bin_slow!(op, dst, a, b),
                Instr::BinI { op, dst, a, imm } => bini_slow!(op, dst, a, imm),
                Instr::BinK { op, dst, a, k } => {
                    let Some(c) = proto.consts.get(k as usize) else { panic_msg!("internal error: bad constant".into()) };
                    let (va, vb) = (reg!(a).clone(), c.clone());
                    bin_values!(op, dst, va, vb)
                }
                Instr::KBin { op, dst, b, k } => {
                    let Some(c) = proto.consts.get(k as usize) else { panic_msg!("internal error: bad constant".into()) };
                    let (va, vb) = (c.clone(), reg!(b).clone());
                    bin_values!(op, dst, va, vb)
                }
                Instr::Add { dst, a, b } | Instr::AddRet { dst, a, b } => {
                    match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = ops::fast_add(*x, *y, t) {
                                set_int!(dst, r, t);
                                continue;
                            }
                        }
                        (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) => {
                            let r = *x + *y;
                            set_float!(dst, r);
                            continue;
                        }
                        _ => {}
                    }
                    bin_slow!(BinKind::Add, dst, a, b)
                }
                Instr::Sub { dst, a, b } => {
                    match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => {
                            let t = *tx;
                            if let Some(r) = ops::fast_sub(*x, *y, t) {
                                set_int!(dst, r, t);
                                continue;
                            }
                        }
                        (Value::Float(x, FloatTy::F64), Value::Float(y, FloatTy::F64)) => {
                            let r = *x - *y;
                            set_float!(dst, r);
                            continue;
                        }
                        _ => {}
                    }
                    bin_slow!(BinKind::Sub, dst, a, b)
                }
                Instr::AddI { dst, a, imm } => {
                    if let Value::Int(x, t) = reg!(a) {
                        if let Some(r) = ops::fast_add(x, imm as i64, t) {
                            set_int!(dst, r, t);
                            continue;
                        }
                    }
                    bini_slow!(BinKind::Add, dst, a, imm)
                }
                Instr::SubI { dst, a, imm } | Instr::SubICall { dst, a, imm } => {
                    if let Value::Int(x, t) = reg!(a) {
                        if let Some(r) = ops::fast_sub(x, imm as i64, t) {
                            set_int!(dst, r, t);
                            continue;
                        }
                    }
                    bini_slow!(BinKind::Sub, dst, a, imm)
                }
                Instr::JumpIfNotLtI { a, imm, target } | Instr::JumpIfNotLtIRet { a, imm, target } => {
                    if let Value::Int(x, t) = reg!(a) {
                        if !t.signed() && x < 0 || x >= imm as i64 {
                            pc = target as usize;
                        }
                        continue;
                    }
                    let va = reg!(a).clone();
                    let vb = match &va {
                        Value::Float(_, ft) => Value::Float(imm as f64, *ft),
                        _ => Value::Int(imm as i64, crate::value::IntTy::I32),
                    };
                    let holds = match ops::binary(BinKind::Lt, &va, &vb) {
                        Ok(BinOutcome::Value(Value::Bool(b))) => b,
                        Ok(_) => false,
                        Err(m) => panic_msg!(m),
                    };
                    if !holds {
                        pc = target as usize;
                    }
                }
                Instr::Neg { dst, a } | Instr::Not { dst, a } => {
                    if let (Value::Float(x, ft), Instr::Neg { .. }) = (&reg!(a), ins) {
                        let (x, ft) = (*x, *ft);
                        if ft == FloatTy::F64 {
                            set_float!(dst, -x);
                        } else {
                            reg_mut!(dst) = Value::Float(-x, ft);
                        }
                        continue;
                    }
                    let is_neg = matches!(ins, Instr::Neg { .. });
                    let va = try_v!(place::read_ref(&reg!(a)));
                    if let Value::Adt(_) | Value::Tag(..) = va {
                        // A user `Neg`/`Not` impl.
                        let name = if is_neg { "neg" } else { "not" };
                        let f = prog.symbols.get(name).and_then(|s| prog.find_method(type_id_of(&va), s));
                        let Some(f) = f else { panic_msg!(format!("cannot apply unary operator to {}", super::format::type_name_of(&va))) };
                        save_pc!();
                        let top = base + proto.num_regs as usize;
                        set_reg(fiber, top, va);
                        call::enter(fiber, prog, f, top, base + dst as usize, 0, RetKind::Normal, 1)?;
                        continue 'frames;
                    }
                    let v = if is_neg { try_v!(ops::neg(&va)) } else { try_v!(ops::not(&va)) };
                    reg_mut!(dst) = v;
                }
                Instr::Cast { dst, src, to } => {
                    if let (Value::Int(x, t), crate::vm::bytecode::CastTo::Float(FloatTy::F64)) = (&reg!(src), to) {
                        let f = if matches!(t, crate::value::IntTy::U64 | crate::value::IntTy::Usize) { *x as u64 as f64 } else { *x as f64 };
                        set_float!(dst, f);
                        continue;
                    }
                    let v = try_v!(ops::cast(&reg!(src), to));
                    reg_mut!(dst) = v;
                }
                Instr::Jump { target } => pc = target as usize,
                Instr::Loop { target } => {
                    pc = target as usize;
                    attention!(0);
                }
                Instr::JumpIf { cond, target } => {
                    if truthy(&reg!(cond)) {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfNot { cond, target } => {
                    if !truthy(&reg!(cond)) {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfNot2 { op, a, b, target } => {
                    let holds = match (&reg!(a), &reg!(b)) {
                        (Value::Int(x, tx), Value::Int(y, ty)) if tx == ty => ops::fast_cmp(op, *x, *y, *tx),
                        (va, vb) => match ops::binary(op, va, vb) {
                            Ok(BinOutcome::Value(Value::Bool(b))) => b,
                            Ok(_) => {
                                // A user comparison operator: compute it into a scratch
                                // register through a call, then branch on it.
                                let (va, vb) = (va.clone(), vb.clone());
                                pc -= 1;
                                save_pc!();
                                return_to_branch(fiber, cx, proto.num_regs, op, va, vb)?;
                                continue 'frames;
                            }
                            Err(m) => panic_msg!(m),
                        },
                    };
                    if !holds {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfNotK { op, a, k, target } => {
                    let holds = match (&reg!(a), proto.consts.get(k as usize)) {
                        (Value::Int(x, tx), Some(Value::Int(y, ty))) if tx == ty => ops::fast_cmp(op, *x, *y, *tx),
                        (va, Some(vb)) => match ops::binary(op, va, vb) {
                            Ok(BinOutcome::Value(Value::Bool(b))) => b,
                            Ok(_) => {
                                // A user comparison operator, as in `JumpIfNot2`.
                                let (va, vb) = (va.clone(), vb.clone());
                                pc -= 1;
                                save_pc!();
                                return_to_branch(fiber, cx, proto.num_regs, op, va, vb)?;
                                continue 'frames;
                            }
                            Err(m) => panic_msg!(m),
                        },
                        (_, None) => panic_msg!("internal error: bad constant".into()),
                    };
                    if !holds {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfNotI { op, a, imm, target } => {
                    let holds = match &reg!(a) {
                        Value::Int(x, t) => ops::fast_cmp(op, *x, imm as i64, *t),
                        va => {
                            let vb = match va {
                                Value::Float(_, ft) => Value::Float(imm as f64, *ft),
                                _ => Value::Int(imm as i64, crate::value::IntTy::I32),
                            };
                            match ops::binary(op, va, &vb) {
                                Ok(BinOutcome::Value(Value::Bool(b))) => b,
                                Ok(_) => false,
                                Err(m) => panic_msg!(m),
                            }
                        }
                    };
                    if !holds {
                        pc = target as usize;
                    }
                }
                Instr::ForPrep { ctr, end, target, inclusive } => {
                    let (c, e) = match (&reg!(ctr), &reg!(end)) {
                        (Value::Int(c, tc), Value::Int(e, te)) => {
                            let t = ops::unify_int(*tc, *te);
                            (Value::Int(ops::wrap(*c, t), t), Value::Int(ops::wrap(*e, t), t))
                        }
                        (a, b) => {
                            let a = try_v!(place::read_ref(a));
                            let b = try_v!(place::read_ref(b));
                            match (a, b) {
                                (Value::Int(c, tc), Value::Int(e, te)) => {
                                    let t = ops::unify_int(tc, te);
                                    (Value::Int(c, t), Value::Int(e, t))
                                }
                                (a @ Value::Char(_), b @ Value::Char(_)) => (a, b),
                                // A bound beyond 64 bits: the counter steps in `int128`.
                                (a, b) if crate::builtins::int128::for_prep(&a, &b, inclusive).is_some() => {
                                    let Some((c, e, go)) = crate::builtins::int128::for_prep(&a, &b, inclusive) else { continue };
                                    reg_mut!(ctr) = c;
                                    reg_mut!(end) = e;
                                    if !go {
                                        pc = target as usize;
                                    }
                                    continue;
                                }
                                (a, _) => panic_msg!(format!("`Range<{}>` is not an iterator", crate::builtins::util::describe(&a))),
                            }
                        }
                    };
                    let op = if inclusive { BinKind::Le } else { BinKind::Lt };
                    let go = match (&c, &e) {
                        (Value::Int(x, t), Value::Int(y, _)) => ops::fast_cmp(op, *x, *y, *t),
                        (Value::Char(x), Value::Char(y)) => ops::cmp_holds(op, x.cmp(y)),
                        _ => false,
                    };
                    reg_mut!(ctr) = c;
                    reg_mut!(end) = e;
                    if !go {
                        pc = target as usize;
                    }
                }
                Instr::ForStep { ctr, end, target, inclusive } => {
                    if let (Value::Char(c), Value::Char(e)) = (&reg!(ctr), &reg!(end)) {
                        let (c, e) = (*c, *e);
                        let mut n = c as u32 + 1;
                        if (0xD800..0xE000).contains(&n) {
                            n = 0xE000;
                        }
                        let next = char::from_u32(n).unwrap_or(char::MAX);
                        let more = if inclusive { c != e } else { next < e };
                        if more {
                            reg_mut!(ctr) = Value::Char(next);
                            pc = target as usize;
                        }
                        continue;
                    }
                    if let (Value::Int(c, t), Value::Int(e, _)) = (&reg!(ctr), &reg!(end)) {
                        let (c, e, t) = (*c, *e, *t);
                        let next = c.wrapping_add(1);
                        let more = if inclusive { c != e } else { ops::fast_cmp(BinKind::Lt, next, e, t) };
                        if more {
                            set_int!(ctr, next, t);
                            pc = target as usize;
                            attention!(0);
                        }
                    } else if let Some(n) = crate::builtins::int128::for_next(&reg!(ctr), &reg!(end), inclusive) {
                        reg_mut!(ctr) = n;
                        pc = target as usize;
                        attention!(0);
                    }
                }
                Instr::IterInit { dst, src } => {
                    let v = reg!(src).clone();
                    save_pc!();
                    match super::iter::into_iter(cx, v) {
                        Ok(super::iter::IntoIter::Ready(it)) => reg_mut!(dst) = it,
                        Ok(super::iter::IntoIter::Call(f, recv)) => {
                            let top = base + proto.num_regs as usize;
                            set_reg(fiber, top, recv);
                            call::enter(fiber, prog, f, top, base + dst as usize, 0, RetKind::Normal, 1)?;
                            continue 'frames;
                        }
                        Err(m) => panic_msg!(m),
                    }
                }
                Instr::IterNext { dst, iter, target } => {
                    if let Some(v) = fiber.resume.take() {
                        match super::iter::option_payload(&v) {
                            Some(Some(x)) => reg_mut!(dst) = x,
                            Some(None) => pc = target as usize,
                            None => panic_msg!("internal error: `next` did not return an Option".into()),
                        }
                        continue;
                    }
                    let it = reg!(iter).clone();
                    match super::iter::next(cx, &it) {
                        Ok(super::iter::Step::Item(x)) => reg_mut!(dst) = x,
                        Ok(super::iter::Step::Done) => pc = target as usize,
                        Ok(super::iter::Step::Call(f)) => {
                            // A user iterator: call its `next` and come back here.
                            pc -= 1;
                            save_pc!();
                            let top = base + proto.num_regs as usize;
                            set_reg(fiber, top, it);
                            call::enter(fiber, prog, f, top, top, 0, RetKind::ReExec, 1)?;
                            continue 'frames;
                        }
                        Err(m) => panic_msg!(m),
                    }
                }
                Instr::Call { dst, func, args, nargs } => {
                    save_pc!();
                    attention!(1);
                    let nb = base + args as usize;
                    call::enter(fiber, prog, func as u32, nb, base + dst as usize, 0, RetKind::Normal, nargs as usize)?;
                    continue 'frames;
                }
                Instr::CallSite { dst, site, args, nargs } | Instr::CallSiteUnwrap { dst, site, args, nargs } => {
                    save_pc!();
                    attention!(1);
                    let Some(info) = proto.sites.get(site as usize) else {
                        panic_msg!("internal error: bad call site".into());
                    };
                    let nb = base + args as usize;
                    let ret = base + dst as usize;
                    let hint = if info.hint == u32::MAX { frame.hint } else { info.hint };
                    match &info.kind {
                        SiteKind::Func(f) => {
                            call::enter(fiber, prog, *f, nb, ret, hint, RetKind::Normal, nargs as usize)?;
                            continue 'frames;
                        }
                        SiteKind::Native(n) => {
                            // Prelude helpers that discard elements (`retain`, `dedup_by`).
                            let snap = if prog.walks_drops() && nargs > 0 {
                                super::drop::snapshot(crate::builtins::native_name(*n), &reg!(args))
                            } else {
                                None
                            };
                            let v = call::call_native(fiber, cx, *n, nb, nargs as usize, hint)?;
                            reg_mut!(dst) = v;
                            if let Some(snap) = snap {
                                if super::drop::drop_discarded(fiber, cx, snap, base + proto.num_regs as usize, pc as u32)? {
                                    continue 'frames;
                                }
                            }
                        }
                        SiteKind::Method { sym, name } => {
                            // Fast path: a receiver that is neither a reference nor a native
                            // object is looked up in place (no handle clones); it stays in
                            // its register as it is.
                            let through_rc = match &reg!(args) {
                                Value::Cell(_) => call::resolve_through_rc(prog, info, *sym, name, &reg!(args)),
                                _ => None,
                            };
                            let direct = if let Some((t, inner)) = through_rc {
                                // As the general path below does for a receiver found
                                // through an `Rc`/`Arc`.
                                if matches!(t, Target::Native(_)) || !is_scalar(&inner) || matches!(inner, Value::Tag(..)) {
                                    reg_mut!(args) = inner;
                                }
                                Some(t)
                            } else if matches!(reg!(args), Value::Ref(_) | Value::Native(_)) {
                                None
                            } else {
                                call::resolve_method(prog, info, *sym, name, &reg!(args))
                            };
                            let target = match direct {
                                Some(t) => t,
                                None => {
                                    let recv = reg!(args).clone();
                                    let recv_d = match &recv {
                                        Value::Ref(_) => try_v!(place::read_ref(&recv)),
                                        _ => recv.clone(),
                                    };
                                    if let Some(r) = super::format::vm_method(fiber, cx, &recv_d, name, nb, nargs as usize) {
                                        let v = r?;
                                        reg_mut!(dst) = v;
                                        continue;
                                    }
                                    let mut target = call::resolve_method(prog, info, *sym, name, &recv_d);
                                    let mut recv_d = recv_d;
                                    if target.is_none() {
                                        // Auto-deref through Rc/Arc.
                                        if let Some(inner) = crate::builtins::auto_deref(&recv_d) {
                                            target = call::resolve_derefed(prog, info, *sym, name, &inner);
                                            recv_d = inner;
                                        }
                                    }
                                    match target {
                                        Some(t @ Target::Func(_)) => {
                                            // A Ref to a scalar stays a Ref (`&mut self` on a number);
                                            // aggregates are passed as their handle.
                                            if !is_scalar(&recv_d) {
                                                reg_mut!(args) = recv_d;
                                            }
                                            t
                                        }
                                        Some(t @ Target::Native(_)) => {
                                            // Natives follow references themselves; a Rc receiver
                                            // auto-derefed for the lookup is passed as its content.
                                            if !matches!(recv, Value::Ref(_)) {
                                                reg_mut!(args) = recv_d;
                                            }
                                            t
                                        }
                                        None if matches!(&**name, "as_ref" | "as_mut" | "borrow" | "borrow_mut" | "deref" | "deref_mut" | "as_deref") => {
                                            // Box/reference conversions of user values: identity.
                                            reg_mut!(dst) = recv_d;
                                            continue;
                                        }
                                        None => panic_msg!(format!(
                                            "no method named `{name}` found for {}",
                                            super::format::type_name_of(&recv_d)
                                        )),
                                    }
                                }
                            };
                            match target {
                                Target::Func(f) => {
                                    call::enter(fiber, prog, f, nb, ret, hint, RetKind::Normal, nargs as usize)?;
                                    continue 'frames;
                                }
                                Target::Native(n) => {
                                    let snap = if prog.walks_drops() { super::drop::snapshot(name, &reg!(args)) } else { None };
                                    let v = call::call_native(fiber, cx, n, nb, nargs as usize, hint)?;
                                    reg_mut!(dst) = v;
                                    if let Some(snap) = snap {
                                        // Elements the native discarded (`clear`, ...) die now.
                                        if super::drop::drop_discarded(fiber, cx, snap, base + proto.num_regs as usize, pc as u32)? {
                                            continue 'frames;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Instr::CallValue { dst, callee, args, nargs } => {
                    save_pc!();
                    attention!(1);
                    let f = reg!(callee).clone();
                    let nb = base + args as usize;
                    call::call_callable(fiber, cx, &f, nb, nargs as usize, base + dst as usize, 0, RetKind::Normal)?;
                    continue 'frames;
                }
                Instr::CallOnce { dst, callee, args, nargs } => {
                    save_pc!();
                    attention!(1);
                    let f = reg!(callee).clone();
                    let nb = base + args as usize;
                    let depth = fiber.frames.len();
                    call::call_callable(fiber, cx, &f, nb, nargs as usize, base + dst as usize, 0, RetKind::Normal)?;
                    if fiber.frames.len() > depth {
                        super::drop::own_consumed(fiber, cx, &f, depth);
                    }
                    continue 'frames;
                }
                Instr::Ret { src } | Instr::RetDup { src } => {
                    if prog.walks_drops() {
                        // What dies with the frame (values whose last handle is in one of its
                        // registers, other than the result) is dropped first.
                        save_pc!();
                        let hi = base + proto.num_regs as usize;
                        if super::drop::drop_frame(fiber, cx, base, hi, base + src as usize, (pc - 1) as u32)? {
                            continue 'frames;
                        }
                    }
                    // Integers go field by field (no 16-byte reload of a register just
                    // written field by field: store forwarding would stall).
                    if let Value::Int(x, t) = reg!(src) {
                        if frame.kind == RetKind::Normal && fiber.frames.len() > 1 {
                            fiber.frames.pop();
                            let hi = (base + proto.num_regs as usize).min(fiber.stack.len());
                            for r in &mut fiber.stack[base.min(hi)..hi] {
                                if !matches!(r, Value::Unit | Value::Int(..) | Value::Bool(_) | Value::Float(..) | Value::Char(_)) {
                                    *r = Value::Unit;
                                }
                            }
                            if let Some(slot) = fiber.stack.get_mut(frame.ret as usize) {
                                if let Value::Int(sx, st) = slot {
                                    *sx = x;
                                    *st = t;
                                } else {
                                    *slot = Value::Int(x, t);
                                }
                            }
                            resume_caller!();
                        }
                    }
                    let v = if let Instr::RetDup { .. } = ins {
                        values::copy_value(&reg!(src))
                    } else {
                        std::mem::take(&mut reg_mut!(src))
                    };
                    // Fast path: an ordinary return to a TERAS caller.
                    if frame.kind == RetKind::Normal && fiber.frames.len() > 1 {
                        fiber.frames.pop();
                        let hi = (base + proto.num_regs as usize).min(fiber.stack.len());
                        for r in &mut fiber.stack[base.min(hi)..hi] {
                            if !matches!(r, Value::Unit | Value::Int(..) | Value::Bool(_) | Value::Float(..) | Value::Char(_)) {
                                *r = Value::Unit;
                            }
                        }
                        if let Some(slot) = fiber.stack.get_mut(frame.ret as usize) {
                            *slot = v;
                        }
                        resume_caller!();
                    }
                    save_pc!();
                    match do_return(fiber, cx, v)? {
                        Some(v) => return Ok(Step::Done(v)),
                        None => resume_caller!(),
                    }
                }
                Instr::RetUnit => {
                    save_pc!();
                    match do_return(fiber, cx, Value::Unit)? {
                        Some(v) => return Ok(Step::Done(v)),
                        None => resume_caller!(),
                    }
                }
                Instr::MakeTuple { dst, start, n } => {
                    let items = take_range(fiber, base + start as usize, n as usize);
                    reg_mut!(dst) = if items.is_empty() { Value::Unit } else { Value::Tuple(Heap::new(items)) };
                }
                Instr::MakeArray { dst, start, n } => {
                    let items = take_range(fiber, base + start as usize, n as usize);
                    reg_mut!(dst) = Value::Vec(Heap::new(VecObj { items, is_array: true }));
                }
                Instr::MakeVec { dst, start, n } => {
                    let items = take_range(fiber, base + start as usize, n as usize);
                    reg_mut!(dst) = Value::Vec(Heap::new(VecObj { items, is_array: false }));
                }
                Instr::MakeRepeat { dst, elem, count, vec } => {
                    let n = match try_v!(place::read_ref(&reg!(count))) {
                        Value::Int(n, _) if n >= 0 => n as usize,
                        _ => panic_msg!("internal error: repeat count is not a usize".into()),
                    };
                    if n > 1 << 28 {
                        panic_msg!("memory allocation failed: capacity overflow".into());
                    }
                    let e = reg!(elem).clone();
                    let items: Vec<Value> = (0..n).map(|_| values::deep_clone(&e)).collect();
                    reg_mut!(dst) = Value::Vec(Heap::new(VecObj { items, is_array: !vec }));
                }
                Instr::MakeAdt { dst, start, ctor } => {
                    let Some(c) = proto.ctors.get(ctor as usize) else {
                        panic_msg!("internal error: bad constructor".into());
                    };
                    let Some(def) = prog.adts.get(c.adt as usize) else {
                        panic_msg!("internal error: bad type".into());
                    };
                    let def = c.def.unwrap_or_else(|| DefRef::pin(def));
                    if inline_tag(prog, &def, c.nfields) {
                        reg_mut!(dst) = Value::Tag(def, c.variant);
                        continue;
                    }
                    let fields = values::take_fields(&mut fiber.stack, base + start as usize, c.nfields as usize);
                    reg_mut!(dst) = Value::Adt(Heap::new(AdtObj { def, variant: c.variant, fields }));
                }
                Instr::MakeClosure { dst, start, func, n } => {
                    let captures = take_range_clone(fiber, base + start as usize, n as usize);
                    reg_mut!(dst) = if captures.is_empty() {
                        Value::Func(Arc::new(Callable::Function(func as u32)))
                    } else {
                        Value::Func(Arc::new(Callable::Closure { func: func as u32, captures, released: Default::default() }))
                    };
                }
                Instr::LoadHint { dst } => {
                    reg_mut!(dst) = Value::usize(frame.hint as usize);
                }
                Instr::SetHint { src } => {
                    if let (Value::Int(h, _), Some(f)) = (&reg!(src), fiber.frames.last_mut()) {
                        f.hint = *h as u32;
                    }
                }
                Instr::MakeRange { dst, start, flags } => {
                    let s = if flags & 1 != 0 { Some(reg!(start).clone()) } else { None };
                    let e = if flags & 2 != 0 { Some(fiber.stack.get(base + start as usize + 1).cloned().unwrap_or(Value::Unit)) } else { None };
                    let (s, e) = match (s, e) {
                        (Some(Value::Int(a, ta)), Some(Value::Int(b, tb))) => {
                            let t = ops::unify_int(ta, tb);
                            (Some(Value::Int(a, t)), Some(Value::Int(b, t)))
                        }
                        other => other,
                    };
                    reg_mut!(dst) = Value::Range(Arc::new(crate::value::RangeVal { start: s, end: e, inclusive: flags & 4 != 0 }));
                }
                // (`GetFieldMatch`'s fast path ran at the top of this function.)
                Instr::GetField { dst, obj, name } | Instr::GetFieldMatch { dst, obj, name } => {
                    let v = try_v!(super::access::get_field(proto, &reg!(obj), name));
                    reg_mut!(dst) = v;
                }
                Instr::SetField { obj, name, src } => {
                    let v = std::mem::take(&mut reg_mut!(src));
                    try_v!(super::access::set_field(proto, &reg!(obj), name, v));
                }
                Instr::GetElem { dst, obj, idx } => {
                    let v = try_v!(super::access::get_elem(&reg!(obj), idx as usize));
                    reg_mut!(dst) = v;
                }
                Instr::SetElem { obj, idx, src } => {
                    let v = std::mem::take(&mut reg_mut!(src));
                    try_v!(super::access::set_elem(&reg!(obj), idx as usize, v));
                }
                Instr::Index { dst, obj, idx } => {
                    // Fast path: an element of a vector or array by an in-range index (errors
                    // and everything else take the general path).
                    if let Some(v) = super::access::index_in_range(&reg!(obj), &reg!(idx)) {
                        reg_mut!(dst) = v;
                        continue;
                    }
                    let o = reg!(obj).clone();
                    let i = reg!(idx).clone();
                    match super::access::index(cx, &o, &i) {
                        Ok(Some(v)) => reg_mut!(dst) = v,
                        Ok(None) => {
                            // A user `Index` impl.
                            let sym = prog.symbols.get("index");
                            let od = try_v!(place::read_ref(&o));
                            let f = sym.and_then(|s| prog.find_method(type_id_of(&od), s));
                            let Some(f) = f else { panic_msg!(format!("cannot index into {}", values::kind_name(&o))) };
                            save_pc!();
                            let top = base + proto.num_regs as usize;
                            set_reg(fiber, top, o);
                            set_reg(fiber, top + 1, i);
                            call::enter(fiber, prog, f, top, base + dst as usize, 0, RetKind::Normal, 2)?;
                            continue 'frames;
                        }
                        Err(m) => panic_msg!(m),
                    }
                }
                Instr::SetIndex { obj, idx, src } => {
                    let v = std::mem::take(&mut reg_mut!(src));
                    try_v!(super::access::set_index(&reg!(obj), &reg!(idx), v));
                }
                Instr::PromoteTag { a, b, mode } => {
                    // (`b` is a register operand only in mode 3: `reg_bound` counts it then.)
                    let idx = if mode == 3 { Some(reg!(b).clone()) } else { None };
                    super::access::promote_place(cx, proto, &mut reg_mut!(a), b, mode, idx.as_ref());
                }
                Instr::RefField { dst, obj, name } => {
                    let v = try_v!(super::access::ref_field(proto, &reg!(obj), name));
                    reg_mut!(dst) = v;
                }
                Instr::RefElem { dst, obj, idx } => {
                    let v = try_v!(super::access::ref_elem(&reg!(obj), idx as usize));
                    reg_mut!(dst) = v;
                }
                Instr::RefIndex { dst, obj, idx } => {
                    let v = try_v!(super::access::ref_index(&reg!(obj), &reg!(idx)));
                    reg_mut!(dst) = v;
                }
                Instr::BoxLocal { reg } => {
                    let v = std::mem::take(&mut reg_mut!(reg));
                    reg_mut!(reg) = Value::Ref(Arc::new(Place::Local(Heap::new(v))));
                }
                Instr::Deref { dst, src } | Instr::DerefAddI { dst, src } => {
                    let v = match &reg!(src) {
                        Value::Ref(_) => values::copy_value(&try_v!(place::read_ref(&reg!(src)))),
                        Value::Cell(_) => match crate::builtins::auto_deref(&reg!(src)) {
                            Some(v) => v,
                            None => reg!(src).clone(),
                        },
                        v => values::copy_value(v),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::Peek { dst, src } => {
                    let v = match &reg!(src) {
                        Value::Ref(_) => try_v!(place::read_ref_once(&reg!(src))),
                        Value::Cell(_) => match crate::builtins::auto_deref(&reg!(src)) {
                            Some(v) => v,
                            None => reg!(src).clone(),
                        },
                        v => v.clone(),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::StoreDeref { dst, src } => {
                    let v = std::mem::take(&mut reg_mut!(src));
                    match &reg!(dst) {
                        // `*b = x` for a `Box` of a scalar (Box is transparent).
                        Value::Int(..) | Value::Wide(..) | Value::Float(..) | Value::Bool(_) | Value::Char(_) | Value::Unit => reg_mut!(dst) = v,
                        _ => try_v!(place::write_ref(&reg!(dst), v)),
                    }
                }
                Instr::GetGlobal { dst, idx } => {
                    let Some(g) = prog.globals.get(idx as usize) else { panic_msg!("internal error: bad global".into()) };
                    let v = match g.cell.read() {
                        Ok(v) => values::copy_value(&v),
                        Err(_) => panic_msg!("already mutably borrowed: BorrowError".into()),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::TakeGlobal { dst, idx } => {
                    let Some(g) = prog.globals.get(idx as usize) else { panic_msg!("internal error: bad global".into()) };
                    let v = match g.cell.write() {
                        Ok(mut v) => take_value(&mut v),
                        Err(_) => panic_msg!("already borrowed: BorrowMutError".into()),
                    };
                    reg_mut!(dst) = v;
                }
                Instr::SetGlobal { idx, src } => {
                    let Some(g) = prog.globals.get(idx as usize) else { panic_msg!("internal error: bad global".into()) };
                    let v = std::mem::take(&mut reg_mut!(src));
                    match g.cell.write() {
                        Ok(mut c) => *c = v,
                        Err(_) => panic_msg!("already borrowed: BorrowMutError".into()),
                    }
                }
                Instr::RefGlobal { dst, idx } => {
                    let Some(g) = prog.globals.get(idx as usize) else { panic_msg!("internal error: bad global".into()) };
                    reg_mut!(dst) = Value::Ref(Arc::new(Place::Local(g.cell.clone())));
                }
                Instr::TestVariant { a, variant, target } => {
                    let ok = match &reg!(a) {
                        Value::Adt(h) => h.read().is_ok_and(|o| o.variant == variant as u32),
                        Value::Tag(_, v) => *v == variant as u32,
                        Value::SomeObj(_) => variant as u32 == crate::value::SOME_VARIANT,
                        v @ Value::Ref(_) => match place::read_ref(v) {
                            Ok(Value::Adt(h)) => h.read().is_ok_and(|o| o.variant == variant as u32),
                            Ok(Value::Tag(_, v)) => v == variant as u32,
                            Ok(Value::SomeObj(_)) => variant as u32 == crate::value::SOME_VARIANT,
                            _ => false,
                        },
                        _ => false,
                    };
                    if !ok {
                        pc = target as usize;
                    }
                }
                Instr::TestConst { a, k, target } => {
                    let c = proto.consts.get(k as usize).cloned().unwrap_or(Value::Unit);
                    if !values::eq(&reg!(a), &c) {
                        pc = target as usize;
                    }
                }
                Instr::TestLen { a, n, at_least, target } => {
                    let len = try_v!(super::access::seq_len(&reg!(a)));
                    let ok = if at_least { len >= n as usize } else { len == n as usize };
                    if !ok {
                        pc = target as usize;
                    }
                }
                Instr::GetElemEnd { dst, obj, from_end } => {
                    let len = try_v!(super::access::seq_len(&reg!(obj)));
                    let v = try_v!(super::access::get_elem(&reg!(obj), len.saturating_sub(1 + from_end as usize)));
                    reg_mut!(dst) = v;
                }
                Instr::SliceRest { dst, obj, start, from_end } => {
                    let v = try_v!(super::access::slice_rest(&reg!(obj), start as usize, from_end as usize));
                    reg_mut!(dst) = v;
                }
                Instr::Try { dst, src, target } => {
                    let v = try_v!(place::read_ref(&reg!(src)));
                    match super::access::try_split(prog, proto, &v) {
                        Ok((true, x)) => reg_mut!(dst) = x,
                        Ok((false, residual)) => {
                            reg_mut!(dst) = residual;
                            pc = target as usize;
                        }
                        Err(m) => panic_msg!(m),
                    }
                }
                Instr::Format { dst, fmt, args } => {
                    let Some(tpl) = proto.formats.get(fmt as usize) else { panic_msg!("internal error: bad format".into()) };
                    save_pc!();
                    let s = super::format::format_instr(fiber, cx, tpl, base + args as usize)?;
                    reg_mut!(dst) = Value::str(s);
                }
                Instr::Print { src, stream } => {
                    let v = reg!(src).clone();
                    save_pc!();
                    super::format::print(cx, &v, stream)?;
                }
                Instr::Panic { msg } => {
                    let m = match try_v!(place::read_ref(&reg!(msg))) {
                        Value::Str(s) => s.read().map(|s| s.clone()).unwrap_or_default(),
                        _ => String::from("explicit panic"),
                    };
                    panic_msg!(m);
                }
                Instr::Drop { reg } => {
                    // Re-executed after each user `drop` it starts (the register is then empty).
                    let v = std::mem::take(&mut reg_mut!(reg));
                    if !super::drop::trivial(&v) || !fiber.drops.is_empty() {
                        save_pc!();
                        if super::drop::drop_owner(fiber, cx, v, base + proto.num_regs as usize, (pc - 1) as u32)? {
                            continue 'frames;
                        }
                    }
                }
                Instr::DropTemps { lo, hi } => {
                    save_pc!();
                    let top = base + proto.num_regs as usize;
                    if super::drop::drop_temps(fiber, cx, base + lo as usize, base + hi as usize, top, (pc - 1) as u32)? {
                        continue 'frames;
                    }
                }
                Instr::Release { reg } => {
                    if let Value::Ref(_) = &reg!(reg) {
                        release_ref(&mut reg_mut!(reg));
                    }
                }
                Instr::ReleaseTemps { lo, hi } => {
                    // The `Release`s (done again when the instruction re-executes after user
                    // drops: their registers hold no guard any more), then `DropTemps`.
                    for reg in lo..hi {
                        if let Value::Ref(_) = &reg!(reg) {
                            release_ref(&mut reg_mut!(reg));
                        }
                    }
                    save_pc!();
                    let top = base + proto.num_regs as usize;
                    if super::drop::drop_temps(fiber, cx, base + lo as usize, base + hi as usize, top, (pc - 1) as u32)? {
                        continue 'frames;
                    }
                }
                Instr::Convert { dst, src, hint } => {
                    let v = reg!(src).clone();
                    let target = match prog.hint(hint as u32) {
                        Some(crate::types::Ty::Named(n, _)) => prog.type_ids.get(n.as_str()).copied(),
                        _ => None,
                    };
                    let from = target.and_then(|t| prog.from_impls.get(&(t, type_id_of(&v))).copied());
                    match from {
                        Some(f) => {
                            save_pc!();
                            let top = base + proto.num_regs as usize;
                            set_reg(fiber, top, v);
                            call::enter(fiber, prog, f, top, base + dst as usize, 0, RetKind::Normal, 1)?;
                            continue 'frames;
                        }
                        None => match prog.hint(hint as u32) {
                            Some(to) => {
                                let mut no_state = None;
                                let ncx = crate::builtins::NativeCx {
                                    stdout: &mut *cx.out,
                                    std: &prog.std,
                                    hint: Some(to),
                                    args: cx.args,
                                    host: cx.host,
                                    waker: cx.waker,
                                    state: &mut no_state,
                                };
                                match crate::builtins::collect::convert(&ncx, v, to) {
                                    Ok(c) => reg_mut!(dst) = c,
                                    Err(crate::builtins::NativeError::Panic(m)) => panic_msg!(m),
                                    Err(crate::builtins::NativeError::Exit(c)) => return Err(Fault::Exit(c)),
                                    Err(crate::builtins::NativeError::Block(_)) => {
                                        panic_msg!("internal error: a conversion blocked".into())
                                    }
                                }
                            }
                            None => reg_mut!(dst) = v,
                        },
                    }
                }
                Instr::ParamCall { dst, site, args, nargs } => {
                    save_pc!();
                    let Some(SiteKind::Method { sym, name }) = proto.sites.get(site as usize).map(|i| &i.kind) else {
                        panic_msg!("internal error: bad call site".into());
                    };
                    let name: &str = name;
                    let (param, method) = name.split_once("::").unwrap_or(("", name));
                    let (nb, ret) = (base + args as usize, base + dst as usize);
                    match call::param_call(fiber, cx, param, method, *sym, nb, nargs as usize, ret)? {
                        Some(v) => reg_mut!(dst) = v,
                        None => continue 'frames,
                    }
                }
                Instr::Error { msg } => {
                    let m = proto.names.get(msg as usize).cloned().unwrap_or_default();
                    panic_msg!(m);
                }
            }
        }
    }
}

/// `Deref`'s fast path (out of line, like the two below: inlined into `run`'s loop they cost
/// fib ~1.5% more instructions): the integer in
/// the object field `v` refers to (`Place::Field`: a `MutexGuard<i32>`, `&mut s.n`), as
/// `place::read_ref` reads it; `None` for anything else or a borrow conflict.
#[inline(never)]
fn int_in_field(v: &Value) -> Option<(i64, crate::value::IntTy)> {
    let Value::Ref(p) = v else { return None };
    let Place::Field(h, i) = &**p else { return None };
    let o = h.read().ok()?;
    match o.fields.get(*i as usize) {
        Some(&Value::Int(x, t)) => Some((x, t)),
        _ => None,
    }
}

/// `DerefAddI`'s fast path: add `imm` in place to the integer in the object field `v` refers
/// to (`Place::Field`: a `MutexGuard<i64>`, `&mut s.n`), under one write guard, as `Deref`,
/// `AddI` and `StoreDeref` do it on their fast paths. False, nothing changed, for anything
/// else, an overflow (`AddI`'s panic) or a borrow conflict.
#[inline(never)]
fn add_in_field(v: &Value, imm: i64) -> bool {
    let Value::Ref(p) = v else { return false };
    let Place::Field(h, i) = &**p else { return false };
    add_in_object_field(h, *i, imm)
}

/// `add_in_field` on field `i` of the object `h` (also `lock::lock_mutex_in_rc`'s add on a
/// mutex's content, `*c.lock().unwrap() += imm` made no guard).
#[inline]
pub fn add_in_object_field(h: &crate::heap::Heap<crate::value::AdtObj>, i: u32, imm: i64) -> bool {
    let Ok(mut o) = h.write() else { return false };
    match o.fields.get_mut(i as usize) {
        Some(Value::Int(x, t)) => match add_fast(*x, imm, *t) {
            Some(r) => {
                *x = r;
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// `Release` of a register holding a reference: the guard it may be is released (when it was
/// its last handle), and the register cleared.
#[inline(never)]
/// A by-value read of an owned place (`Take`, `TakeGlobal`): a `Copy` value is copied, anything
/// else moved out, leaving `Moved`. A closure that owns what it captured (`move`) is moved,
/// not copied.
fn take_value(slot: &mut Value) -> Value {
    if values::is_copy(slot) && !super::drop::owns_captures(slot) {
        values::copy_value(slot)
    } else {
        std::mem::replace(slot, Value::Moved)
    }
}

fn release_ref(slot: &mut Value) {
    crate::builtins::release_guard_in_place(slot);
}

/// `ReleaseTemps`'s fast path on the absolute registers `lo..hi`: every guard among them is
/// released (`release_ref`, as `Release` does), then true when the `DropTemps` is done too
/// (no drop work pending, and what is left is trivial, which `drop::sweep` leaves in place, or
/// `temps_done`'s case). False: the instruction's `DropTemps` part is `slow_step`'s (its
/// `Release`s find no guard left).
#[inline(never)]
fn release_temps(prog: &super::program::Program, walk: bool, fiber: &mut Fiber, lo: usize, hi: usize) -> bool {
    let pending = !fiber.drops.is_empty();
    let Some(temps) = fiber.stack.get_mut(lo..hi) else { return false };
    let mut quiet = true;
    for t in temps.iter_mut() {
        if let Value::Ref(_) = t {
            release_ref(t);
        } else if !super::drop::trivial(t) {
            quiet = false;
        }
    }
    !pending && (quiet || temps_done(prog, walk, Some(temps)))
}

/// `StoreDeref`'s fast path: write the integer into the object field `target` refers to
/// when that field holds an integer (what `place::write_ref` does then). False, and nothing
/// written, for anything else or a borrow conflict.
#[inline(never)]
fn store_int_in_field(target: &Value, x: i64, t: crate::value::IntTy) -> bool {
    let Value::Ref(p) = target else { return false };
    let Place::Field(h, i) = &**p else { return false };
    let Ok(mut o) = h.write() else { return false };
    match o.fields.get_mut(*i as usize) {
        Some(Value::Int(y, yt)) => {
            *y = x;
            *yt = t;
            true
        }
        _ => false,
    }
}

/// `DropTemps`'s fast path (with no drop work pending): true when the temporaries are done
/// with, as `drop::sweep` leaves them. With drop walking (`walk`), when no user code can run
/// (`drop::temps_quick`: trivial values, handles that are not the last, last handles of
/// objects holding only trivial values and guards; false leaves the rest untouched). Without it,
/// sweep only clears the registers that hold anything else, last created first, so that
/// what a temporary held last runs its Rust `Drop` (a channel end disconnects): done here
/// the same way, in place.
#[inline(never)]
fn temps_done(prog: &super::program::Program, walk: bool, temps: Option<&mut [Value]>) -> bool {
    let Some(temps) = temps else { return false };
    // Trivial values only (`i += 1;`): nothing to do in either case.
    if temps.iter().all(super::drop::trivial) {
        return true;
    }
    if walk {
        return super::drop::temps_quick(prog, temps);
    }
    for t in temps.iter_mut().rev() {
        if !super::drop::trivial(t) {
            *t = Value::Unit;
        }
    }
    true
}

/// The `Ret` fast path in a program that walks drops: true when `drop::drop_frame` would do
/// nothing for the returning frame (registers `base..base+num_regs`, result register `src`):
/// no drop work pending, every register but the result's `drop::trivial` (its sweep pushes
/// work only for the others, and clears a guard reference). The return then only clears them,
/// as the fast path does. A `clean` frame holds only scalars.
#[inline(never)]
fn frame_trivial(fiber: &Fiber, clean: bool, base: usize, num_regs: u32, src: u16) -> bool {
    if !fiber.drops.is_empty() {
        return false;
    }
    if clean {
        return true;
    }
    let Some(regs) = fiber.stack.get(base..base + num_regs as usize) else { return false };
    regs.iter().enumerate().all(|(i, r)| i == src as usize || super::drop::trivial(r))
}

/// A value no register release needs to clear (no heap handle but `Wide`'s, which dies
/// when its register is next written). An inline enum `Tag` is one too, and like a scalar it
/// is passed to a `&mut self` method as the `Ref` it was reached through.
#[inline]
pub(super) fn is_scalar(v: &Value) -> bool {
    matches!(v, Value::Int(..) | Value::Wide(..) | Value::Float(..) | Value::Bool(_) | Value::Char(_) | Value::Unit | Value::Tag(..))
}

/// Does a constructor of `def` with `nfields` fields build an inline `Tag` (a field-less
/// variant of an enum) rather than an object? Not in programs that track drops: `drop.rs`
/// finds the values to drop among objects.
#[inline]
pub(super) fn inline_tag(prog: &super::program::Program, def: &crate::value::AdtDef, nfields: u32) -> bool {
    nfields == 0 && def.is_enum && !prog.needs_drop_walk
}

/// The definition whose `Some` of an object (of a non-`Copy` type) `MakeAdt` holds inline
/// (`Value::SomeObj`), or null: the program's `Option` (`value::inline_some_ptr`), in programs
/// that do not track drops (as `inline_tag`).
pub(super) fn inline_some(prog: &super::program::Program) -> *const crate::value::AdtDef {
    if prog.needs_drop_walk {
        std::ptr::null()
    } else {
        crate::value::inline_some_ptr(&prog.std.option)
    }
}

#[inline]
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Ref(_) => matches!(place::read_ref(v), Ok(Value::Bool(true))),
        _ => false,
    }
}

// `ops::fast_add`, `fast_sub`, `fast_arith` for the inner loop, with `i64` and `isize` (the
// common case) tested first: their fast range is all of `i64`, so with the type a constant
// the range test folds away and the overflow check is the whole test (the general test looks
// up the type's range in two tables). Exactly the `ops` functions' results. (Three small
// copies, not one function taking the operation as a closure: that measured 5% more
// instructions per call on fib and per iteration on int_loop.)
#[inline(always)]
fn add_fast(x: i64, y: i64, t: crate::value::IntTy) -> Option<i64> {
    if is_i64_like(t) {
        ops::fast_add(x, y, crate::value::IntTy::I64)
    } else {
        ops::fast_add(x, y, t)
    }
}
#[inline(always)]
fn sub_fast(x: i64, y: i64, t: crate::value::IntTy) -> Option<i64> {
    if is_i64_like(t) {
        ops::fast_sub(x, y, crate::value::IntTy::I64)
    } else {
        ops::fast_sub(x, y, t)
    }
}
#[inline(always)]
fn arith_fast(op: BinKind, x: i64, y: i64, t: crate::value::IntTy) -> Option<i64> {
    if is_i64_like(t) {
        ops::fast_arith(op, x, y, crate::value::IntTy::I64)
    } else {
        ops::fast_arith(op, x, y, t)
    }
}
/// `i64` or `isize`: the types whose fast range (`ops`) is `i64`'s.
#[inline(always)]
fn is_i64_like(t: crate::value::IntTy) -> bool {
    matches!(t, crate::value::IntTy::I64 | crate::value::IntTy::Isize)
}

/// Write the integer `r` of type `t` into `slot` when it holds a scalar (field by field over
/// an integer, as `put_int` does: no drop, nothing to free) and say so; a heap value is left
/// for the caller's general path, which drops it. For the fused instructions (`SubICall`,
/// `AddRet`), which go on to their second half only after the write.
#[inline(always)]
fn write_int_over_scalar(slot: &mut Value, r: i64, t: crate::value::IntTy) -> bool {
    if let Value::Int(sx, st) = slot {
        *sx = r;
        *st = t;
        return true;
    }
    overwrite_scalar(slot, Value::Int(r, t))
}

/// The fast path of `GetFieldMatch { dst, obj, name }` at `pc` of `code` (see the
/// instruction's doc): the next `pc`, or `usize::MAX` having done nothing (`slow_step` runs
/// it: not an object, a cold field cache, a borrow conflict).
///
/// # Safety
/// `regs` points at the running frame's registers, in which every register operand of `code`
/// (`dst`, `obj`, the `GetElem`'s destination) is in bounds (`run`'s `reg!` argument).
#[inline(never)]
unsafe fn get_field_match(proto: &FuncProto, code: &[Instr], pc: usize, regs: *mut Value, dst: u16, obj: u16, name: u16) -> usize {
    // SAFETY (every register access below): in bounds (the caller's contract); each
    // reference is used before any other access to the same register.
    macro_rules! reg_mut {
        ($r:expr) => {
            *unsafe { &mut *regs.add($r as usize) }
        };
    }
    let Value::Adt(h) = &reg_mut!(obj) else { return usize::MAX };
    // The field's value, in pieces (a handle, a tag's parts: kept in machine registers and
    // written straight into the registers by `put!`, not built as a `Value` in memory and
    // copied, which stalled the store forwarding); one handle count for an inline `Some`.
    // Read under the object's lock, released before any register is written (`dst` may be
    // `obj`).
    enum Got {
        Some(Heap<AdtObj>),
        Tag(DefRef, u32),
        Other(Value),
    }
    let got = match h.read() {
        Ok(o) => match super::access::cached_field(proto, &o, name).and_then(|i| o.fields.get(i)) {
            Some(Value::SomeObj(p)) => Got::Some(p.clone()),
            Some(&Value::Tag(d, v)) => Got::Tag(d, v),
            Some(f) => Got::Other(f.clone()),
            None => return usize::MAX,
        },
        Err(_) => return usize::MAX,
    };
    // (The `TestVariant` and `GetElem` after it: the peephole pass placed it so; a jump to
    // them runs them alone.)
    let next = match (code.get(pc + 1), code.get(pc + 2)) {
        (Some(&Instr::TestVariant { variant, target, .. }), Some(&Instr::GetElem { dst: d, .. })) => Some((variant as u32, target as usize, d)),
        _ => None,
    };
    match (got, next) {
        (Got::Some(p), Some((variant, _, d))) if variant == crate::value::SOME_VARIANT => {
            put!(&mut reg_mut!(dst), Value::Unit);
            put!(&mut reg_mut!(d), Value::Adt(p));
            pc + 3
        }
        (Got::Some(p), _) => {
            put!(&mut reg_mut!(dst), Value::SomeObj(p));
            pc + 1
        }
        (Got::Tag(def, tv), next) => {
            put!(&mut reg_mut!(dst), Value::Tag(def, tv));
            match next {
                None => pc + 1,
                Some((variant, _, _)) if tv == variant => pc + 2,
                // The next arm's test of the same register (`None => ..`), answered here too.
                Some((_, target, _)) => match code.get(target) {
                    Some(&Instr::TestVariant { a, variant: v2, target: t2 }) if a == dst => {
                        if tv == v2 as u32 {
                            target + 1
                        } else {
                            t2 as usize
                        }
                    }
                    _ => target,
                },
            }
        }
        (Got::Other(v), _) => {
            put!(&mut reg_mut!(dst), v);
            pc + 1
        }
    }
}

/// Drops the value in `slot`, leaving `Unit` (`put!`'s out-of-line part).
#[cold]
#[inline(never)]
fn clear(slot: &mut Value) {
    *slot = Value::Unit;
}

/// `*slot = v`, out of the inner loop's line: its fast paths test for the value they write
/// over most often (an integer over an integer) inline, and come here for everything else.
/// An old `Some` of a plain value whose last handle this was becomes the thread's spare
/// (`util::keep_spare_some`, as `call::put` does).
#[cold]
#[inline(never)]
fn overwrite(slot: &mut Value, v: Value) {
    if let Value::Adt(h) = std::mem::replace(slot, v) {
        if let Err(h) = crate::builtins::util::keep_spare_some(h) {
            drop(h);
        }
    }
}

/// `*slot = v` when `slot` holds a scalar that is not a `Wide` (nothing to drop), else false
/// (nothing done: the caller's general path drops the old value). Out of line as `overwrite`.
#[cold]
#[inline(never)]
fn overwrite_scalar(slot: &mut Value, v: Value) -> bool {
    if matches!(slot, Value::Unit | Value::Bool(_) | Value::Int(..) | Value::Float(..) | Value::Char(_)) {
        *slot = v;
        true
    } else {
        false
    }
}

/// Put `v` in absolute register `i`, growing the stack.
pub fn set_reg(fiber: &mut Fiber, i: usize, v: Value) {
    if fiber.stack.len() <= i {
        fiber.stack.resize(i + 1, Value::Unit);
    }
    fiber.stack[i] = v;
}

fn take_range(fiber: &mut Fiber, start: usize, n: usize) -> Vec<Value> {
    let end = (start + n).min(fiber.stack.len());
    let start = start.min(end);
    fiber.stack[start..end].iter_mut().map(std::mem::take).collect()
}

fn take_range_clone(fiber: &mut Fiber, start: usize, n: usize) -> Vec<Value> {
    let end = (start + n).min(fiber.stack.len());
    let start = start.min(end);
    fiber.stack[start..end].to_vec()
}

/// Pop the top frame, delivering `v`. `Some(v)` when the run ends (a `Stop` frame).
#[inline]
fn do_return(fiber: &mut Fiber, cx: &mut Ctx<'_>, v: Value) -> Result<Option<Value>, Fault> {
    let Some(fr) = fiber.frames.pop() else { return Ok(Some(v)) };
    // Release what the callee's registers hold.
    let n = cx.prog.funcs.get(fr.func as usize).map_or(0, |f| f.num_regs as usize);
    let lo = (fr.base as usize).min(fiber.stack.len());
    let hi = (lo + n).min(fiber.stack.len());
    for r in &mut fiber.stack[lo..hi] {
        if !matches!(r, Value::Unit | Value::Int(..) | Value::Bool(_) | Value::Float(..) | Value::Char(_)) {
            *r = Value::Unit;
        }
    }
    if fr.kind == RetKind::Normal {
        if let Some(slot) = fiber.stack.get_mut(fr.ret as usize) {
            *slot = v;
            return Ok(None);
        }
    }
    match fr.kind {
        RetKind::Stop => Ok(Some(v)),
        RetKind::Discard => Ok(None),
        RetKind::ReExec => {
            fiber.resume = Some(v);
            Ok(None)
        }
        kind => {
            let v = call::convert_ret(kind, v);
            set_reg(fiber, fr.ret as usize, v);
            Ok(None)
        }
    }
}

/// Call a user operator method (`add`, `eq`, `partial_cmp`...) for `a op b`, result to `ret`.
fn operator_call(
    fiber: &mut Fiber,
    cx: &mut Ctx<'_>,
    num_regs: u32,
    op: BinKind,
    a: Value,
    b: Value,
    ret: usize,
) -> Result<(), Fault> {
    let prog = cx.prog;
    let a_d = place::read_ref(&a).map_err(|e| Fault::Panic(e.0))?;
    let sym = prog.symbols.get(op.method());
    let f = sym.and_then(|s| prog.find_method(type_id_of(&a_d), s));
    let Some(f) = f else {
        // No user impl: std objects' arithmetic (`Duration + Duration`), then structural
        // semantics for comparisons (std objects such as `ErrorKind` by the natives' equality).
        let native_op = match op {
            BinKind::Add => Some('+'),
            BinKind::Sub => Some('-'),
            BinKind::Mul => Some('*'),
            BinKind::Div => Some('/'),
            _ => None,
        };
        if let Some(c) = native_op {
            let b_d = place::read_ref(&b).map_err(|e| Fault::Panic(e.0))?;
            let mut no_state = None;
            let mut ncx = crate::builtins::NativeCx {
                stdout: &mut *cx.out,
                std: &prog.std,
                hint: None,
                args: cx.args,
                host: cx.host,
                waker: cx.waker,
                state: &mut no_state,
            };
            match crate::builtins::native_binop(&mut ncx, c, &a_d, &b_d) {
                Some(Ok(v)) => {
                    set_reg(fiber, ret, v);
                    return Ok(());
                }
                Some(Err(e)) => return call::native_result(fiber, Err(e)).map(|_| ()),
                None => {}
            }
        }
        let eq = |a: &Value, b: &Value| values::eq(a, b) || crate::builtins::eq_values(a, b);
        let v = match op {
            BinKind::Eq => Value::Bool(eq(&a, &b)),
            BinKind::Ne => Value::Bool(!eq(&a, &b)),
            _ if op.is_cmp() => Value::Bool(
                values::cmp(&a, &b)
                    .or_else(|| crate::builtins::partial_cmp_values(&a, &b))
                    .is_some_and(|o| ops::cmp_holds(op, o)),
            ),
            _ => {
                return Err(Fault::Panic(format!(
                    "cannot apply `{}` to {} and {}",
                    op.symbol(),
                    values::kind_name(&a_d),
                    values::kind_name(&b)
                )))
            }
        };
        set_reg(fiber, ret, v);
        return Ok(());
    };
    let kind = match op {
        BinKind::Ne => RetKind::Not,
        BinKind::Lt => RetKind::CmpLt,
        BinKind::Le => RetKind::CmpLe,
        BinKind::Gt => RetKind::CmpGt,
        BinKind::Ge => RetKind::CmpGe,
        _ => RetKind::Normal,
    };
    let top = fiber.frames.last().map_or(0, |f| f.base as usize) + num_regs as usize;
    set_reg(fiber, top, a_d);
    set_reg(fiber, top + 1, b);
    call::enter(fiber, prog, f, top, ret, 0, kind, 2)
}

/// A compare-and-branch whose operands need a user operator: compute the comparison into
/// `resume` (ReExec) and run the branch instruction again, which then finds the answer.
fn return_to_branch(fiber: &mut Fiber, cx: &mut Ctx<'_>, num_regs: u32, op: BinKind, a: Value, b: Value) -> Result<(), Fault> {
    // Evaluate synchronously through a nested run: branches on user comparisons are rare.
    let top = fiber.frames.last().map_or(0, |f| f.base as usize) + num_regs as usize;
    let depth = fiber.frames.len();
    operator_call(fiber, cx, num_regs, op, a, b, top)?;
    if fiber.frames.len() > depth {
        if let Some(f) = fiber.frames.last_mut() {
            f.kind = match f.kind {
                RetKind::Normal => RetKind::Stop,
                k => k,
            };
        }
        let stop_kind = fiber.frames.last().map(|f| f.kind);
        let v = match stop_kind {
            Some(RetKind::Stop) => run(fiber, cx)?,
            _ => {
                // Not/Cmp kinds: run nested with a Stop wrapper.
                let kind = stop_kind.unwrap_or(RetKind::Normal);
                if let Some(f) = fiber.frames.last_mut() {
                    f.kind = RetKind::Stop;
                }
                call::convert_ret(kind, run(fiber, cx)?)
            }
        };
        fiber.resume = None;
        set_reg(fiber, top, v);
    }
    let v = fiber.stack.get(top).cloned().unwrap_or(Value::Unit);
    // Execute the branch: the caller re-runs the instruction with the answer in place of
    // the operands; simplest is to rewrite nothing and let the next dispatch see a Bool.
    let frame = fiber.frames.last_mut().ok_or(Fault::Panic("internal error: no frame".into()))?;
    let holds = truthy(&v);
    // Skip the branch instruction ourselves.
    let proto = cx.prog.funcs.get(frame.func as usize).ok_or(Fault::Panic("internal error".into()))?;
    if let Some(Instr::JumpIfNot2 { target, .. } | Instr::JumpIfNotK { target, .. }) = proto.code.get(frame.pc as usize) {
        frame.pc = if holds { frame.pc + 1 } else { *target as u32 };
    }
    Ok(())
}
