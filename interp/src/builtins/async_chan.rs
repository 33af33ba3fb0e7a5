//! tokio-shaped async channels bound to TERAS values: the natives behind the prelude's
//! `tokio::sync::{mpsc, oneshot, broadcast, watch}` (`prelude/async_chan.rs`).
//!
//! Awaitable operations return native futures (`future::native_future`): `.await` polls them
//! on the blocking protocol; a future dropped unfinished (`select!`'s losing branch, a
//! cancelled task) runs `PollNative::cancel`, which forgets its waker and gives back what it
//! reserved, so no message is lost: a receive only takes a message in the poll that
//! completes it.
//!
//! - mpsc and oneshot reuse `teras_stdlib::chan::Chan` and `channel::ChanEnd` (so `Sender`
//!   clones count, the last sender dropped closes the channel, and the sync bridge
//!   `blocking_send`/`blocking_recv`, `try_send`/`try_recv`, clone and `len` are the
//!   `__chan_*` natives of `channel.rs`).
//! - broadcast and watch are `teras_stdlib::asyncrt::{Broadcast, Watch}` of `Value`; each end
//!   is a `Value::Native` whose `Drop` uncounts it.
//!
//! Error values are prelude types; the prelude passes a *template* value of the error type
//! (`SendError(())`, `RecvError::Closed`) and the native builds the error with the template's
//! definition (`err_like`), so natives need not know the prelude's definitions.
//!
//! Natives:
//! - `__amp_new(cap, SendError(())) -> (tx, rx)` (cap 0: unbounded; the template's
//!   definition is kept in the sender end), `__amp_send(tx, v) ->
//!   Future<Result<(), SendError<T>>>`, `__amp_recv(rx) -> Future<Option<T>>`,
//!   `__amp_is_closed(tx)`, `__amp_closed(tx) -> Future<()>` (ready once every receiver is
//!   gone: `Sender::closed`), `__amp_capacity(tx) -> (free, max)`.
//! - `__amp_recv_now(rx) -> Option<T>` and `__amp_send_now(tx, v) -> Result<(), SendError<T>>`:
//!   `rx.recv().await` and `tx.send(v).await` in one blocking call each (the compiler makes
//!   the awaited call `__recv_now`/`__send_now`, compile/async_fn.rs): no future object and
//!   no poll when the channel is ready; otherwise they block the task on the `sched`
//!   protocol and run again when woken. `recv_now_unwrap`/`send_now_unwrap`
//!   are their `unwrap` twins (`registry::TwinFn`) for a fused `.unwrap()` (`vm/call_unwrap.rs`).
//! - `__aone_new() -> (tx, rx)`, `__aone_recv(rx, RecvError(())) -> Future<Result<T, RecvError>>`.
//! - `__abc_new(cap) -> (tx, rx)`, `__abc_send(tx, v) -> Result<usize, T>`,
//!   `__abc_subscribe(tx|rx) -> rx` (`resubscribe` too), `__abc_clone(tx)`, `__abc_recv(rx, RecvError::Closed)
//!   -> Future<Result<T, RecvError>>`, `__abc_try_recv(rx, TryRecvError::Empty) ->
//!   Result<T, TryRecvError>`, `__abc_receiver_count(tx)`, `__abc_len(rx)`.
//! - `__aw_new(init) -> (tx, rx)`, `__aw_borrow(end) -> T`, `__aw_borrow_and_update(rx)`,
//!   `__aw_send(tx, v) -> Result<(), T>`, `__aw_send_replace(tx, v) -> T`,
//!   `__aw_changed(rx, RecvError(())) -> Future<Result<(), RecvError>>`,
//!   `__aw_has_changed(rx) -> Option<bool>`, `__aw_subscribe(tx) -> rx`, `__aw_clone(end)`,
//!   `__aw_receiver_count(tx)`, `__aw_is_closed(tx)`.

use super::channel::{end_info, with_end};
use super::future::{native_future, native_future_inline, Inner, PollNative};
use super::registry::Registry;
use super::util::{self, arg, panic, raw_arg, type_error, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::heap::Heap;
use crate::value::{AdtObj, DefRef, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::sync::Arc;
use std::task::Waker;
use teras_stdlib::asyncrt::{BRecv, Broadcast, Watch};
use teras_stdlib::chan::{Attempt, Chan, Flavor, RecvPoll, SendPoll, TrySend};
use teras_stdlib::sched::Blocked;

/// The error `Block` of a pending future, remembering `w` in `slot` for `cancel`.
pub(crate) fn pending(slot: &mut Option<Waker>, w: &Waker, what: &'static str) -> NativeError {
    if !slot.as_ref().is_some_and(|x| x.will_wake(w)) {
        *slot = Some(w.clone());
    }
    NativeError::Block(Blocked::on(what))
}

/// `PollNative::cancel` of a pending channel future: forget the waker it registered (and,
/// for a rendezvous send, withdraw its offer).
fn give_up(chan: &Chan<Value>, waker: &mut Option<Waker>, attempt: &mut Attempt) {
    if let Some(w) = waker.take() {
        chan.give_up(&w, attempt);
    }
}

/// A value of the type of `template` (a prelude struct or enum value), variant `variant`,
/// with `fields`.
pub(crate) fn err_like(template: &Value, variant: u32, fields: Vec<Value>) -> R<Value> {
    match util::deref(template)? {
        Value::Tag(def, _) => Ok(Value::Adt(Heap::new(AdtObj { def, variant, fields: fields.into() }))),
        Value::Adt(h) => {
            let def = h.read().map_err(util::conflict)?.def;
            Ok(Value::Adt(Heap::new(AdtObj { def, variant, fields: fields.into() })))
        }
        other => Err(type_error("error template", &other)),
    }
}

/// The native object behind `v` (through references and a prelude wrapper's first field).
pub(crate) fn native_of(v: &Value) -> Option<Arc<Box<dyn Any + Send + Sync>>> {
    match util::deref(v).ok()? {
        Value::Native(b) => Some(b),
        Value::Adt(h) => {
            let f = h.read().ok()?.fields.first().cloned()?;
            match f {
                Value::Native(b) => Some(b),
                _ => None,
            }
        }
        _ => None,
    }
}

fn native_value(x: impl Any + Send + Sync) -> Value {
    Value::Native(Arc::new(Box::new(x)))
}

// ---------------------------------------------------------------- mpsc and oneshot

/// A channel made by `channel.rs`'s `__chan_new` (kind 2: unbounded mpsc; 3: bounded, whose
/// receiver the prelude never clones; 5: oneshot), so its ends are `ChanEnd`s as theirs.
/// `send_err`: the sender's `SendError(())` template (its definition is kept in the sender's
/// end, `ChanEnd::err_def`, so that a send need not be given one), or `()`.
fn chan_new(cx: &mut NativeCx<'_>, kind: i32, cap: usize, send_err: Value) -> NativeResult {
    let id = super::function("__chan_new").ok_or_else(|| panic("internal error: no __chan_new"))?;
    let mut args = vec![Value::i32(kind), Value::usize(cap), send_err, Value::Unit];
    super::call(id, cx, &mut args)
}

/// `__amp_new(cap, SendError(()))` (cap 0: unbounded).
fn amp_new(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let cap = util::usize_of(&arg(args, 0)?)?;
    let send_err = args.get(1).cloned().unwrap_or(Value::Unit);
    if cap == 0 {
        chan_new(cx, 2, 0, send_err)
    } else {
        chan_new(cx, 3, cap, send_err)
    }
}

fn aone_new(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    chan_new(cx, 5, 0, Value::Unit)
}

/// `SendError(v)` of the definition `def`.
fn send_error(def: DefRef, v: Value) -> Value {
    Value::Adt(Heap::new(AdtObj { def, variant: 0, fields: vec![v].into() }))
}

struct SendState {
    val: Option<Value>,
    attempt: Attempt,
    waker: Option<Waker>,
}

/// `tx.send(v)` of a bounded mpsc channel.
pub(crate) struct SendFut {
    chan: Arc<Chan<Value>>,
    /// `SendError`'s definition.
    err: DefRef,
    st: Mutex<SendState>,
}

impl PollNative for SendFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut st = self.st.lock();
        let Some(v) = st.val.take() else { return Err(panic("`async fn` resumed after completion")) };
        let v = if st.attempt == Attempt::default() {
            match self.chan.try_send(v) {
                TrySend::Sent => return Ok(util::ok(cx, Value::Unit)),
                TrySend::Disconnected(v) => return Ok(util::err(cx, send_error(self.err, v))),
                TrySend::Full(v) => v,
            }
        } else {
            v
        };
        let st = &mut *st;
        match self.chan.poll_send(v.clone(), cx.waker, &mut st.attempt) {
            SendPoll::Sent => Ok(util::ok(cx, Value::Unit)),
            SendPoll::Disconnected(v) => Ok(util::err(cx, send_error(self.err, v))),
            SendPoll::Pending => {
                st.val = Some(v);
                Err(pending(&mut st.waker, cx.waker, "Sender::send"))
            }
        }
    }
    fn name(&self) -> &'static str {
        "Send"
    }
    fn cancel(&self) {
        let mut st = self.st.lock();
        let st = &mut *st;
        give_up(&self.chan, &mut st.waker, &mut st.attempt);
    }
}

/// `__amp_send(tx, v)`: `SendError`'s definition is the sender end's (`__amp_new`); an
/// older caller may pass a `SendError(())` template as a third argument instead.
fn amp_send(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Borrowed from the argument (the end's handle itself): no handle clones.
    let (chan, def) = with_end(args, 0, |e| Ok((e.chan.clone(), e.err_def)))?;
    let err = match def {
        Some(d) => d,
        None => match util::deref(&raw_arg(args, 2)?)? {
            Value::Adt(h) => h.read().map_err(util::conflict)?.def,
            Value::Tag(d, _) => d,
            other => return Err(type_error("SendError template", &other)),
        },
    };
    let v = raw_arg(args, 1)?;
    // The fast path: room now (or closed): no future object.
    if chan.flavor() == Flavor::Unbounded {
        return Ok(match chan.try_send(v) {
            TrySend::Sent => util::ok(cx, Value::Unit),
            TrySend::Disconnected(v) | TrySend::Full(v) => util::err(cx, send_error(err, v)),
        });
    }
    Ok(native_future_inline(Inner::Send(SendFut { chan, err, st: Mutex::new(SendState { val: Some(v), attempt: Attempt::default(), waker: None }) })))
}

struct RecvState {
    attempt: Attempt,
    waker: Option<Waker>,
}

/// `rx.recv()` (mpsc: `Option<T>`) or `rx.await` of a oneshot (`Result<T, RecvError>`).
pub(crate) struct RecvFut {
    chan: Arc<Chan<Value>>,
    /// The oneshot's `RecvError` template; `None` for mpsc.
    err: Option<Value>,
    st: Mutex<RecvState>,
}

impl PollNative for RecvFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut st = self.st.lock();
        let st = &mut *st;
        match (self.chan.poll_recv(cx.waker, &mut st.attempt), &self.err) {
            (RecvPoll::Got(v), None) => Ok(util::some(cx, v)),
            (RecvPoll::Got(v), Some(_)) => Ok(util::ok(cx, v)),
            (RecvPoll::Disconnected, None) => Ok(util::none(cx)),
            (RecvPoll::Disconnected, Some(e)) => Ok(util::err(cx, err_like(e, 0, Vec::new())?)),
            (RecvPoll::Pending, _) => Err(pending(&mut st.waker, cx.waker, "Receiver::recv")),
        }
    }
    fn name(&self) -> &'static str {
        "Recv"
    }
    fn cancel(&self) {
        let mut st = self.st.lock();
        let st = &mut *st;
        give_up(&self.chan, &mut st.waker, &mut st.attempt);
    }
}

/// `__amp_recv(rx)` (aux 0) / `__aone_recv(rx, err)` (aux 1).
fn amp_recv(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let chan = with_end(args, 0, |e| Ok(e.chan.clone()))?;
    let err = if aux == 1 { Some(raw_arg(args, 1)?) } else { None };
    Ok(native_future_inline(Inner::Recv(RecvFut { chan, err, st: Mutex::new(RecvState { attempt: Attempt::default(), waker: None }) })))
}

// ---------------------------------------------------------------- awaited at once

/// What a direct await (`__amp_recv_now`, `__amp_send_now`) remembers between its attempts,
/// in `cx.state` (only once it blocked: the ready path allocates nothing).
struct NowWait(Attempt);

/// The attempt almost every blocked direct await leaves (its waker registered with one of
/// the channel's queues, nothing else: a bounded or unbounded channel), kept as this unit
/// marker: a boxed zero-sized value allocates nothing.
struct NowRegistered;

/// The attempt `NowRegistered` stands for.
fn registered() -> Attempt {
    Attempt { registered: true, ..Attempt::default() }
}

/// The attempt a direct await left in `cx.state` when it blocked (a fresh one the first time).
#[inline(always)]
fn now_attempt(cx: &mut NativeCx<'_>) -> Attempt {
    match cx.state.take() {
        None => Attempt::default(),
        Some(b) => kept_attempt(b),
    }
}

/// `now_attempt` of a direct await that blocked before.
#[inline(never)]
fn kept_attempt(b: Box<dyn std::any::Any + Send>) -> Attempt {
    if b.is::<NowRegistered>() {
        return registered();
    }
    match b.downcast::<NowWait>() {
        Ok(w) => w.0,
        Err(_) => Attempt::default(),
    }
}

/// A direct await cannot finish now: its waker is registered (by the channel's `poll_*`);
/// keep its attempt, let `abort` wake the task too, and block.
fn now_block(cx: &mut NativeCx<'_>, a: Attempt, what: &'static str) -> NativeError {
    *cx.state = Some(if a == registered() { Box::new(NowRegistered) } else { Box::new(NowWait(a)) });
    super::async_task::abortable(cx);
    NativeError::Block(Blocked::on(what))
}

/// `__amp_recv_now(rx) -> Option<T>`: `rx.recv().await` of an mpsc receiver in one
/// blocking call (compile/async_fn.rs): the message or `None` now when the channel has one
/// or is closed, else the task blocks and the call runs again when woken. An await point: an
/// aborted task stops here. Like the `Recv` future, it takes a message only in the attempt
/// that returns it; a task cancelled while blocked here leaves at most its waker in the
/// channel's queue (a spurious wake-up of nobody).
///
/// Its `unwrap` twin is `recv_now_unwrap`.
fn amp_recv_now(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    recv_now_on(cx, args, 0)
}

/// `__amp_recv_now`'s `unwrap` twin (`registry::TwinFn`, for `rx.recv().await.unwrap()`,
/// `vm/call_unwrap.rs`): `this` is the receiver's end (its `inner` field, borrowed). The
/// message itself, or `Value::Moved` where the plain native answers `None` (nothing taken:
/// the channel stays closed and empty, and the plain call that runs then answers `None` for
/// the `unwrap` to panic on).
fn recv_now_unwrap(cx: &mut NativeCx<'_>, this: &Value, _: &mut [Value]) -> NativeResult {
    recv_now_on(cx, std::slice::from_ref(this), 1)
}

/// One attempt of a direct receive on the end `end[0]`: `__amp_recv_now`'s answers (aux 0)
/// or its twin's (aux 1). (Inlined into both: one call less per receive.)
#[inline(always)]
fn recv_now_on(cx: &mut NativeCx<'_>, end: &[Value], aux: u32) -> NativeResult {
    super::async_task::check_cancel()?;
    with_end(end, 0, |e| {
        let mut a = now_attempt(cx);
        match e.chan.poll_recv(cx.waker, &mut a) {
            RecvPoll::Got(v) if aux == 1 => Ok(v),
            RecvPoll::Got(v) => Ok(util::some(cx, v)),
            RecvPoll::Disconnected if aux == 1 => Ok(Value::Moved),
            RecvPoll::Disconnected => Ok(util::none(cx)),
            RecvPoll::Pending => Err(now_block(cx, a, "Receiver::recv")),
        }
    })
}

/// `__amp_send_now(tx, v) -> Result<(), SendError<T>>`: `tx.send(v).await` of a
/// bounded mpsc sender in one blocking call (see `amp_recv_now`). The message stays in its
/// argument register until it is sent (a blocked call runs again with it).
///
/// Its `unwrap` twin is `send_now_unwrap`.
fn amp_send_now(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (end, rest) = args.split_at_mut(1.min(args.len()));
    send_now_on(cx, end, rest, 0)
}

/// `__amp_send_now`'s `unwrap` twin (`registry::TwinFn`, for `tx.send(v).await.unwrap()`):
/// `this` is the sender's end (its `inner` field, borrowed), `rest` holds the message. `()`
/// once sent, or `Value::Moved` with the message back in its register where the plain
/// native answers `Err(SendError(v))` (the receiver is gone for good: the plain call that
/// runs then builds that error for the `unwrap` to panic on).
fn send_now_unwrap(cx: &mut NativeCx<'_>, this: &Value, rest: &mut [Value]) -> NativeResult {
    send_now_on(cx, std::slice::from_ref(this), rest, 1)
}

/// One attempt of a direct send of `rest[0]` on the end `end[0]`: `__amp_send_now`'s
/// answers (aux 0) or its twin's (aux 1). (Inlined into both: one call less per send.)
#[inline(always)]
fn send_now_on(cx: &mut NativeCx<'_>, end: &[Value], rest: &mut [Value], aux: u32) -> NativeResult {
    super::async_task::check_cancel()?;
    let Some(slot) = rest.first_mut() else { return Err(panic("internal error: `__amp_send_now` without a message")) };
    with_end(end, 0, |e| {
        let err = e.err_def.ok_or_else(|| panic("internal error: a tokio sender without its `SendError`"))?;
        let sent = |cx: &mut NativeCx<'_>| if aux == 1 { Value::Unit } else { util::ok(cx, Value::Unit) };
        let mut a = now_attempt(cx);
        let v = std::mem::replace(slot, Value::Unit);
        let v = if a == Attempt::default() {
            match e.chan.try_send(v) {
                TrySend::Sent => return Ok(sent(cx)),
                TrySend::Disconnected(v) if aux == 1 => {
                    *slot = v;
                    return Ok(Value::Moved);
                }
                TrySend::Disconnected(v) => return Ok(util::err(cx, send_error(err, v))),
                TrySend::Full(v) => v,
            }
        } else {
            v
        };
        // `poll_send` keeps the value it cannot send: it gets a handle, the register keeps
        // the message for the next attempt.
        match e.chan.poll_send(v.clone(), cx.waker, &mut a) {
            SendPoll::Sent => Ok(sent(cx)),
            SendPoll::Disconnected(_) if aux == 1 => {
                *slot = v;
                Ok(Value::Moved)
            }
            SendPoll::Disconnected(v) => Ok(util::err(cx, send_error(err, v))),
            SendPoll::Pending => {
                *slot = v;
                Err(now_block(cx, a, "Sender::send"))
            }
        }
    })
}

/// `tx.closed()` of mpsc and oneshot: ready (with `()`) once every receiver is gone.
struct ClosedFut {
    chan: Arc<Chan<Value>>,
    st: Mutex<RecvState>,
}

impl PollNative for ClosedFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut st = self.st.lock();
        let st = &mut *st;
        if self.chan.poll_closed(cx.waker, &mut st.attempt) {
            st.waker = None;
            return Ok(Value::Unit);
        }
        Err(pending(&mut st.waker, cx.waker, "Sender::closed"))
    }
    fn name(&self) -> &'static str {
        "Closed"
    }
    fn cancel(&self) {
        let mut st = self.st.lock();
        let st = &mut *st;
        give_up(&self.chan, &mut st.waker, &mut st.attempt);
    }
}

/// `__amp_closed(tx) -> Future<()>`.
fn amp_closed(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (chan, _, _) = end_info(&raw_arg(args, 0)?)?;
    Ok(native_future(ClosedFut { chan, st: Mutex::new(RecvState { attempt: Attempt::default(), waker: None }) }))
}

fn amp_is_closed(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(end_info(&raw_arg(args, 0)?)?.0.receivers_gone()))
}

/// `(free slots, capacity)` of a bounded channel (unbounded: `usize::MAX` twice).
fn amp_capacity(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let chan = end_info(&raw_arg(args, 0)?)?.0;
    let (free, max) = match chan.flavor() {
        Flavor::Bounded(n) => (n.saturating_sub(chan.len()), n),
        _ => (usize::MAX, usize::MAX),
    };
    Ok(util::pair(Value::usize(free), Value::usize(max)))
}

// ---------------------------------------------------------------- broadcast

/// A broadcast end.
enum BcEnd {
    Tx(Arc<Broadcast<Value>>),
    Rx(Arc<Broadcast<Value>>, Mutex<u64>),
}

impl Drop for BcEnd {
    fn drop(&mut self) {
        match self {
            BcEnd::Tx(b) => b.drop_sender(),
            BcEnd::Rx(b, pos) => b.drop_receiver(*pos.get_mut()),
        }
    }
}

fn bc_end(v: &Value) -> R<Arc<Box<dyn Any + Send + Sync>>> {
    match native_of(v) {
        Some(b) if b.downcast_ref::<BcEnd>().is_some() => Ok(b),
        _ => Err(type_error("broadcast channel end", v)),
    }
}

fn bc_of(b: &BcEnd) -> &Arc<Broadcast<Value>> {
    match b {
        BcEnd::Tx(x) | BcEnd::Rx(x, _) => x,
    }
}

fn abc_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let cap = util::usize_of(&arg(args, 0)?)?;
    if cap == 0 {
        return Err(panic("broadcast channel capacity cannot be zero"));
    }
    let b = Arc::new(Broadcast::new(cap));
    Ok(util::pair(native_value(BcEnd::Tx(b.clone())), native_value(BcEnd::Rx(b, Mutex::new(0)))))
}

fn abc_send(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = bc_end(&raw_arg(args, 0)?)?;
    let Some(e) = h.downcast_ref::<BcEnd>() else { return Err(panic("broadcast end")) };
    Ok(match bc_of(e).send(raw_arg(args, 1)?) {
        Ok(n) => util::ok(cx, Value::usize(n)),
        Err(v) => util::err(cx, v),
    })
}

/// `subscribe()` of a sender, `resubscribe()` of a receiver: a receiver from now on.
fn abc_subscribe(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = bc_end(&raw_arg(args, 0)?)?;
    let Some(e) = h.downcast_ref::<BcEnd>() else { return Err(panic("broadcast end")) };
    let b = bc_of(e).clone();
    let pos = b.subscribe();
    Ok(native_value(BcEnd::Rx(b, Mutex::new(pos))))
}

/// `clone()` of a broadcast sender.
fn abc_clone(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = bc_end(&raw_arg(args, 0)?)?;
    let Some(BcEnd::Tx(b)) = h.downcast_ref::<BcEnd>() else { return Err(panic("cannot clone a broadcast receiver (use resubscribe)")) };
    b.add_sender();
    Ok(native_value(BcEnd::Tx(b.clone())))
}

fn clone_msg(v: &Value) -> Value {
    super::clone_value(v).unwrap_or_else(|_| v.clone())
}

/// A broadcast result as the prelude's types: `RecvError`/`TryRecvError` have `Closed` (0)
/// and `Lagged(n)` (1); `TryRecvError` also `Empty` (2).
fn bc_result(cx: &NativeCx<'_>, r: BRecv<Value>, err: &Value) -> R<Option<Value>> {
    Ok(Some(match r {
        BRecv::Got(v) => util::ok(cx, v),
        BRecv::Closed => util::err(cx, err_like(err, 0, Vec::new())?),
        BRecv::Lagged(n) => util::err(cx, err_like(err, 1, vec![Value::int(n as i64, crate::value::IntTy::U64)])?),
        BRecv::Empty => util::err(cx, err_like(err, 2, Vec::new())?),
        BRecv::Pending => return Ok(None),
    }))
}

struct BcRecvFut {
    rx: Arc<Box<dyn Any + Send + Sync>>,
    err: Value,
    waker: Mutex<Option<Waker>>,
}

impl PollNative for BcRecvFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let Some(BcEnd::Rx(b, pos)) = self.rx.downcast_ref::<BcEnd>() else { return Err(panic("broadcast receiver")) };
        let r = b.poll_recv(&mut pos.lock(), &clone_msg, cx.waker);
        match bc_result(cx, r, &self.err)? {
            Some(v) => Ok(v),
            None => Err(pending(&mut self.waker.lock(), cx.waker, "broadcast::Receiver::recv")),
        }
    }
    fn name(&self) -> &'static str {
        "Recv"
    }
    fn cancel(&self) {
        if let (Some(BcEnd::Rx(b, _)), Some(w)) = (self.rx.downcast_ref::<BcEnd>(), self.waker.lock().take()) {
            b.forget(&w);
        }
    }
}

fn abc_recv(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let rx = bc_end(&raw_arg(args, 0)?)?;
    Ok(native_future(BcRecvFut { rx, err: raw_arg(args, 1)?, waker: Mutex::new(None) }))
}

fn abc_try_recv(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = bc_end(&raw_arg(args, 0)?)?;
    let Some(BcEnd::Rx(b, pos)) = h.downcast_ref::<BcEnd>() else { return Err(panic("broadcast receiver expected")) };
    let r = b.try_recv(&mut pos.lock(), &clone_msg);
    Ok(bc_result(cx, r, &raw_arg(args, 1)?)?.unwrap_or_default())
}

/// `receiver_count()` (aux 0), `len()` of a receiver (aux 1).
fn abc_count(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = bc_end(&raw_arg(args, 0)?)?;
    let Some(e) = h.downcast_ref::<BcEnd>() else { return Err(panic("broadcast end")) };
    Ok(Value::usize(match (e, aux) {
        (BcEnd::Rx(b, pos), 1) => b.len(*pos.lock()),
        (e, _) => bc_of(e).receiver_count(),
    }))
}

// ---------------------------------------------------------------- watch

enum WEnd {
    Tx(Arc<Watch<Value>>),
    Rx(Arc<Watch<Value>>, Mutex<u64>),
}

impl Drop for WEnd {
    fn drop(&mut self) {
        match self {
            WEnd::Tx(w) => w.drop_sender(),
            WEnd::Rx(w, _) => w.drop_receiver(),
        }
    }
}

fn w_end(v: &Value) -> R<Arc<Box<dyn Any + Send + Sync>>> {
    match native_of(v) {
        Some(b) if b.downcast_ref::<WEnd>().is_some() => Ok(b),
        _ => Err(type_error("watch channel end", v)),
    }
}

fn w_of(e: &WEnd) -> &Arc<Watch<Value>> {
    match e {
        WEnd::Tx(w) | WEnd::Rx(w, _) => w,
    }
}

macro_rules! wend {
    ($args:expr) => {{
        let h = w_end(&raw_arg($args, 0)?)?;
        h
    }};
}

fn aw_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let w = Arc::new(Watch::new(raw_arg(args, 0)?));
    Ok(util::pair(native_value(WEnd::Tx(w.clone())), native_value(WEnd::Rx(w, Mutex::new(0)))))
}

/// `borrow()` (aux 0) and `borrow_and_update()` (aux 1): the current value (shared).
fn aw_borrow(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = wend!(args);
    let Some(e) = h.downcast_ref::<WEnd>() else { return Err(panic("watch end")) };
    let (v, version) = w_of(e).borrow(|v| v.clone());
    if let (WEnd::Rx(_, seen), 1) = (e, aux) {
        *seen.lock() = version;
    }
    Ok(v)
}

/// `send(v)` (aux 0) -> `Result<(), T>`; `send_replace(v)` (aux 1) -> old value.
fn aw_send(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = wend!(args);
    let Some(e) = h.downcast_ref::<WEnd>() else { return Err(panic("watch end")) };
    let v = raw_arg(args, 1)?;
    if aux == 1 {
        return Ok(w_of(e).send_replace(v));
    }
    Ok(match w_of(e).send(v) {
        Ok(_old) => util::ok(cx, Value::Unit),
        Err(v) => util::err(cx, v),
    })
}

struct ChangedFut {
    rx: Arc<Box<dyn Any + Send + Sync>>,
    err: Value,
    waker: Mutex<Option<Waker>>,
}

impl PollNative for ChangedFut {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        use teras_stdlib::asyncrt::watch::Changed;
        let Some(WEnd::Rx(w, seen)) = self.rx.downcast_ref::<WEnd>() else { return Err(panic("watch receiver")) };
        let r = w.poll_changed(&mut seen.lock(), cx.waker);
        match r {
            Changed::Yes => Ok(util::ok(cx, Value::Unit)),
            Changed::Closed => Ok(util::err(cx, err_like(&self.err, 0, Vec::new())?)),
            Changed::Pending => Err(pending(&mut self.waker.lock(), cx.waker, "watch::Receiver::changed")),
        }
    }
    fn name(&self) -> &'static str {
        "Changed"
    }
    fn cancel(&self) {
        if let (Some(WEnd::Rx(w, _)), Some(wk)) = (self.rx.downcast_ref::<WEnd>(), self.waker.lock().take()) {
            w.forget(&wk);
        }
    }
}

fn aw_changed(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let rx = wend!(args);
    if !matches!(rx.downcast_ref::<WEnd>(), Some(WEnd::Rx(..))) {
        return Err(panic("`changed` needs a watch receiver"));
    }
    Ok(native_future(ChangedFut { rx, err: raw_arg(args, 1)?, waker: Mutex::new(None) }))
}

fn aw_has_changed(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = wend!(args);
    let Some(WEnd::Rx(w, seen)) = h.downcast_ref::<WEnd>() else { return Err(panic("watch receiver expected")) };
    let seen = *seen.lock();
    Ok(util::option(cx, w.has_changed(seen).map(Value::Bool)))
}

/// `subscribe()` of a sender (aux 0; sees the current version as seen) and `clone()` of
/// either end (aux 1).
fn aw_subscribe(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = wend!(args);
    let Some(e) = h.downcast_ref::<WEnd>() else { return Err(panic("watch end")) };
    let w = w_of(e).clone();
    Ok(match (e, aux) {
        (WEnd::Tx(_), 1) => {
            w.add_sender();
            native_value(WEnd::Tx(w))
        }
        (WEnd::Rx(_, seen), 1) => {
            w.add_receiver();
            let s = *seen.lock();
            native_value(WEnd::Rx(w, Mutex::new(s)))
        }
        _ => {
            w.add_receiver();
            let v = w.version();
            native_value(WEnd::Rx(w, Mutex::new(v)))
        }
    })
}

/// `receiver_count()` (aux 0) / `is_closed()` (aux 1: a sender with no receivers, a
/// receiver with no senders).
fn aw_count(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let h = wend!(args);
    let Some(e) = h.downcast_ref::<WEnd>() else { return Err(panic("watch end")) };
    let w = w_of(e);
    Ok(match (e, aux) {
        (_, 0) => Value::usize(w.receiver_count()),
        (WEnd::Tx(_), _) => Value::Bool(w.receiver_count() == 0),
        (WEnd::Rx(..), _) => Value::Bool(w.sender_count() == 0),
    })
}

pub fn register(r: &mut Registry) {
    r.func("__amp_new", amp_new);
    r.func("__amp_send", amp_send);
    r.func_aux("__amp_recv", amp_recv, 0);
    r.func("__amp_recv_now", amp_recv_now);
    r.twin("__amp_recv_now", recv_now_unwrap);
    r.func("__amp_send_now", amp_send_now);
    r.twin("__amp_send_now", send_now_unwrap);
    r.func("__amp_is_closed", amp_is_closed);
    r.func("__amp_closed", amp_closed);
    r.func("__amp_capacity", amp_capacity);
    r.func("__aone_new", aone_new);
    r.func_aux("__aone_recv", amp_recv, 1);
    r.func("__abc_new", abc_new);
    r.func("__abc_send", abc_send);
    r.func("__abc_subscribe", abc_subscribe);
    r.func("__abc_clone", abc_clone);
    r.func("__abc_recv", abc_recv);
    r.func("__abc_try_recv", abc_try_recv);
    r.func_aux("__abc_receiver_count", abc_count, 0);
    r.func_aux("__abc_len", abc_count, 1);
    r.func("__aw_new", aw_new);
    r.func_aux("__aw_borrow", aw_borrow, 0);
    r.func_aux("__aw_borrow_and_update", aw_borrow, 1);
    r.func_aux("__aw_send", aw_send, 0);
    r.func_aux("__aw_send_replace", aw_send, 1);
    r.func("__aw_changed", aw_changed);
    r.func("__aw_has_changed", aw_has_changed);
    r.func_aux("__aw_subscribe", aw_subscribe, 0);
    r.func_aux("__aw_clone", aw_subscribe, 1);
    r.func_aux("__aw_receiver_count", aw_count, 0);
    r.func_aux("__aw_is_closed", aw_count, 1);
}

#[cfg(test)]
#[path = "async_chan_tests.rs"]
pub(crate) mod tests;
