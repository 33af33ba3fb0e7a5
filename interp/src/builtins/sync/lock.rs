//! `std::sync::Mutex` and `RwLock` on real threads: blocking `lock`/`read`/`write`
//! (`NativeError::Block` on the object's wait queue), `try_*` with std's `TryLockError`,
//! poisoning (a write guard released while its thread panics), `into_inner`, `get_mut`,
//! `is_poisoned`, `clear_poison`. See the module doc of `sync` for guards and tokens.

use super::super::registry;
use super::super::util::{self, raw_arg, R};
use super::super::{NativeCx, NativeError, NativeId, NativeResult};
use super::{defs, storage, token, CoreRef};
use crate::heap::Heap;
use crate::value::{AdtObj, CellObj, Place, Value};
use std::sync::{Arc, OnceLock};
use teras_stdlib::sched::Blocked;
use teras_stdlib::sync::{RawMutex, RawRwLock};

/// The core of a lock.
#[derive(Debug, Clone)]
pub enum Core {
    Mutex(Arc<RawMutex>),
    Rw(Arc<RawRwLock>),
}

/// A `Mutex<T>` or `RwLock<T>` (inside `Value::Native`).
#[derive(Debug)]
pub struct LockObj {
    /// Field 0: the content; field 1: the core (for `release_guard`).
    pub store: Heap<AdtObj>,
    pub core: Core,
}

impl LockObj {
    fn name(&self) -> &'static str {
        match self.core {
            Core::Mutex(_) => "Mutex",
            Core::Rw(_) => "RwLock",
        }
    }

    fn poisoned(&self) -> bool {
        match &self.core {
            Core::Mutex(m) => m.is_poisoned(),
            Core::Rw(l) => l.is_poisoned(),
        }
    }

    /// Acquire for token `t` (registering `w` when it cannot); `write` is ignored by a mutex.
    fn acquire(&self, t: usize, write: bool, w: &std::task::Waker, block: bool) -> bool {
        match (&self.core, block) {
            (Core::Mutex(m), true) => m.lock_spin_or_register(t, w, spins()),
            (Core::Mutex(m), false) => m.try_lock(t),
            (Core::Rw(l), true) => l.acquire_or_register(t, write, w),
            (Core::Rw(l), false) => l.try_acquire(t, write),
        }
    }

    fn forget(&self, w: &std::task::Waker) {
        match &self.core {
            Core::Mutex(m) => m.forget(w),
            Core::Rw(l) => l.forget(w),
        }
    }

    fn content(&self) -> R<Value> {
        let o = self.store.read().map_err(util::conflict)?;
        Ok(o.fields.first().cloned().unwrap_or_default())
    }

    /// A place on the content that holds no lock (`get_mut`).
    fn place(&self) -> Value {
        Value::Ref(Arc::new(Place::Field(self.store.clone(), 0)))
    }
}

impl Drop for LockObj {
    /// The spare guard place (`acquire_place`) holds a handle of the storage, whose field 1
    /// holds the mutex: the word is closed and its place freed, so that the storage can go.
    fn drop(&mut self) {
        if let Core::Mutex(m) = &self.core {
            free_spare(m.close_spare());
        }
    }
}

/// Free a spare word's content (`RawMutex::take_spare`/`close_spare`), 0 meaning none.
fn free_spare(s: usize) {
    if s != 0 {
        // SAFETY: a non-zero spare word holds a pointer from `Arc::into_raw` of a guard place
        // (`keep_spare`), owned by the word and handed to the caller by the take or close
        // that returned it.
        drop(unsafe { Arc::from_raw(s as *const Place) });
    }
}

/// How long a `lock` spins on a held mutex before it registers and blocks
/// (`RawMutex::lock_spin_or_register`; `lock_mutex_in_rc` spins as long before it leaves
/// the fast path): 100 rounds (about 3 us here), as std's futex mutex, once a second OS
/// thread runs TERAS code (the holder may be running and about to release); none before
/// (every fiber is on this OS thread, as under the deterministic scheduler: the holder runs
/// only once this one blocks).
fn spins() -> u32 {
    if crate::heap::threaded() {
        100
    } else {
        0
    }
}

/// What `acquire_place` did.
enum Acquired {
    /// The lock is held under the token of this guard place (its only handle).
    Held(Arc<Place>),
    /// Not acquired (when blocking: the waker is registered).
    Busy,
}

/// Take `obj`'s lock for a new guard: `Held(place)`, the lock held under `place`'s token
/// (`write` is ignored by a mutex; `block`: register `w` when busy). The place is the
/// mutex's spare, the place of a guard whose last handle died (`keep_spare`): no allocation
/// and no count update on the storage, whose cache line the other threads of a contended
/// lock write too. Otherwise a new place is allocated, and its storage handle taken only
/// once the lock is held: a thread that finds the lock busy writes nothing the holder uses.
/// A spare's token is unique among holders: the spare word holds a place only when no handle
/// of it is left anywhere (a stale copy of a guard keeps its place out of the word).
fn acquire_place(obj: &LockObj, write: bool, w: &std::task::Waker, block: bool) -> Acquired {
    if let Core::Mutex(m) = &obj.core {
        let s = m.take_spare();
        if s != 0 {
            // SAFETY: as in `free_spare`: the take handed the word's handle over.
            let p = unsafe { Arc::from_raw(s as *const Place) };
            let t = token(&p);
            if if block { m.lock_spin_or_register(t, w, spins()) } else { m.try_lock(t) } {
                return Acquired::Held(p);
            }
            keep_spare(m, p);
            return Acquired::Busy;
        }
    }
    let mut fresh = Arc::<Place>::new_uninit();
    let t = Arc::as_ptr(&fresh) as usize;
    if !obj.acquire(t, write, w, block) {
        return Acquired::Busy;
    }
    let place = Place::Field(obj.store.clone(), 0);
    match Arc::get_mut(&mut fresh) {
        Some(slot) => {
            slot.write(place);
            // SAFETY: written just above; the allocation (hence the token) is unchanged.
            Acquired::Held(unsafe { fresh.assume_init() })
        }
        None => {
            // Not reached (a new `Arc` is unique): hold the lock under an ordinary place.
            let p = Arc::new(place);
            match &obj.core {
                Core::Mutex(m) => m.transfer(t, token(&p)),
                Core::Rw(l) => l.transfer(t, token(&p)),
            };
            Acquired::Held(p)
        }
    }
}

/// Make `p`, a guard place of `m`'s lock whose handle is the last (no copy of it is left),
/// `m`'s spare (`acquire_place`), or free it when the spare word is taken or closed.
pub fn keep_spare(m: &RawMutex, p: Arc<Place>) {
    let raw = Arc::into_raw(p);
    if !m.put_spare(raw as usize) {
        // SAFETY: refused, so still owned here: the pointer came from `into_raw` above.
        drop(unsafe { Arc::from_raw(raw) });
    }
}

/// The single-thread lock object of the first version, kept only so that code written
/// against it (`check::send_value` looks for it) still compiles; no value is one any more.
/// Use `content_of` to see a lock's content.
#[derive(Debug)]
pub struct MutexObj {
    pub cell: Heap<crate::value::CellObj>,
}

/// The content of a `Mutex`/`RwLock` value (for the run-time `Send` check), `None` when `v`
/// is no lock.
pub fn content_of(v: &Value) -> Option<Value> {
    as_lock(v)?.content().ok()
}

/// The lock a value is, if it is one.
pub fn as_lock(v: &Value) -> Option<&LockObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<LockObj>(),
        _ => None,
    }
}

/// The content of a dying `Mutex`/`RwLock` (the VM's drop walk, at the death of the lock's
/// last handle), taken out of its storage so that what it holds dies with it, as the fields
/// of a struct do. `None` for any other value. A guard cannot outlive its lock in a program
/// rustc accepts, so nothing reads the storage afterwards.
pub fn take_lock_content(v: &Value) -> Option<Value> {
    let obj = as_lock(v)?;
    let mut store = obj.store.write().ok()?;
    store.fields.get_mut(0).map(std::mem::take)
}

pub fn new_lock(content: Value, rw: bool) -> Value {
    let (core, cref) = if rw {
        let l = Arc::new(RawRwLock::new());
        (Core::Rw(l.clone()), CoreRef::Rw(l))
    } else {
        let m = Arc::new(RawMutex::new());
        (Core::Mutex(m.clone()), CoreRef::Mutex(m))
    };
    let obj = LockObj { store: storage(content, cref), core };
    Value::Native(Arc::new(Box::new(obj)))
}

/// `Mutex::new` (aux 0) / `RwLock::new` (aux 1).
fn new(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    Ok(new_lock(raw_arg(args, 0)?, aux == 1))
}

/// What `cx.state` holds while a lock call is blocked: its waker is registered.
struct Registered;

/// Method flavour in `aux & 0xff`: 0 read, 1 write/lock.
fn write_of(obj: &LockObj, aux: u32) -> bool {
    aux & 0xff == 1 || matches!(obj.core, Core::Mutex(_))
}

/// `lock()` / `write()` (aux 1) and `read()` (aux 0): blocks until acquired; `Ok(guard)`,
/// or `Err(PoisonError(guard))` when poisoned.
fn lock(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_ref(args, 0) else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let write = write_of(obj, aux);
    let Acquired::Held(place) = acquire_place(obj, write, cx.waker, true) else {
        *cx.state = Some(Box::new(Registered));
        return Err(NativeError::Block(Blocked::on(blocked_on(obj, write))));
    };
    if cx.state.take().is_some() {
        obj.forget(cx.waker);
    }
    Ok(defs::lock_result(cx, Value::Ref(place), obj.poisoned()))
}

/// `lock()` / `write()` (aux 1) and `read()` (aux 0) unwrapped at once (`m.lock().unwrap()`,
/// the `unwrap` twin of `lock`: `vm/call_unwrap.rs`): the guard itself, no `Ok` around it.
/// A poisoned lock, or a receiver that is no lock, answers `Value::Moved` with nothing
/// changed: the plain call then builds the `Err`, whose `unwrap` panics. A lock found
/// poisoned once taken (its holder panicked while this one waited) is given back first.
fn lock_unwrap(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_ref(args, 0) else { return Ok(Value::Moved) };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return Ok(Value::Moved) };
    lock_obj_unwrap(cx, obj, aux)
}

/// `lock_unwrap` on the lock an `Rc`/`Arc` cell holds, read in place under the cell's read
/// guard (`c.lock().unwrap()` on an `Arc<Mutex<_>>`, `vm/call_unwrap.rs`): no handle of the
/// lock is cloned (its count is a cache line every thread using the lock would write). The
/// guard is held only while the lock is tried (no TERAS code runs, nothing waits: a lock
/// that is held registers the waker and answers `Block`). `Value::Moved`, nothing changed,
/// when the cell holds no lock, as `lock_unwrap` answers for a receiver that is none.
pub fn lock_unwrap_in_rc(cx: &mut NativeCx<'_>, cell: &Heap<CellObj>, aux: u32) -> NativeResult {
    let Ok(c) = cell.read() else { return Ok(Value::Moved) };
    let CellObj::Rc { value: Value::Native(b), .. } = &*c else { return Ok(Value::Moved) };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return Ok(Value::Moved) };
    lock_obj_unwrap(cx, obj, aux)
}

/// What `lock_mutex_in_rc` did.
pub enum Locked {
    /// Nothing (the caller takes the full path).
    Not,
    /// The lock is held under this guard.
    Guard(Value),
    /// The statement's add was done under the lock, which is free again.
    Added,
}

/// `lock_unwrap_in_rc`'s common case, for a site that ran it before (`call_unwrap::lock_now`):
/// the cell holds a `Mutex` that is free (or freed within the spin) and not poisoned, and this
/// takes it: the guard, as `lock_unwrap_in_rc` answers it. With `add` (the statement is
/// `*c.lock().unwrap() += add;`), the add is done in place on the content under the lock and
/// the lock freed again, as the guard's release at the statement's end would (poisoning
/// included): no guard is made at all (its token is the mutex's placeholder, no spare word is
/// touched); when the add cannot be done in place (an overflow, a content that is no such
/// integer), the hold goes to a guard for the statement's own instructions (the overflow's
/// panic then poisons the lock). `Not`, nothing changed, in every other case (no mutex in the
/// cell, an `RwLock`, a mutex still held or poisoned, a conflict on the cell): the caller
/// takes the full path, which spins, blocks or lets the plain call build the `Err`. No waker
/// is registered and no `cx.state` is read here, so the caller must have no registration
/// pending (`Fiber::native_state` empty).
pub fn lock_mutex_in_rc(cell: &Heap<CellObj>, add: Option<i64>) -> Locked {
    let Ok(c) = cell.read() else { return Locked::Not };
    let CellObj::Rc { value: Value::Native(b), .. } = &*c else { return Locked::Not };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return Locked::Not };
    let Core::Mutex(m) = &obj.core else { return Locked::Not };
    // A held lock: watched (loads only) while its holder may be about to release it, so that
    // a contended site seldom leaves this path, which would read the cell again.
    let mut left = spins();
    if !m.spin_until_free(&mut left) {
        return Locked::Not;
    }
    let Some(imm) = add else {
        let Acquired::Held(place) = acquire_place(obj, true, std::task::Waker::noop(), false) else {
            return Locked::Not;
        };
        // Poisoned: checked once the lock is held (its last holder's poisoning happened
        // before its release, which this acquisition follows), and given back for the full
        // path.
        if m.is_poisoned() {
            m.unlock(token(&place), false);
            keep_spare(m, place);
            return Locked::Not;
        }
        return Locked::Guard(Value::Ref(place));
    };
    // Held for the add only, under a token no guard can have (see `RawMutex::placeholder`).
    let ph = m.placeholder();
    if !m.try_lock(ph) {
        return Locked::Not;
    }
    if m.is_poisoned() {
        m.unlock(ph, false);
        return Locked::Not;
    }
    if crate::vm::dispatch::add_in_object_field(&obj.store, 0, imm) {
        m.unlock(ph, crate::runtime::panicking());
        return Locked::Added;
    }
    let place = match m.take_spare() {
        0 => Arc::new(Place::Field(obj.store.clone(), 0)),
        // SAFETY: as in `free_spare`: the take handed the word's handle over.
        s => unsafe { Arc::from_raw(s as *const Place) },
    };
    if !m.transfer(ph, token(&place)) {
        // Not reached (the placeholder holds it): give it back, and the full path.
        m.unlock(ph, false);
        keep_spare(m, place);
        return Locked::Not;
    }
    Locked::Guard(Value::Ref(place))
}

/// The `aux` of the `unwrap` twin (`registry::unwrap_twin`) of native `n` when that twin is
/// `lock_unwrap` (`n` is `lock`, `write` or `read`), for `lock_unwrap_in_rc`: one look-up in
/// a table by native id, built once.
pub fn lock_twin_aux(n: NativeId) -> Option<u32> {
    static AUX: OnceLock<Vec<u32>> = OnceLock::new();
    let aux = AUX.get_or_init(|| {
        let r = registry::registry();
        let twins: Vec<NativeId> = ["native::lock_unwrap", "native::write_unwrap", "native::read_unwrap"].iter().filter_map(|n| r.funcs.get(n).copied()).collect();
        (0..r.defs.len() as NativeId)
            .map(|n| match registry::unwrap_twin(n).filter(|t| twins.contains(t)) {
                Some(t) => r.defs.get(t as usize).map_or(u32::MAX, |d| d.aux),
                None => u32::MAX,
            })
            .collect()
    });
    aux.get(n as usize).copied().filter(|&a| a != u32::MAX)
}

/// `lock_unwrap` of the lock `obj`.
fn lock_obj_unwrap(cx: &mut NativeCx<'_>, obj: &LockObj, aux: u32) -> NativeResult {
    if obj.poisoned() {
        return Ok(Value::Moved);
    }
    let write = write_of(obj, aux);
    let Acquired::Held(place) = acquire_place(obj, write, cx.waker, true) else {
        *cx.state = Some(Box::new(Registered));
        return Err(NativeError::Block(Blocked::on(blocked_on(obj, write))));
    };
    if cx.state.take().is_some() {
        obj.forget(cx.waker);
    }
    if obj.poisoned() {
        match &obj.core {
            Core::Mutex(m) => {
                m.unlock(token(&place), false);
                keep_spare(m, place);
            }
            Core::Rw(l) => {
                l.release(token(&place), false);
            }
        }
        return Ok(Value::Moved);
    }
    Ok(Value::Ref(place))
}

/// What a blocked `lock`/`write`/`read` waits on.
fn blocked_on(obj: &LockObj, write: bool) -> &'static str {
    match (&obj.core, write) {
        (Core::Mutex(_), _) => "Mutex::lock",
        (Core::Rw(_), true) => "RwLock::write",
        (Core::Rw(_), false) => "RwLock::read",
    }
}

/// `try_lock()` / `try_write()` (aux 1) and `try_read()` (aux 0).
fn try_lock(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let write = write_of(obj, aux);
    let Acquired::Held(place) = acquire_place(obj, write, cx.waker, false) else {
        return Ok(util::err(cx, defs::would_block()));
    };
    Ok(if obj.poisoned() { util::err(cx, defs::try_lock_poisoned(Value::Ref(place))) } else { util::ok(cx, Value::Ref(place)) })
}

/// `into_inner()` (aux 0) / `get_mut()` (aux 1): `LockResult` of the content / of `&mut`.
fn inner(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let v = if aux & 0xff == 0 { obj.content()? } else { obj.place() };
    Ok(defs::lock_result(cx, v, obj.poisoned()))
}

/// `is_poisoned()` (aux 0) / `clear_poison()` (aux 1).
fn poison(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    let Some(obj) = b.downcast_ref::<LockObj>() else { return super::fallback(cx, args, aux, "Mutex or RwLock") };
    if aux & 0xff == 0 {
        return Ok(Value::Bool(obj.poisoned()));
    }
    match &obj.core {
        Core::Mutex(m) => m.clear_poison(),
        Core::Rw(l) => l.clear_poison(),
    }
    Ok(Value::Unit)
}

/// For `{:?}` of a lock: its type name, and its content unless it is locked (`None`: std
/// prints `data: <locked>`).
pub fn debug_parts(v: &Value) -> Option<(&'static str, Option<Value>)> {
    let m = as_lock(v)?;
    let locked = match &m.core {
        Core::Mutex(x) => x.is_locked(),
        Core::Rw(l) => l.is_write_locked(),
    };
    Some((m.name(), if locked { None } else { m.content().ok() }))
}

/// Whether `v` is a poisoned lock (for `{:?}`'s `poisoned: true`).
pub fn debug_poisoned(v: &Value) -> bool {
    as_lock(v).is_some_and(LockObj::poisoned)
}

/// The lock `guard` (a live guard of a `Mutex`) holds, with its token.
pub fn mutex_of_guard(guard: &Value) -> Option<(Arc<RawMutex>, Heap<AdtObj>, usize)> {
    let Value::Ref(p) = guard else { return None };
    let Place::Field(store, 0) = &**p else { return None };
    match super::core_of(store)? {
        super::CoreRefOwned::Mutex(m) => m.held_by(token(p)).then(|| (m, store.clone(), token(p))),
        _ => None,
    }
}

pub fn register(r: &mut super::super::registry::Registry) {
    r.func_aux("Mutex::new", new, 0);
    r.func_aux("RwLock::new", new, 1);
    super::method(r, "lock", lock, 1);
    super::method(r, "write", lock, 1);
    super::method(r, "read", lock, 0);
    // Their `unwrap` twins (`registry::unwrap_twin`: the methods' names are `native::NAME`).
    r.func_aux("native::lock_unwrap", lock_unwrap, 1);
    r.func_aux("native::write_unwrap", lock_unwrap, 1);
    r.func_aux("native::read_unwrap", lock_unwrap, 0);
    super::method(r, "try_lock", try_lock, 1);
    super::method(r, "try_write", try_lock, 1);
    super::method(r, "try_read", try_lock, 0);
    super::method(r, "into_inner", inner, 0);
    super::method(r, "get_mut", inner, 1);
    super::method(r, "is_poisoned", poison, 0);
    super::method(r, "clear_poison", poison, 1);
}
