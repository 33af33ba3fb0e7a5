//! Channels bound to TERAS values: the natives behind the prelude's `std::sync::mpsc`
//! (`channel`, `sync_channel`), the seed's `mpsc_channel`/`mpmc_channel`/`spsc_channel`/
//! `oneshot`, and `select!` (`channel_select.rs`).
//!
//! A channel end is a `Value::Native(ChanEnd)` held in field `inner` of a prelude struct
//! (`Sender`, `SyncSender`, `Receiver`, `OneshotSender`, `OneshotReceiver`, see
//! `prelude/channel.rs`), whose methods call the `__chan_*` natives here and build the std
//! error types (`SendError`, `TryRecvError`...) from their plain answers. The core is
//! `teras_stdlib::chan::Chan<Value>`.
//!
//! Lifetimes: an end counts itself in its channel when created (`__chan_new`, `__chan_clone`)
//! and uncounts itself in `Drop`, which runs when the last `Value` handle to the `ChanEnd`
//! dies (the VM clears a frame's registers when it returns and drops locals at scope end in
//! programs that need drop glue). Cloning the prelude struct structurally shares the handle,
//! which is the same thing for disconnection: the channel disconnects when the last handle
//! of the last end is gone.
//!
//! Blocking natives follow `teras_stdlib::sched`: they register `cx.waker` with the channel
//! and return `NativeError::Block`; what they must remember between attempts (an `Attempt`,
//! a deadline) is kept in `cx.state`.
//!
//! The natives (all take the end's handle first):
//! - `__chan_new(kind, cap, send_err, recv_err) -> (tx, rx)`: kind 0 `channel`,
//!   1 `sync_channel(cap)`, 2 `mpsc_channel`, 3 `mpmc_channel(cap)`, 4 `spsc_channel(cap)`,
//!   5 `oneshot`. `send_err` (a `SendError(())`) and `recv_err` (a `RecvError`) are samples
//!   of the prelude's error types: the ends keep their definitions to build `SendError(v)`
//!   and `RecvError` themselves (optional: without them the `_std` natives fail).
//! - `__chan_clone(h) -> h`: another end of the same side (an error for ends that cannot be
//!   cloned: spsc ends, oneshot ends, std receivers).
//! - `__chan_send(h, v) -> Result<(), T>` (blocking; `Err(v)`: the receivers are gone), and
//!   `__chan_send_std(h, v) -> Result<(), SendError<T>>` (the same, the error already built:
//!   the prelude's `send` returns it as it is, no frame work and no copy of the `Result`);
//!   `send_unwrap` and `recv_unwrap` are the `_std` natives' `unwrap` twins
//!   (`registry::TwinFn`) for `send(v).unwrap()` / `recv().unwrap()` (`Instr::CallSiteUnwrap`:
//!   the plain value, or `Value::Moved` for the `Err` case, which the plain native then
//!   builds).
//! - `__chan_try_send(h, v) -> Result<(), (bool, T)>` (`true`: full, `false`: disconnected).
//! - `__chan_recv(h) -> Option<T>` (blocking; `None`: disconnected and empty), and
//!   `__chan_recv_result(h) -> Result<T, ()>` (the same as a `Result`), and
//!   `__chan_recv_std(h) -> Result<T, RecvError>` (the error already built).
//! - `__chan_try_recv(h) -> Result<T, bool>` (`true`: disconnected, `false`: empty).
//! - `__chan_recv_timeout(h, d) -> Result<T, bool>` (`true`: disconnected, `false`: timeout).
//! - `__chan_recv_deadline(h, instant)`: as `recv_timeout` with an `Instant` deadline.
//! - `__chan_len(h) -> usize`, `__chan_is_sender(h) -> bool`.

use super::object::{std_obj, StdObj};
use super::util::{self, arg, panic, raw_arg, type_error, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::value::{AdtObj, Value};
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::chan::{Attempt, Chan, Flavor, RecvPoll, SendPoll, TryRecv, TrySend};
use teras_stdlib::sched::Blocked;

/// Which API made a channel (for clone rules and messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChanKind {
    /// `std::sync::mpsc::channel` / `sync_channel`.
    Std,
    /// The seed's `mpsc_channel()`.
    Mpsc,
    /// The seed's `mpmc_channel(capacity)`: receivers can be cloned too.
    Mpmc,
    /// The seed's `spsc_channel(capacity)`: neither end can be cloned.
    Spsc,
    /// The seed's `oneshot()`: one value, neither end can be cloned.
    Oneshot,
}

/// One end of a channel: what `Value::Native` holds.
#[derive(Debug)]
pub struct ChanEnd {
    pub chan: Arc<Chan<Value>>,
    pub sender: bool,
    pub kind: ChanKind,
    /// The prelude's `SendError` (a sender) or `RecvError` (a receiver) definition, for the
    /// `_std` natives (see `__chan_new`).
    pub err_def: Option<crate::value::DefRef>,
}

impl Drop for ChanEnd {
    fn drop(&mut self) {
        if self.sender {
            self.chan.drop_sender();
        } else {
            self.chan.drop_receiver();
        }
    }
}

impl ChanEnd {
    fn into_value(self) -> Value {
        Value::Native(Arc::new(Box::new(self)))
    }
}

/// The channel end inside `v`: the native handle itself, or a prelude channel struct (its
/// first field), through references.
pub fn end_of(v: &Value) -> R<Arc<Chan<Value>>> {
    Ok(end_info(v)?.0)
}

/// The end's channel, side (true: sender) and kind.
pub fn end_info(v: &Value) -> R<(Arc<Chan<Value>>, bool, ChanKind)> {
    let h = end_handle(v)?;
    match h.downcast_ref::<ChanEnd>() {
        Some(e) => Ok((e.chan.clone(), e.sender, e.kind)),
        None => Err(type_error("channel end", &Value::Native(h))),
    }
}

/// The native handle of the end in `v` (the handle itself, or a prelude channel struct's
/// first field, through references).
fn end_handle(v: &Value) -> R<Arc<Box<dyn Any + Send + Sync>>> {
    let v = util::deref(v)?;
    match &v {
        Value::Native(b) if b.downcast_ref::<ChanEnd>().is_some() => Ok(b.clone()),
        Value::Adt(h) => {
            let field = h.read().map_err(util::conflict)?.fields.first().cloned();
            match field {
                Some(f @ Value::Native(_)) => end_handle(&f),
                _ => Err(type_error("channel end", &v)),
            }
        }
        _ => Err(type_error("channel end", &v)),
    }
}

/// Run `f` on the end passed as argument `i`: borrowed from the argument when it is the
/// handle itself (see `ChanRef`), else found through references and prelude structs.
pub fn with_end<T>(args: &[Value], i: usize, f: impl FnOnce(&ChanEnd) -> R<T>) -> R<T> {
    match args.get(i) {
        Some(Value::Native(b)) => match b.downcast_ref::<ChanEnd>() {
            Some(e) => f(e),
            None => Err(type_error("channel end", &Value::Native(b.clone()))),
        },
        _ => {
            let h = end_handle(&raw_arg(args, i)?)?;
            match h.downcast_ref::<ChanEnd>() {
                Some(e) => f(e),
                None => Err(type_error("channel end", &Value::Native(h.clone()))),
            }
        }
    }
}

/// `err` around `fields`: the end's `SendError(v)` / `RecvError`.
fn std_error(cx: &NativeCx<'_>, end: &ChanEnd, fields: Vec<Value>) -> R<Value> {
    match &end.err_def {
        Some(def) => Ok(util::err(cx, Value::Adt(crate::heap::Heap::new(AdtObj { def: *def, variant: 0, fields: fields.into() })))),
        None => Err(panic("internal error: a channel end without its error type")),
    }
}

/// A channel reached from an argument: borrowed from the argument when it is the end's
/// handle itself (the prelude's calls: `__chan_send(&self.inner, v)`), so that the hot path
/// does not touch the count the other side's thread touches too; else a counted clone.
pub enum ChanRef<'a> {
    Borrowed(&'a Chan<Value>),
    Owned(Arc<Chan<Value>>),
}

impl std::ops::Deref for ChanRef<'_> {
    type Target = Chan<Value>;
    fn deref(&self) -> &Chan<Value> {
        match self {
            ChanRef::Borrowed(c) => c,
            ChanRef::Owned(c) => c,
        }
    }
}

/// The channel of the end passed as argument `i`.
pub fn chan_arg(args: &[Value], i: usize) -> R<ChanRef<'_>> {
    match args.get(i) {
        Some(Value::Native(b)) => match b.downcast_ref::<ChanEnd>() {
            Some(e) => Ok(ChanRef::Borrowed(&e.chan)),
            None => Err(type_error("channel end", &Value::Native(b.clone()))),
        },
        _ => Ok(ChanRef::Owned(end_of(&raw_arg(args, i)?)?)),
    }
}

/// What a blocked channel operation remembers between attempts (in `cx.state`).
#[derive(Debug, Default)]
pub(crate) struct Wait {
    pub attempt: Attempt,
    pub deadline: Option<Duration>,
}

/// The `Wait` of this fiber's unfinished call (a fresh one on the first attempt: every
/// message that does not wait, inline).
#[inline]
pub(crate) fn take_wait(cx: &mut NativeCx<'_>) -> Wait {
    if cx.state.is_none() {
        return Wait::default();
    }
    match cx.state.take().map(|b| b.downcast::<Wait>()) {
        Some(Ok(w)) => *w,
        _ => Wait::default(),
    }
}

fn block(cx: &mut NativeCx<'_>, wait: Wait, what: &'static str) -> NativeError {
    let b = match wait.deadline {
        Some(d) => Blocked::until(what, d),
        None => Blocked::on(what),
    };
    *cx.state = Some(Box::new(wait));
    NativeError::Block(b)
}

/// The `Duration` in `v`.
pub fn duration_of(v: &Value) -> R<Duration> {
    match std_obj(&util::deref(v)?) {
        Some(StdObj::Duration(d)) => Ok(*d),
        _ => Err(type_error("Duration", v)),
    }
}

/// A message must be `Send` to cross a channel: a value holding an `Rc`, a live cell borrow
/// or a lock guard stops the program with rustc's E0277 wording (`check::send_value`; user
/// `unsafe impl Send` is not consulted here: natives do not see the program). Only once the
/// program runs several threads: a channel used within one thread may carry an `Rc` (rustc
/// accepts it); a `Sender<Rc<_>>` moved into a thread is rejected statically by `check`.
#[inline]
fn check_send(v: &Value) -> R<()> {
    if matches!(v, Value::Unit | Value::Int(..) | Value::Bool(_) | Value::Float(..) | Value::Char(_)) || !crate::heap::threaded() {
        return Ok(());
    }
    check_send_walk(v)
}

#[inline(never)]
fn check_send_walk(v: &Value) -> R<()> {
    match crate::check::send_value::send_problem(v, &|_| None) {
        Some(p) => Err(panic(format!("{} (a message sent through a channel must be `Send`)", p.message()))),
        None => Ok(()),
    }
}

/// The end a twin's `this` holds: the native handle itself (a prelude channel struct's
/// `inner`), else (through references) `with_end`'s search.
#[inline]
fn with_this<T>(this: &Value, f: impl FnOnce(&ChanEnd) -> R<T>) -> R<T> {
    match this {
        Value::Native(b) => match b.downcast_ref::<ChanEnd>() {
            Some(e) => f(e),
            None => Err(type_error("channel end", this)),
        },
        _ => with_end(std::slice::from_ref(this), 0, f),
    }
}

fn new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let kind = util::int_of(&arg(args, 0)?)?.0;
    let cap = util::usize_of(&arg(args, 1)?)?;
    let (flavor, kind) = match kind {
        0 => (Flavor::Unbounded, ChanKind::Std),
        1 => (Chan::<Value>::bounded_flavor(cap), ChanKind::Std),
        2 => (Flavor::Unbounded, ChanKind::Mpsc),
        3 => (Chan::<Value>::bounded_flavor(cap), ChanKind::Mpmc),
        4 => (Chan::<Value>::bounded_flavor(cap), ChanKind::Spsc),
        5 => (Flavor::Bounded(1), ChanKind::Oneshot),
        // crossbeam-channel's `unbounded()` (prelude/crossbeam.rs): receivers can be cloned.
        6 => (Flavor::Unbounded, ChanKind::Mpmc),
        k => return Err(panic(format!("internal error: channel kind {k}"))),
    };
    let def_of = |i: usize| match args.get(i) {
        Some(Value::Adt(h)) => h.read().ok().map(|o| o.def),
        Some(Value::Tag(d, _)) => Some(*d),
        _ => None,
    };
    let (send_err, recv_err) = (def_of(2), def_of(3));
    let chan = Arc::new(Chan::new(flavor));
    let tx = ChanEnd { chan: chan.clone(), sender: true, kind, err_def: send_err }.into_value();
    let rx = ChanEnd { chan, sender: false, kind, err_def: recv_err }.into_value();
    Ok(util::pair(tx, rx))
}

fn clone_end(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (chan, sender, kind, err_def) = with_end(args, 0, |e| Ok((e.chan.clone(), e.sender, e.kind, e.err_def)))?;
    let side = if sender { "sending" } else { "receiving" };
    match (kind, sender) {
        (ChanKind::Spsc, _) => {
            return Err(panic(format!(
                "cannot clone the {side} end of an spsc_channel: it has exactly one producer and one consumer (use mpmc_channel for several)"
            )))
        }
        (ChanKind::Oneshot, _) => {
            return Err(panic(format!("cannot clone the {side} end of a oneshot channel: it carries exactly one value")))
        }
        (ChanKind::Std | ChanKind::Mpsc, false) => {
            return Err(panic("cannot clone a Receiver: an mpsc channel has a single consumer (use mpmc_channel for several)"))
        }
        _ => {}
    }
    if sender {
        chan.add_sender();
    } else {
        chan.add_receiver();
    }
    Ok(ChanEnd { chan, sender, kind, err_def }.into_value())
}

/// `__chan_send` (aux 0: `Err(v)`) and `__chan_send_std` (aux 1: `Err(SendError(v))`).
fn send(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let v = raw_arg(args, 1)?;
    with_end(args, 0, |end| send_on(cx, end, v, aux))
}

/// One attempt of a blocking send of `v` on `end`: `send`'s answers for its `aux`, and for
/// aux 2 the twin's (`send_unwrap`): `()` when sent, `Value::Moved` where the others answer
/// `Err`.
fn send_on(cx: &mut NativeCx<'_>, end: &ChanEnd, v: Value, aux: u32) -> NativeResult {
    let chan = &end.chan;
    let mut wait = take_wait(cx);
    if wait.attempt == Attempt::default() {
        check_send(&v)?;
    }
    let r = if cx.host.deterministic() {
        chan.poll_send(v, cx.waker, &mut wait.attempt)
    } else {
        chan.poll_send_spinning(v, cx.waker, &mut wait.attempt)
    };
    match r {
        SendPoll::Sent if aux == 2 => Ok(Value::Unit),
        SendPoll::Sent => Ok(util::ok(cx, Value::Unit)),
        // The twin's `Err` answer: nothing changed, the plain native builds the error.
        SendPoll::Disconnected(_) if aux == 2 => Ok(Value::Moved),
        SendPoll::Disconnected(v) if aux == 1 => std_error(cx, end, vec![v]),
        SendPoll::Disconnected(v) => Ok(util::err(cx, v)),
        SendPoll::Pending => Err(block(cx, wait, "Sender::send")),
    }
}

/// `__chan_send_std`'s `unwrap` twin (`registry::TwinFn`, for `tx.send(v).unwrap()`): `this`
/// is the sender's end (the `inner` field of `Sender`/`SyncSender`, borrowed), `rest` holds
/// the message. The first attempt tries the queue before any waiting bookkeeping, moving the
/// message out of its register only when it was sent (an integer is copied); any other case
/// is `send_on`'s.
fn send_unwrap(cx: &mut NativeCx<'_>, this: &Value, rest: &mut [Value]) -> NativeResult {
    let Some(slot) = rest.first_mut() else { return Err(panic("internal error: send without a message")) };
    with_this(this, |end| {
        if cx.state.is_none() {
            check_send(slot)?;
            // A scalar stays (a register that keeps an integer is written faster next time).
            let v = match *slot {
                Value::Int(x, t) => Value::Int(x, t),
                _ => std::mem::take(slot),
            };
            match end.chan.try_send(v) {
                TrySend::Sent => return Ok(Value::Unit),
                TrySend::Full(v) | TrySend::Disconnected(v) => *slot = v,
            }
        }
        send_on(cx, end, slot.clone(), 2)
    })
}

fn try_send(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let chan = chan_arg(args, 0)?;
    let v = raw_arg(args, 1)?;
    check_send(&v)?;
    Ok(match chan.try_send(v) {
        TrySend::Sent => util::ok(cx, Value::Unit),
        TrySend::Full(v) => util::err(cx, util::pair(Value::Bool(true), v)),
        TrySend::Disconnected(v) => util::err(cx, util::pair(Value::Bool(false), v)),
    })
}

fn recv(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let chan = chan_arg(args, 0)?;
    let mut wait = take_wait(cx);
    let r = if cx.host.deterministic() {
        chan.poll_recv(cx.waker, &mut wait.attempt)
    } else {
        chan.poll_recv_spinning(cx.waker, &mut wait.attempt)
    };
    match r {
        RecvPoll::Got(v) => Ok(util::some(cx, v)),
        RecvPoll::Disconnected => Ok(util::none(cx)),
        RecvPoll::Pending => Err(block(cx, wait, "Receiver::recv")),
    }
}

/// `__chan_recv_result(h) -> Result<T, ()>` (aux 0) and `__chan_recv_std(h) ->
/// Result<T, RecvError>` (aux 1): `recv` for `Receiver::recv`.
fn recv_result(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    with_end(args, 0, |end| recv_on(cx, end, aux))
}

/// One attempt of a blocking receive on `end`: `recv_result`'s answers for its `aux`, and
/// for aux 2 the twin's (`recv_unwrap`): the message itself, or `Value::Moved` when
/// disconnected (the plain native then builds the `Err`).
fn recv_on(cx: &mut NativeCx<'_>, end: &ChanEnd, aux: u32) -> NativeResult {
    let chan = &end.chan;
    let mut wait = take_wait(cx);
    let r = if cx.host.deterministic() {
        chan.poll_recv(cx.waker, &mut wait.attempt)
    } else {
        chan.poll_recv_spinning(cx.waker, &mut wait.attempt)
    };
    match r {
        RecvPoll::Got(v) if aux == 2 => Ok(v),
        RecvPoll::Got(v) => Ok(util::ok(cx, v)),
        RecvPoll::Disconnected if aux == 2 => Ok(Value::Moved),
        RecvPoll::Disconnected if aux == 1 => std_error(cx, end, Vec::new()),
        RecvPoll::Disconnected => Ok(util::err(cx, Value::Unit)),
        RecvPoll::Pending => Err(block(cx, wait, "Receiver::recv")),
    }
}

/// `__chan_recv_std`'s `unwrap` twin (`registry::TwinFn`, for `rx.recv().unwrap()`): `this`
/// is the receiver's end (borrowed). The first attempt takes a queued message before any
/// waiting bookkeeping; any other case is `recv_on`'s.
fn recv_unwrap(cx: &mut NativeCx<'_>, this: &Value, _: &mut [Value]) -> NativeResult {
    with_this(this, |end| {
        if cx.state.is_none() {
            if let TryRecv::Got(v) = end.chan.try_recv() {
                return Ok(v);
            }
        }
        recv_on(cx, end, 2)
    })
}

fn try_recv(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::chan_timer::poll(cx);
    let chan = chan_arg(args, 0)?;
    Ok(match chan.try_recv() {
        TryRecv::Got(v) => util::ok(cx, v),
        TryRecv::Empty => util::err(cx, Value::Bool(false)),
        TryRecv::Disconnected => util::err(cx, Value::Bool(true)),
    })
}

/// `recv_timeout(d)` (aux 0) and `recv_deadline(instant)` (aux 1).
fn recv_timeout(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let chan = chan_arg(args, 0)?;
    let mut wait = take_wait(cx);
    let now = cx.host.now();
    let deadline = match wait.deadline {
        Some(d) => d,
        None if aux == 0 => now.saturating_add(duration_of(&arg(args, 1)?)?),
        None => match std_obj(&arg(args, 1)?) {
            // An `Instant` is on the real clock; the runtime's clock started with the run.
            Some(StdObj::Instant(i)) => now.saturating_add(i.saturating_duration_since(std::time::Instant::now())),
            _ => return Err(type_error("Instant", &arg(args, 1)?)),
        },
    };
    wait.deadline = Some(deadline);
    match chan.poll_recv(cx.waker, &mut wait.attempt) {
        RecvPoll::Got(v) => Ok(util::ok(cx, v)),
        RecvPoll::Disconnected => Ok(util::err(cx, Value::Bool(true))),
        RecvPoll::Pending if cx.host.now() >= deadline => {
            chan.give_up(cx.waker, &mut wait.attempt);
            Ok(util::err(cx, Value::Bool(false)))
        }
        RecvPoll::Pending => Err(block(cx, wait, "Receiver::recv_timeout")),
    }
}

fn len(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::usize(end_of(&raw_arg(args, 0)?)?.len()))
}

fn is_sender(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(end_info(&raw_arg(args, 0)?)?.1))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__chan_new", new);
    r.func("__chan_clone", clone_end);
    r.func_aux("__chan_send", send, 0);
    r.func_aux("__chan_send_std", send, 1);
    r.twin("__chan_send_std", send_unwrap);
    r.func("__chan_try_send", try_send);
    r.func("__chan_recv", recv);
    r.func_aux("__chan_recv_result", recv_result, 0);
    r.func_aux("__chan_recv_std", recv_result, 1);
    r.twin("__chan_recv_std", recv_unwrap);
    r.func("__chan_try_recv", try_recv);
    r.func_aux("__chan_recv_timeout", recv_timeout, 0);
    r.func_aux("__chan_recv_deadline", recv_timeout, 1);
    r.func("__chan_len", len);
    r.func("__chan_is_sender", is_sender);
    super::channel_select::register(r);
}

#[cfg(test)]
#[path = "channel_tests.rs"]
mod tests;
