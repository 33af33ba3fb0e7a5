//! Drop glue: what happens when a value dies (scope end, reassignment, `drop(x)`, the end of
//! a statement for its temporaries, and unwinding after a panic).
//!
//! Only programs that need it pay for it (`Program::needs_drop_walk`: the program has a user
//! `Drop` impl or uses `Rc`/`RefCell`; the compiler emits no drop instructions otherwise).
//! A program that tracks drops only for its channels (`Program::drops_clear_only`) walks only
//! what an owner's death drops (`Drop`); temporaries and a returning frame's registers are
//! just cleared (`Program::walks_drops`): nothing in them needs more than its Rust `Drop` (a
//! channel end disconnects when its last handle goes), and a temporary is dropped only when
//! it was the last handle anyway.
//!
//! Ownership. Values are shared handles, so "who owns this" is decided in two ways:
//! - an *owner* dies (an owned local at scope end, `drop(x)`, a reassigned local, the content
//!   of an `Rc` whose last strong pointer went): its value is dropped whatever other handles
//!   exist (a stale register may still alias it);
//! - a *part* dies (an element of a dying vector, a field of a dying struct, a temporary at
//!   the end of its statement): it is dropped only when the dying container held the last
//!   handle; otherwise it is borrowed from (or was moved to) someone else who drops it.
//!   `Rc`/`Weak` pointers are always owners: their clones share one handle.
//!
//! A user struct or enum with `impl Drop` gets its `drop(&mut self)` called first, then its
//! fields are dropped in declaration order; vectors, tuples and collections drop their
//! elements in order; an `Rc` decrements its strong count and drops its content at zero; a
//! `RefCell` borrow guard releases its borrow. A value whose `drop` already ran is marked (its
//! field list no longer has the variant's length) and never dropped twice.
//!
//! Stackless: the pending work is a stack in the fiber (`Fiber::drops`), each item tagged with
//! the frame depth that owns it. When a user `drop` must run, `drain` returns it; the
//! dispatch loop pushes it as a frame (`RetKind::Discard`) and re-executes the drop
//! instruction afterwards, which continues with the rest of the work of its depth.

use super::call;
use super::fiber::{Fiber, RetKind};
use super::{Ctx, Fault};
use crate::heap::Heap;
use crate::value::{AdtObj, CellObj, Collection, Value};

/// One piece of pending drop work.
#[derive(Debug)]
pub enum Work {
    /// The value's owner died: drop it.
    Owner(Value),
    /// A part of a dying value: drop it if that was its last handle.
    Part(Value),
    /// A temporary, a part of one, or a value captured by a dying closure: drop it if nobody
    /// else holds it at all (such a value may alias an owner's, even an `Rc` pointer).
    Loose(Value),
    /// The user `drop` of this object returned: drop its fields now (loosely or not).
    Fields(Heap<AdtObj>, bool),
}

/// A user `drop` to run: the function and its `self`.
pub type PendingCall = (u32, Value);

/// Values that need no drop glue.
#[inline]
pub fn trivial(v: &Value) -> bool {
    matches!(v, Value::Unit | Value::Moved | Value::Int(..) | Value::Wide(..) | Value::Bool(_) | Value::Float(..) | Value::Char(_) | Value::Str(_) | Value::Range(_))
}

/// Does this object still have its fields (its `drop` has not run)?
fn alive(o: &AdtObj) -> bool {
    o.def.variants.get(o.variant as usize).map_or(o.fields.len(), |v| v.fields.len()) == o.fields.len()
}

/// Take the fields of a dying object and mark it dropped.
fn take_fields(o: &mut AdtObj) -> Vec<Value> {
    let n = o.def.variants.get(o.variant as usize).map_or(0, |v| v.fields.len());
    let fields = std::mem::take(&mut o.fields).into_vec();
    if n == 0 {
        // A field-less object is marked by a placeholder field.
        o.fields.push(Value::Moved);
    }
    fields
}

/// Push the parts of a container, so that they are dropped first to last.
fn push_parts(fiber: &mut Fiber, depth: u32, parts: Vec<Value>, loose: bool) {
    for p in parts.into_iter().rev() {
        if !trivial(&p) {
            fiber.drops.push((depth, if loose { Work::Loose(p) } else { Work::Part(p) }));
        }
    }
}

/// Handles that share one object count each other as owners: `Rc`/`Weak` always drop.
fn is_last_handle(v: &Value) -> bool {
    match v {
        Value::Adt(h) | Value::SomeObj(h) => h.handle_count() == 1,
        Value::Vec(h) => h.handle_count() == 1,
        Value::Tuple(h) => h.handle_count() == 1,
        Value::Coll(h) => h.handle_count() == 1,
        Value::Cell(h) => {
            matches!(h.read().as_deref(), Ok(CellObj::Rc { .. } | CellObj::Weak { .. })) || h.handle_count() == 1
        }
        Value::Func(f) => std::sync::Arc::strong_count(f) == 1,
        Value::Iter(h) => h.handle_count() == 1,
        _ => true,
    }
}

/// A closure holding the only handle of a captured non-Copy value (moved into it): reading
/// it by value moves it (it is not `Copy`), so that exactly one owner drops the capture.
pub fn owns_captures(v: &Value) -> bool {
    match v {
        Value::Func(f) => match &**f {
            crate::value::Callable::Closure { captures, .. } => captures.iter().any(|c| {
                !trivial(c) && !super::values::is_copy(c) && sole_handle(c) && !super::values::is_own_copy_state(c)
            }),
            _ => false,
        },
        _ => false,
    }
}

/// Is this register the only holder of the value (a temporary nobody took)?
fn sole_handle(v: &Value) -> bool {
    match v {
        Value::Cell(h) => h.handle_count() == 1,
        _ => is_last_handle(v),
    }
}

/// A guard's owner died (a parameter at its function's end, a binding that moved it out of a
/// closure's capture, `drop(g)`, unwinding): a std lock guard unlocks, and a `Once`'s
/// initialisation guard finishes, whatever stale copies other registers or a dying closure
/// still hold; a `RefCell` borrow ends too (`cell::rehandle` retires the old handle, so a
/// stale copy's death later ends nothing). Async lock guards are released through this
/// handle as before, when it is their last.
fn release_owned_guard(v: Value) {
    use crate::builtins::sync::{core_of, CoreRefOwned};
    if let Value::Ref(p) = &v {
        if let crate::value::Place::Field(store, 0) = &**p {
            if let Some(CoreRefOwned::Once(o)) = core_of(store) {
                o.release(crate::runtime::panicking());
                return;
            }
        }
    }
    let fresh = crate::builtins::rehandle_guard(&v);
    let moved = matches!((&fresh, &v), (Value::Ref(a), Value::Ref(b)) if !std::sync::Arc::ptr_eq(a, b));
    if moved {
        drop(v);
        crate::builtins::release_guard(&fresh);
    } else {
        drop(fresh);
        crate::builtins::release_guard(&v);
    }
}

/// The content of a box held by nothing but the dying closure that captured it (a `move`
/// closure that assigns its capture has such a box of its own), taken out of the box.
fn own_box_content(c: &Value) -> Option<Value> {
    match c {
        Value::Ref(p) if std::sync::Arc::strong_count(p) == 1 => match &**p {
            crate::value::Place::Local(h) if h.handle_count() == 1 => h.write().ok().map(|mut v| std::mem::replace(&mut *v, Value::Unit)),
            _ => None,
        },
        _ => None,
    }
}

/// A std sync guard (a lock's or a `Once`'s), wherever it is kept.
/// A guard of a std lock (or `Once`) or of a tokio lock.
fn is_sync_guard(v: &Value) -> bool {
    match v {
        Value::Ref(p) => {
            matches!(&**p, crate::value::Place::Field(store, 0) if crate::builtins::sync::core_of(store).is_some())
                || crate::builtins::async_sync::is_guard(v)
        }
        _ => false,
    }
}

/// `Some(x)` held inline (`Value::SomeObj`: built before this program tracked drops, in a
/// REPL session that adds a `Drop` impl later) dies as its payload would inside a `Some`
/// object: the object's one field is `x`, and the inline form shares `x`'s handle, so an
/// owner's death drops `x` and a part's or a temporary's death drops it when that handle
/// was the last.
fn inline_some_as_payload(w: Work) -> Work {
    match w {
        Work::Owner(Value::SomeObj(h)) => Work::Owner(Value::Adt(h)),
        Work::Part(Value::SomeObj(h)) => Work::Part(Value::Adt(h)),
        Work::Loose(Value::SomeObj(h)) => Work::Loose(Value::Adt(h)),
        w => w,
    }
}

/// Run the pending work of frame depth `depth` until it is done (`None`) or a user `drop`
/// must run (`Some`: the caller pushes it as a frame and calls `drain` again afterwards).
pub fn drain(fiber: &mut Fiber, cx: &Ctx<'_>, depth: u32) -> Result<Option<PendingCall>, Fault> {
    while matches!(fiber.drops.last(), Some((d, _)) if *d == depth) {
        let Some((_, w)) = fiber.drops.pop() else { break };
        let (v, loose) = match inline_some_as_payload(w) {
            Work::Owner(v @ Value::Ref(_)) => {
                release_owned_guard(v);
                continue;
            }
            Work::Owner(v) => (v, false),
            Work::Part(v) => {
                if !is_last_handle(&v) {
                    continue;
                }
                (v, false)
            }
            Work::Loose(v) => {
                if !sole_handle(&v) {
                    continue;
                }
                (v, true)
            }
            Work::Fields(h, loose) => {
                let fields = h.write().map(|mut o| take_fields(&mut o)).unwrap_or_default();
                push_parts(fiber, depth, fields, loose);
                continue;
            }
        };
        match &v {
            Value::Adt(h) => {
                // One read for the three questions: dropped already? its type? anything
                // inside that needs dropping? (A `Result`/`Option` temporary around a scalar,
                // the common case, is then let go without a write.)
                let (live, tid, plain) = match h.read() {
                    Ok(o) => (alive(&o), o.def.type_id, o.fields.iter().all(trivial)),
                    Err(_) => (false, 0, true),
                };
                if !live {
                    continue;
                }
                if let Some(&f) = cx.prog.drops.get(&tid) {
                    fiber.drops.push((depth, Work::Fields(h.clone(), loose)));
                    return Ok(Some((f, v)));
                }
                if plain {
                    // No `Drop` impl and no field to drop: marking it dropped changes nothing.
                    continue;
                }
                let fields = h.write().map(|mut o| take_fields(&mut o)).unwrap_or_default();
                push_parts(fiber, depth, fields, loose);
            }
            Value::Vec(h) => {
                let items = h.write().map(|mut o| std::mem::take(&mut o.items)).unwrap_or_default();
                push_parts(fiber, depth, items, loose);
            }
            Value::Tuple(h) => {
                let items = h.write().map(|mut o| std::mem::take(&mut *o)).unwrap_or_default();
                push_parts(fiber, depth, items, loose);
            }
            Value::Coll(h) => {
                let items: Vec<Value> = match h.write() {
                    Ok(mut g) => match &mut *g {
                        Collection::HashMap(m) => std::mem::take(m).into_iter().flat_map(|(k, v)| [k.0, v]).collect(),
                        Collection::BTreeMap(m) => std::mem::take(m).into_iter().flat_map(|(k, v)| [k.0, v]).collect(),
                        Collection::VecDeque(d) => std::mem::take(d).into_iter().collect(),
                        Collection::BinaryHeap(d) => std::mem::take(d),
                        Collection::HashSet(s) => std::mem::take(s).into_iter().map(|k| k.0).collect(),
                        Collection::BTreeSet(s) => std::mem::take(s).into_iter().map(|k| k.0).collect(),
                        Collection::Ordered(o) => o.take_all(),
                    },
                    Err(_) => Vec::new(),
                };
                push_parts(fiber, depth, items, loose);
            }
            Value::Cell(h) => {
                let counted = matches!(h.read().as_deref(), Ok(CellObj::Rc { .. } | CellObj::Weak { .. }));
                if counted {
                    if let Some(content) = crate::builtins::rc_release(h) {
                        if !trivial(&content) {
                            fiber.drops.push((depth, Work::Owner(content)));
                        }
                    }
                } else {
                    let inner = match h.write().as_deref_mut() {
                        Ok(CellObj::Cell(x)) => std::mem::take(x),
                        Ok(CellObj::RefCell { value, .. }) => std::mem::take(value),
                        _ => Value::Unit,
                    };
                    push_parts(fiber, depth, vec![inner], loose);
                }
            }
            Value::Iter(h) => {
                // A dying iterator that consumed its collection drops what it still holds (and
                // what it yielded to code that let it go). Not `Rc`s: the yielded clones share
                // one handle with the ones it still holds, so they cannot be told apart.
                let items: Vec<Value> = match h.write().as_deref_mut() {
                    Ok(crate::value::NativeIter::Vec { vec, by_mut: false, .. }) if vec.handle_count() == 1 => {
                        vec.write().map(|mut o| std::mem::take(&mut o.items)).unwrap_or_default()
                    }
                    Ok(crate::value::NativeIter::Items { items }) => std::mem::take(items).into_iter().collect(),
                    _ => Vec::new(),
                };
                let items = items.into_iter().filter(|x| !matches!(x, Value::Cell(_))).collect();
                push_parts(fiber, depth, items, true);
            }
            Value::Func(_) => {
                drop_closure(fiber, cx, depth, v, loose);
                continue;
            }
            Value::Ref(_) => crate::builtins::release_guard(&v),
            Value::Native(n) if std::sync::Arc::strong_count(n) == 1 => {
                // A TERAS future never polled (`async move { .. }` not awaited, a task
                // cancelled before it started): its body closure dies with it, and with the
                // closure what the block captured.
                if let Some(body) = crate::builtins::async_task::take_async_body(&v) {
                    fiber.drops.push((depth, Work::Loose(body)));
                } else if let Some(content) = crate::builtins::take_lock_content(&v) {
                    // A `Mutex`/`RwLock` dies with what it holds.
                    push_parts(fiber, depth, vec![content], loose);
                }
            }
            _ => {}
        }
    }
    Ok(None)
}

/// A dying closure. Its owned captures (`FuncProto::owned_captures`: moved in by their
/// owner) are dropped as owners when it was not consumed already (`released`) and either
/// this was its last handle or it died as an owner (a `drop(f)`, a scope end: a stale copy
/// in another register does not keep an `Arc` it owns alive). Its other captures die with
/// its last handle, loosely (they may alias values their owners still hold). Last capture
/// first, as the `Loose` walk always did.
fn drop_closure(fiber: &mut Fiber, cx: &Ctx<'_>, depth: u32, v: Value, loose: bool) {
    let Value::Func(mut f) = v else { return };
    let last = std::sync::Arc::strong_count(&f) == 1;
    let (owned, release) = match &*f {
        crate::value::Callable::Closure { func, released, .. } => {
            let owned = cx.prog.funcs.get(*func as usize).map_or(0, |p| p.owned_captures);
            // AcqRel pairs with the same swap in `call::call_callable` and `own_consumed`:
            // exactly one of them hands the owned captures on.
            (owned, owned != 0 && (last || !loose) && !released.swap(true, std::sync::atomic::Ordering::AcqRel))
        }
        _ => return,
    };
    if !last && !release {
        return;
    }
    let captures = match std::sync::Arc::get_mut(&mut f) {
        Some(crate::value::Callable::Closure { captures, .. }) => std::mem::take(captures),
        _ => match &*f {
            crate::value::Callable::Closure { captures, .. } => captures.clone(),
            _ => return,
        },
    };
    drop(f);
    for (i, c) in captures.into_iter().enumerate().rev() {
        if trivial(&c) {
            continue;
        }
        if i < 64 && owned & (1 << i) != 0 {
            if release {
                fiber.drops.push((depth, Work::Owner(c)));
            }
        } else if last {
            // A `move` closure's own box (only the closure holds it): what it holds now
            // (maybe assigned by the closure) dies with the closure.
            let c = own_box_content(&c).unwrap_or(c);
            fiber.drops.push((depth, Work::Loose(c)));
        }
    }
}

/// Does a call of the closure `proto` with these captures consume it (`FnOnce`)? When its body
/// moves out an owned capture (`FuncProto::moved_captures`) that is not `Copy`.
pub fn consumed_by_call(proto: &super::bytecode::FuncProto, captures: &[Value]) -> bool {
    let m = proto.moved_captures & proto.owned_captures;
    if m == 0 {
        return false;
    }
    captures.iter().enumerate().take(64).any(|(i, c)| m & (1 << i) != 0 && !trivial(c) && !super::values::is_copy(c))
}

/// The closure `f` was consumed by the call that pushed frame `index` (a thread's or task's
/// start, an `FnOnce`-bound call: `Instr::CallOnce`): that frame owns its owned captures
/// (`Frame::owns`), unless they were handed on already.
pub fn own_consumed(fiber: &mut Fiber, cx: &Ctx<'_>, f: &Value, index: usize) {
    let Value::Func(c) = f else { return };
    let crate::value::Callable::Closure { func, released, .. } = &**c else { return };
    let owned = cx.prog.funcs.get(*func as usize).map_or(0, |p| p.owned_captures);
    // AcqRel pairs with the same swap in `call::call_callable` and `drop_closure`.
    if owned != 0 && !released.swap(true, std::sync::atomic::Ordering::AcqRel) {
        if let Some(fr) = fiber.frames.get_mut(index) {
            fr.owns = true;
        }
    }
}

/// The absolute registers of frame `index`'s owned captures, when that frame owns them
/// (`Frame::owns`).
fn owned_capture_regs(fiber: &Fiber, cx: &Ctx<'_>, index: usize) -> Vec<usize> {
    let Some(fr) = fiber.frames.get(index) else { return Vec::new() };
    if !fr.owns {
        return Vec::new();
    }
    let Some(proto) = cx.prog.funcs.get(fr.func as usize) else { return Vec::new() };
    let base = fr.base as usize + proto.arity as usize;
    (0..proto.ncaptures.min(64) as usize).filter(|i| proto.owned_captures & (1 << i) != 0).map(|i| base + i).collect()
}

/// Continue the drop work of the current frame; when a user `drop` must run, push its frame
/// and make the current frame re-execute its instruction at `at` afterwards. True when a frame
/// was pushed (the dispatch loop must switch frames).
fn step(fiber: &mut Fiber, cx: &Ctx<'_>, top: usize, at: u32) -> Result<bool, Fault> {
    let depth = fiber.frames.len() as u32;
    match drain(fiber, cx, depth)? {
        None => Ok(false),
        Some((f, this)) => {
            if let Some(fr) = fiber.frames.last_mut() {
                fr.pc = at;
            }
            super::dispatch::set_reg(fiber, top, this);
            call::enter(fiber, cx.prog, f, top, top, 0, RetKind::Discard, 1)?;
            Ok(true)
        }
    }
}

/// The `Drop` instruction at `at`: the owner of `v` died. `top` is the first free register
/// above the current frame. True when a user `drop` frame was pushed.
pub fn drop_owner(fiber: &mut Fiber, cx: &Ctx<'_>, v: Value, top: usize, at: u32) -> Result<bool, Fault> {
    // Walked also when drops are only cleared (`drops_clear_only`): an owner's death empties
    // the object, so a stale alias in another register (`drop(tx)` reads `tx` by copy)
    // cannot keep a channel end alive.
    if !cx.prog.needs_drop_walk {
        return Ok(false);
    }
    if !trivial(&v) {
        fiber.drops.push((fiber.frames.len() as u32, Work::Owner(v)));
    }
    if fiber.drops.is_empty() {
        return Ok(false);
    }
    step(fiber, cx, top, at)
}

/// The `DropTemps` instruction at `at`: the temporaries in absolute registers `lo..hi` die
/// (last created first). Each register is cleared; a value is dropped when the register held
/// its last handle. True when a user `drop` frame was pushed.
pub fn drop_temps(fiber: &mut Fiber, cx: &Ctx<'_>, lo: usize, hi: usize, top: usize, at: u32) -> Result<bool, Fault> {
    sweep(fiber, cx, lo, hi, usize::MAX, top, at, false)
}

/// The `Ret` instruction at `at` of a frame whose registers are `lo..hi`: what dies with the
/// frame (every register but the result's `keep`) is swept like temporaries; a frame that owns
/// its closure's owned captures (`Frame::owns`) drops them as owners, after the rest, first
/// capture first. True when a user `drop` frame was pushed (the `Ret` runs again afterwards).
pub fn drop_frame(fiber: &mut Fiber, cx: &Ctx<'_>, lo: usize, hi: usize, keep: usize, at: u32) -> Result<bool, Fault> {
    sweep(fiber, cx, lo, hi, keep, hi, at, true)
}

#[allow(clippy::too_many_arguments)]
fn sweep(fiber: &mut Fiber, cx: &Ctx<'_>, lo: usize, hi: usize, keep: usize, top: usize, at: u32, ret: bool) -> Result<bool, Fault> {
    let depth = fiber.frames.len() as u32;
    let hi = hi.min(fiber.stack.len());
    let walk = cx.prog.walks_drops();
    if ret && walk {
        // Pushed first: popped after the other registers' work.
        let top_frame = fiber.frames.len().saturating_sub(1);
        for r in owned_capture_regs(fiber, cx, top_frame).into_iter().rev() {
            if r == keep {
                continue;
            }
            if let Some(slot) = fiber.stack.get_mut(r) {
                let v = std::mem::take(slot);
                if !trivial(&v) {
                    fiber.drops.push((depth, Work::Owner(v)));
                }
            }
        }
    }
    // With drop glue, registers are visited first-created first and pushed so: the work
    // stack pops last-pushed first, so the last-created temporary is dropped first. Without
    // it, they are cleared last-created first. (No intermediate vector: this runs after
    // every statement.)
    let visit = |r: usize, fiber: &mut Fiber| {
        if r == keep {
            return;
        }
        let Some(slot) = fiber.stack.get_mut(r) else { return };
        if trivial(slot) {
            return;
        }
        // A guard in a temporary is released by `Release`; a stale alias of one is not ours.
        if matches!(slot, Value::Ref(_)) {
            *slot = Value::Unit;
            return;
        }
        let v = std::mem::take(slot);
        if walk {
            fiber.drops.push((depth, Work::Loose(v)));
        }
    };
    if walk {
        for r in lo.min(hi)..hi {
            visit(r, fiber);
        }
    } else {
        for r in (lo.min(hi)..hi).rev() {
            visit(r, fiber);
        }
    }
    if fiber.drops.is_empty() {
        return Ok(false);
    }
    step(fiber, cx, top, at)
}

/// `DropTemps` without the work stack, when no user code can run (no drop work pending:
/// the caller checks). Exactly `sweep` and `drain` for what it covers: guard references held
/// directly are cleared first, then the registers die last created first; a register the
/// dying value of which is not its last handle is just cleared, and so is the last handle of a
/// struct or enum without a `Drop` impl whose fields are all trivial or references: its
/// references are released in field order first (`Ok(guard)` whose `unwrap` copied the
/// guard out: the lock is unlocked here). False at the first register it does not cover
/// (that one and those below are untouched: `drop_temps` finishes them in the same order).
pub fn temps_quick(prog: &super::program::Program, temps: &mut [Value]) -> bool {
    for slot in temps.iter_mut() {
        if matches!(slot, Value::Ref(_)) {
            *slot = Value::Unit;
        }
    }
    for slot in temps.iter_mut().rev() {
        if trivial(slot) {
            continue;
        }
        if !dies_quietly(prog, slot) {
            return false;
        }
        *slot = Value::Unit;
    }
    true
}

/// `temps_quick`'s test for one temporary (`Work::Loose` in `drain`): true when clearing its
/// register is all its death does, once the references inside a last-handle object were
/// released (done here).
fn dies_quietly(prog: &super::program::Program, v: &Value) -> bool {
    match v {
        Value::Adt(h) => {
            if h.handle_count() != 1 {
                return true;
            }
            let Ok(o) = h.read() else { return false };
            if !alive(&o) {
                return true;
            }
            if prog.drops.contains_key(&o.def.type_id) || !o.fields.iter().all(|f| trivial(f) || matches!(f, Value::Ref(_))) {
                return false;
            }
            for f in o.fields.iter().filter(|f| matches!(f, Value::Ref(_))) {
                crate::builtins::release_guard(f);
            }
            true
        }
        Value::Vec(h) => h.handle_count() != 1,
        Value::Tuple(h) => h.handle_count() != 1,
        Value::Coll(h) => h.handle_count() != 1,
        Value::Cell(h) => h.handle_count() != 1,
        Value::Iter(h) => h.handle_count() != 1,
        Value::Func(f) => std::sync::Arc::strong_count(f) != 1,
        // A lock's handle (`c.lock()` leaves the `Arc`'s content in the receiver register).
        Value::Native(n) => std::sync::Arc::strong_count(n) != 1,
        Value::Tag(..) | Value::Slice(_) => true,
        _ => false,
    }
}

/// May the native method (or prelude helper native) `name` discard elements of its receiver
/// (`snapshot` takes one before it runs)? Every other native call needs no drop glue at the
/// call: the fast `CallSite` (`call::site_fast`) runs it in programs with drop glue too.
#[inline]
pub fn discards(name: &str) -> bool {
    matches!(name, "clear" | "truncate" | "dedup" | "dedup_by_key" | "resize" | "set" | "fill" | "shrink_to" | "__vec_retain_mask" | "__vec_dedup")
}

/// Before a native method that may discard elements of its receiver (`clear`, `truncate`,
/// ...): handles to the receiver's current elements, to find the discarded ones afterwards.
pub fn snapshot(method: &str, recv: &Value) -> Option<Vec<Value>> {
    if !discards(method) {
        return None;
    }
    let recv = match recv {
        Value::Ref(_) => super::place::read_ref(recv).ok()?,
        v => v.clone(),
    };
    let items: Vec<Value> = match &recv {
        Value::Vec(h) => h.read().ok()?.items.iter().filter(|v| !trivial(v)).cloned().collect(),
        Value::Coll(h) => match &*h.read().ok()? {
            Collection::VecDeque(d) => d.iter().filter(|v| !trivial(v)).cloned().collect(),
            Collection::HashMap(m) => m.values().filter(|v| !trivial(v)).cloned().collect(),
            Collection::BTreeMap(m) => m.values().filter(|v| !trivial(v)).cloned().collect(),
            _ => return None,
        },
        Value::Cell(h) => match &*h.read().ok()? {
            CellObj::Cell(x) if !trivial(x) => vec![x.clone()],
            _ => return None,
        },
        _ => return None,
    };
    if items.is_empty() {
        None
    } else {
        Some(items)
    }
}

/// After the native: the snapshot's elements that nobody holds any more were discarded by it;
/// drop them (first to last). `at` is where the current frame continues. True when a user
/// `drop` frame was pushed.
pub fn drop_discarded(fiber: &mut Fiber, cx: &Ctx<'_>, snap: Vec<Value>, top: usize, at: u32) -> Result<bool, Fault> {
    let depth = fiber.frames.len() as u32;
    for v in snap.into_iter().rev() {
        if is_last_handle(&v) {
            fiber.drops.push((depth, Work::Owner(v)));
        }
    }
    if fiber.drops.is_empty() {
        return Ok(false);
    }
    step(fiber, cx, top, at)
}

/// Drop every value in `values` (first to last) to completion, from outside any run (after
/// the fiber's frames are gone: unwinding after a panic). Each user `drop` runs on the fiber
/// as the bottom frame of its own run: no Rust recursion however deep the values nest.
pub fn drop_all(fiber: &mut Fiber, cx: &mut Ctx<'_>, values: Vec<Value>) -> Result<(), Fault> {
    fiber.frames.clear();
    fiber.drops.clear();
    fiber.resume = None;
    for v in values.into_iter().rev() {
        if !trivial(&v) {
            fiber.drops.push((0, Work::Owner(v)));
        }
    }
    while let Some((f, this)) = drain(fiber, cx, 0)? {
        super::dispatch::set_reg(fiber, 0, this);
        call::enter(fiber, cx.prog, f, 0, 0, 0, RetKind::Stop, 1)?;
        super::dispatch::run(fiber, cx)?;
    }
    Ok(())
}

/// The values a panic unwinds through, innermost first: pending drop work, then the owned
/// locals live in every frame (from the top frame down, each frame's in reverse declaration
/// order). They are taken out of the fiber.
pub fn unwind_values(fiber: &mut Fiber, cx: &Ctx<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some((_, w)) = fiber.drops.pop() {
        match w {
            Work::Owner(v) => out.push(v),
            Work::Part(v) if is_last_handle(&v) => out.push(v),
            Work::Part(_) => {}
            Work::Loose(v) if sole_handle(&v) => out.push(v),
            Work::Loose(_) => {}
            Work::Fields(h, _) => {
                let fields = h.write().map(|mut o| take_fields(&mut o)).unwrap_or_default();
                out.extend(fields.into_iter().filter(is_last_handle));
            }
        }
    }
    let frames = fiber.frames.clone();
    for (index, fr) in frames.iter().enumerate().rev() {
        let Some(proto) = cx.prog.funcs.get(fr.func as usize) else { continue };
        // The instruction the frame is at (the pc was saved after it).
        let at = fr.pc.saturating_sub(1);
        let mut live: Vec<&crate::vm::bytecode::DropSlot> = proto.drop_slots.iter().filter(|s| s.start <= at && at < s.end).collect();
        live.sort_by_key(|s| std::cmp::Reverse(s.start));
        for s in live {
            let i = fr.base as usize + s.reg as usize;
            let Some(slot) = fiber.stack.get_mut(i) else { continue };
            let v = std::mem::take(slot);
            let v = match &v {
                Value::Ref(_) if s.boxed => super::place::read_ref(&v).unwrap_or(Value::Unit),
                _ => v,
            };
            if !trivial(&v) {
                out.push(v);
            }
        }
        // The closure captures the frame owns (`Frame::owns`), after its locals.
        for r in owned_capture_regs(fiber, cx, index) {
            if let Some(slot) = fiber.stack.get_mut(r) {
                let v = std::mem::take(slot);
                if !trivial(&v) {
                    out.push(v);
                }
            }
        }
        // Sync guards in the frame's other registers (prelude code, which has no drop
        // tracking, keeps them in untracked locals: `Once::call_once`'s initialisation
        // guard; a statement's temporary guard, `*m.lock().await += 1; ..`, of a task being
        // cancelled) are released too.
        let lo = fr.base as usize;
        let hi = (lo + proto.num_regs as usize).min(fiber.stack.len());
        for i in lo..hi {
            if let Some(slot) = fiber.stack.get_mut(i) {
                if is_sync_guard(slot) {
                    out.push(std::mem::take(slot));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{AdtDef, VariantDef, VariantKind};
    use std::sync::Arc;

    fn def(nfields: usize) -> Arc<AdtDef> {
        Arc::new(AdtDef {
            name: "D".into(),
            is_enum: false,
            variants: vec![VariantDef {
                name: "D".into(),
                kind: if nfields == 0 { VariantKind::Unit } else { VariantKind::Tuple },
                fields: (0..nfields).map(|i| i.to_string()).collect(),
                discriminant: 0,
            }],
            is_copy: false,
            derives: Vec::new(),
            type_id: 0,
        })
    }

    #[test]
    fn dropped_objects_are_marked_once() {
        for n in [0, 1, 3] {
            let mut o = AdtObj { def: def(n).into(), variant: 0, fields: vec![Value::Unit; n].into() };
            assert!(alive(&o));
            let f = take_fields(&mut o);
            assert_eq!(f.len(), n);
            assert!(!alive(&o), "a dropped object with {n} fields is marked");
        }
    }

    #[test]
    fn parts_are_dropped_only_through_their_last_handle() {
        let a = Value::Adt(Heap::new(AdtObj { def: def(0).into(), variant: 0, fields: Default::default() }));
        assert!(is_last_handle(&a));
        let b = a.clone();
        assert!(!is_last_handle(&a));
        drop(b);
        assert!(is_last_handle(&a));
        assert!(trivial(&Value::Moved));
        assert!(!trivial(&a));
    }
}

#[cfg(test)]
#[path = "drop_tests.rs"]
mod session_tests;
