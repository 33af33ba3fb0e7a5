//! `std::sync::Barrier`, `Once` and `OnceLock`.
//!
//! `Barrier::wait` arrives and, unless it is the leader, blocks until its generation is
//! released (the generation waits in `cx.state`). `Once::call_once` and
//! `OnceLock::get_or_init` are prelude code around two natives: `__once_begin(o)` blocks
//! while another caller runs the initialiser and returns `Some(guard)` when this caller must
//! run it (`None` when it is done); `__once_finish(guard[, value])` completes it. The guard
//! is a sync storage guard: if the initialiser panics, the unwinding releases it while
//! panicking, which poisons a `Once` (later callers panic as std's do) and resets a
//! `OnceLock` (a later caller runs its own initialiser).

use super::super::util::{self, raw_arg};
use super::super::{NativeCx, NativeError, NativeResult};
use super::{defs, storage, CoreRef};
use crate::value::{Place, Value};
use std::sync::Arc;
use teras_stdlib::sched::Blocked;
use teras_stdlib::sync::{Arrival, BarrierState, Begin, OnceSlot, OnceState};

/// A `Barrier` (inside `Value::Native`).
#[derive(Debug)]
pub struct BarrierObj {
    pub state: BarrierState,
}

/// The generation a blocked `Barrier::wait` waits for (in `cx.state`).
struct Generation(u64);

/// `Barrier::wait()` (reached through the `wait` native of `condvar`).
pub fn barrier_wait(cx: &mut NativeCx<'_>, args: &mut [Value]) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return Err(util::panic("type error: Barrier expected")) };
    let Some(bar) = b.downcast_ref::<BarrierObj>() else { return Err(util::panic("type error: Barrier expected")) };
    let g = match cx.state.take().map(|s| s.downcast::<Generation>()) {
        Some(Ok(g)) => g.0,
        _ => match bar.state.arrive(cx.waker) {
            Arrival::Leader => return Ok(defs::barrier_result(true)),
            Arrival::Wait(g) => g,
        },
    };
    if bar.state.poll(g, cx.waker) {
        return Ok(defs::barrier_result(false));
    }
    *cx.state = Some(Box::new(Generation(g)));
    Err(NativeError::Block(Blocked::on("Barrier::wait")))
}

fn barrier_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let n = match util::deref(&raw_arg(args, 0)?)? {
        Value::Int(n, _) => n.max(0) as usize,
        other => return Err(util::type_error("usize", &other)),
    };
    Ok(Value::Native(Arc::new(Box::new(BarrierObj { state: BarrierState::new(n) }))))
}

/// `Once` or `OnceLock`.
#[derive(Debug)]
pub enum OnceObj {
    Once(OnceState),
    Lock(OnceSlot<Value>),
}

impl OnceObj {
    fn begin(&self, w: &std::task::Waker) -> Begin {
        match self {
            OnceObj::Once(o) => o.begin(w, false),
            OnceObj::Lock(s) => s.begin(w),
        }
    }

    /// The initialisation guard died: it completed (`Once`) unless panicking; a `OnceLock`
    /// whose guard dies without a value resets.
    pub fn release(&self, panicking: bool) {
        match self {
            OnceObj::Once(o) => o.finish(!panicking),
            OnceObj::Lock(s) => s.abandon(),
        }
    }
}

/// What a `Once`/`OnceLock` value holds.
#[derive(Debug)]
pub struct OnceHandle(pub Arc<OnceObj>);

fn handle(args: &[Value], i: usize) -> Option<Arc<OnceObj>> {
    let b = super::native_arg(args, i)?;
    b.downcast_ref::<OnceHandle>().map(|h| h.0.clone())
}

/// `Once::new()` (aux 0) / `OnceLock::new()` (aux 1).
fn once_new(_: &mut NativeCx<'_>, _: &mut [Value], aux: u32) -> NativeResult {
    let o = if aux == 0 { OnceObj::Once(OnceState::new()) } else { OnceObj::Lock(OnceSlot::new()) };
    Ok(Value::Native(Arc::new(Box::new(OnceHandle(Arc::new(o))))))
}

/// `__once_begin(o)`: `Some(guard)` when the caller runs the initialiser, `None` when done;
/// blocks while another caller runs it.
fn begin(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let Some(o) = handle(args, 0) else { return Err(util::panic("type error: Once or OnceLock expected")) };
    match o.begin(cx.waker) {
        Begin::Run => {
            let store = storage(Value::Unit, CoreRef::Once(o));
            Ok(util::some(cx, Value::Ref(Arc::new(Place::Field(store, 0)))))
        }
        Begin::Done => Ok(util::none(cx)),
        Begin::Wait => Err(NativeError::Block(Blocked::on("Once::call_once"))),
        Begin::Poisoned => Err(util::panic("Once instance has previously been poisoned")),
    }
}

/// `__once_finish(guard)` (Once) / `__once_finish(guard, value)` (OnceLock).
fn finish(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let Some(Value::Ref(p)) = args.first() else { return Err(util::panic("__once_finish: guard expected")) };
    let Place::Field(store, 0) = &**p else { return Err(util::panic("__once_finish: guard expected")) };
    if let Some(super::CoreRefOwned::Once(o)) = super::core_of(store) {
        match &*o {
            OnceObj::Once(s) => s.finish(true),
            OnceObj::Lock(s) => s.complete(raw_arg(args, 1)?),
        }
    }
    Ok(Value::Unit)
}

/// `is_completed()`.
fn is_completed(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match handle(args, 0).as_deref() {
        Some(OnceObj::Once(s)) => Ok(Value::Bool(s.is_completed())),
        Some(OnceObj::Lock(s)) => Ok(Value::Bool(s.get().is_some())),
        None => super::fallback(cx, args, aux, "Once"),
    }
}

/// `OnceLock::get()` (aux 0) / `take()`, `into_inner()` (aux 1): `Option<T>`.
fn get(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match handle(args, 0).as_deref() {
        Some(OnceObj::Lock(s)) => {
            let v = if aux & 0xff == 0 { s.get() } else { s.take() };
            Ok(util::option(cx, v))
        }
        _ => super::fallback(cx, args, aux, "OnceLock"),
    }
}

/// `__once_get(o)`: the value of an initialised `OnceLock` (`get_or_init`'s result).
fn get_value(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    match handle(args, 0).as_deref() {
        Some(OnceObj::Lock(s)) => s.get().ok_or_else(|| util::panic("OnceLock is not initialised")),
        _ => Err(util::panic("type error: OnceLock expected")),
    }
}

/// `OnceLock::set(v)`: `Ok(())`, or `Err(v)` when already set.
fn set(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match handle(args, 0).as_deref() {
        Some(OnceObj::Lock(s)) => Ok(match s.set(raw_arg(args, 1)?) {
            Ok(()) => util::ok(cx, Value::Unit),
            Err(v) => util::err(cx, v),
        }),
        _ => super::fallback(cx, args, aux, "OnceLock"),
    }
}

pub fn register(r: &mut super::super::registry::Registry) {
    r.func("Barrier::new", barrier_new);
    r.func_aux("Once::new", once_new, 0);
    r.func_aux("OnceLock::new", once_new, 1);
    r.func("__once_begin", begin);
    r.func("__once_finish", finish);
    r.func("__once_get", get_value);
    super::method(r, "is_completed", is_completed, 0);
    super::method(r, "get", get, 0);
    super::method(r, "take", get, 1);
    super::method(r, "into_inner", get, 1);
    super::method(r, "set", set, 0);
}
