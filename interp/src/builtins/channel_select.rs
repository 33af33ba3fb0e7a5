//! The native behind `select!` (see `compile/select.rs` for what the macro compiles to):
//! `__chan_select(spec, timeout, end0, end1, ...) -> (usize, payload)`.
//!
//! `spec` has one letter per operation, `r` (receive from `end_i`) or `s` (send on `end_i`),
//! then optionally `d` (a `default` arm: never wait) or `t` (a `default(timeout)` arm: wait
//! at most `timeout`, a `Duration`; otherwise `timeout` is `()`). The answer is the index of
//! the chosen operation, or the number of operations when the default arm runs; the payload of
//! a receive is `Some(message)` or `None` (disconnected), else `()`. A chosen send is not
//! performed here: the arm evaluates its message and sends it.
//!
//! Several ready operations: one is chosen at random; under the deterministic scheduler the
//! generator has a fixed seed, so a run repeats its choices.

use super::channel::{duration_of, end_of};
use super::util::{self, arg, panic, raw_arg, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::value::Value;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::chan::{select_poll, Attempt, Chan, SelOp, SelReady, SelRng};
use teras_stdlib::chan::select::select_give_up;
use teras_stdlib::sched::Blocked;

thread_local! {
    static RNG: RefCell<Option<SelRng>> = const { RefCell::new(None) };
}

/// The seed of the choice generator under the deterministic scheduler.
const DETERMINISTIC_SEED: u64 = 0x5EED_C4A7_0000_0001;

fn order(cx: &NativeCx<'_>, n: usize) -> Vec<usize> {
    RNG.with(|r| {
        let mut r = r.borrow_mut();
        let rng = r.get_or_insert_with(|| {
            if cx.host.deterministic() {
                SelRng::new(DETERMINISTIC_SEED)
            } else {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
                let here = &t as *const u64 as u64;
                SelRng::new(t ^ here.rotate_left(32))
            }
        });
        rng.order(n)
    })
}

/// What a pending select remembers between attempts.
#[derive(Debug, Default)]
struct SelWait {
    attempts: Vec<Attempt>,
    deadline: Option<Duration>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Block,
    Default,
    Timeout,
}

fn parse_spec(spec: &str) -> R<(Vec<bool>, Mode)> {
    let mut recv = Vec::new();
    let mut mode = Mode::Block;
    for c in spec.chars() {
        match c {
            'r' => recv.push(true),
            's' => recv.push(false),
            'd' => mode = Mode::Default,
            't' => mode = Mode::Timeout,
            _ => return Err(panic(format!("internal error: select spec {spec:?}"))),
        }
    }
    Ok((recv, mode))
}

fn answer(cx: &NativeCx<'_>, r: SelReady<Value>) -> Value {
    match r {
        SelReady::Recv(i, Some(v)) => util::pair(Value::usize(i), util::some(cx, v)),
        SelReady::Recv(i, None) => util::pair(Value::usize(i), util::none(cx)),
        SelReady::Send(i) => util::pair(Value::usize(i), Value::Unit),
    }
}

fn select(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::chan_timer::poll(cx);
    let (recv, mode) = parse_spec(&util::str_of(&arg(args, 0)?)?)?;
    let n = recv.len();
    let chans: Vec<Arc<Chan<Value>>> = (0..n).map(|i| end_of(&raw_arg(args, 2 + i)?)).collect::<R<_>>()?;
    let ops: Vec<SelOp<'_, Value>> =
        chans.iter().zip(&recv).map(|(c, r)| if *r { SelOp::Recv(c) } else { SelOp::Send(c) }).collect();
    let order = order(cx, n);
    let default = util::pair(Value::usize(n), Value::Unit);
    if mode == Mode::Default {
        return Ok(match select_poll(&ops, &order, None, &mut []) {
            Some(r) => answer(cx, r),
            None => default,
        });
    }
    let mut st = match cx.state.take().map(|b| b.downcast::<SelWait>()) {
        Some(Ok(s)) if s.attempts.len() == n => *s,
        _ => SelWait { attempts: vec![Attempt::default(); n], deadline: None },
    };
    if mode == Mode::Timeout && st.deadline.is_none() {
        st.deadline = Some(cx.host.now().saturating_add(duration_of(&arg(args, 1)?)?));
    }
    if let Some(r) = select_poll(&ops, &order, Some(cx.waker), &mut st.attempts) {
        return Ok(answer(cx, r));
    }
    if let Some(d) = st.deadline {
        if cx.host.now() >= d {
            select_give_up(&ops, cx.waker, &mut st.attempts);
            return Ok(default);
        }
    }
    let b = match st.deadline {
        Some(d) => Blocked::until("select!", d),
        None => Blocked::on("select!"),
    };
    *cx.state = Some(Box::new(st));
    Err(NativeError::Block(b))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__chan_select", select);
}
