//! `std::sync::Condvar`: `wait`, `wait_timeout`, `notify_one`, `notify_all` (the
//! `*_while` forms are prelude code looping over these).
//!
//! `wait(guard)` runs in phases kept in `cx.state` (the call is re-executed after each
//! wake-up): (1) take a ticket in the condvar, then release the guard's mutex, and block;
//! (2) when the ticket was notified (or the deadline passed), re-lock the mutex under a new
//! guard (a new token: a stale copy of the old guard can never unlock it), blocking on the
//! mutex's queue as `lock` does; return `Ok(guard)` (`Err(PoisonError(guard))` when the
//! mutex is poisoned). Wake-ups without a notification keep waiting, so `wait` is not
//! spurious.

use super::super::util::{self, raw_arg};
use super::super::{NativeCx, NativeError, NativeResult};
use super::{defs, token};
use crate::heap::Heap;
use crate::value::{AdtObj, Place, Value};
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::sched::Blocked;
use teras_stdlib::sync::{CondvarState, RawMutex, Ticket};

/// A `Condvar` (inside `Value::Native`).
#[derive(Debug, Default)]
pub struct CondvarObj {
    pub state: CondvarState,
}

/// The phases of a blocked `wait` (in `cx.state`).
enum Phase {
    Waiting { ticket: Ticket, deadline: Option<Duration>, mutex: Arc<RawMutex>, store: Heap<AdtObj> },
    Relock { timed_out: bool, mutex: Arc<RawMutex>, place: Arc<Place> },
}

fn new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Native(Arc::new(Box::new(CondvarObj::default()))))
}

fn dur_arg(args: &[Value], i: usize) -> Result<Duration, NativeError> {
    let v = util::deref(&raw_arg(args, i)?)?;
    match super::super::object::std_obj(&v) {
        Some(super::super::object::StdObj::Duration(d)) => Ok(*d),
        _ => Err(util::type_error("Duration", &v)),
    }
}

/// `wait(guard)` (aux 0) / `wait_timeout(guard, dur)` (aux 1). Also `Barrier::wait` is
/// reached through here by name (`wait` with one argument on a barrier).
fn wait(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return super::fallback(cx, args, aux, "Condvar") };
    let Some(cv) = b.downcast_ref::<CondvarObj>() else {
        if b.downcast_ref::<super::once::BarrierObj>().is_some() {
            return super::once::barrier_wait(cx, args);
        }
        return super::fallback(cx, args, aux, "Condvar");
    };
    let timeout = aux & 0xff == 1;
    let phase = match cx.state.take().map(|s| s.downcast::<Phase>()) {
        Some(Ok(p)) => *p,
        _ => {
            // Phase 0: the guard must hold its mutex.
            let guard = raw_arg(args, 1)?;
            let Some((mutex, store, t)) = super::lock::mutex_of_guard(&guard) else {
                return Err(util::panic("Condvar::wait: the guard does not hold its mutex"));
            };
            let deadline = if timeout { Some(cx.host.now().saturating_add(dur_arg(args, 2)?)) } else { None };
            let ticket = cv.state.enqueue(cx.waker);
            mutex.unlock(t, false);
            Phase::Waiting { ticket, deadline, mutex, store }
        }
    };
    let phase = match phase {
        Phase::Waiting { ticket, deadline, mutex, store } => {
            let notified = cv.state.poll(ticket, cx.waker);
            let expired = deadline.is_some_and(|d| cx.host.now() >= d);
            if notified || expired {
                let timed_out = !notified && !cv.state.cancel(ticket);
                Phase::Relock { timed_out, mutex, place: Arc::new(Place::Field(store, 0)) }
            } else {
                *cx.state = Some(Box::new(Phase::Waiting { ticket, deadline, mutex, store }));
                return Err(NativeError::Block(match deadline {
                    Some(d) => Blocked::until("Condvar::wait_timeout", d),
                    None => Blocked::on("Condvar::wait"),
                }));
            }
        }
        relock => relock,
    };
    let Phase::Relock { timed_out, mutex, place } = phase else { return Err(util::panic("Condvar::wait: bad state")) };
    if !mutex.lock_or_register(token(&place), cx.waker) {
        *cx.state = Some(Box::new(Phase::Relock { timed_out, mutex, place }));
        return Err(NativeError::Block(Blocked::on("Condvar::wait (re-locking the mutex)")));
    }
    mutex.forget(cx.waker);
    let guard = Value::Ref(place);
    let out = if timeout { Value::Tuple(Heap::new(vec![guard, defs::wait_timeout_result(timed_out)])) } else { guard };
    Ok(defs::lock_result(cx, out, mutex.is_poisoned()))
}

/// `notify_one()` (aux 0) / `notify_all()` (aux 1).
fn notify(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = super::native_arg(args, 0) else { return super::fallback(cx, args, aux, "Condvar") };
    let Some(cv) = b.downcast_ref::<CondvarObj>() else { return super::fallback(cx, args, aux, "Condvar") };
    if aux & 0xff == 0 {
        cv.state.notify_one();
    } else {
        cv.state.notify_all();
    }
    Ok(Value::Unit)
}

pub fn register(r: &mut super::super::registry::Registry) {
    r.func("Condvar::new", new);
    r.func("Condvar::default", new);
    super::method(r, "wait", wait, 0);
    super::method(r, "wait_timeout", wait, 1);
    super::method(r, "notify_one", notify, 0);
    super::method(r, "notify_all", notify, 1);
}
