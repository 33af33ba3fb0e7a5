//! crossbeam-channel's `Select` builder (`prelude/crossbeam.rs`): the operations are added one
//! by one at run time, so its natives take them as a vector instead of `select!`'s argument
//! list (`channel_select.rs`):
//!
//! - `__sel_run(spec, mode, timeout, ends) -> (usize, payload)`: `spec` has one letter per
//!   operation, `r` (receive) or `s` (send), `ends[i]` is the operation's channel end; `mode`
//!   0 waits, 1 never waits (`try_select`), 2 waits at most `timeout` (a `Duration`). The
//!   answer is the chosen index, with `Some(message)`/`None` (disconnected) for a receive and
//!   `()` for a send (not performed: `SelectedOperation::send` does it), or `ends.len()` when
//!   nothing was ready in time.
//! - `__sel_ready(spec, ends) -> Option<usize>`: an operation that would not block now
//!   (a message or a disconnected channel; room or no receivers), without performing it.
//!
//! Several ready operations: one is chosen at random (a fixed seed under the deterministic
//! scheduler, so a run repeats its choices).

use super::channel::{duration_of, end_of};
use super::util::{self, arg, panic, raw_arg, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::value::Value;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::chan::select::select_give_up;
use teras_stdlib::chan::{select_poll, Attempt, Chan, SelOp, SelReady, SelRng};
use teras_stdlib::sched::Blocked;

thread_local! {
    static RNG: RefCell<Option<SelRng>> = const { RefCell::new(None) };
}

fn order(cx: &NativeCx<'_>, n: usize) -> Vec<usize> {
    RNG.with(|r| {
        let mut r = r.borrow_mut();
        let rng = r.get_or_insert_with(|| {
            if cx.host.deterministic() {
                SelRng::new(0x5EED_5E1E_C700_0002)
            } else {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(7);
                SelRng::new(t | 1)
            }
        });
        rng.order(n)
    })
}

/// What a waiting `select` remembers between attempts.
#[derive(Debug, Default)]
struct SelWait {
    attempts: Vec<Attempt>,
    deadline: Option<Duration>,
}

/// Each operation's direction (receive: true) and each end's channel, in the same order.
type Operations = (Vec<bool>, Vec<Arc<Chan<Value>>>);

/// The operations: receive (true) or send, on each end's channel.
fn operations(args: &[Value]) -> R<Operations> {
    let spec = util::str_of(&arg(args, 0)?)?;
    let recv: Vec<bool> = spec.chars().map(|c| c == 'r').collect();
    let ends = match util::deref(&raw_arg(args, args.len().saturating_sub(1))?)? {
        Value::Vec(h) => h.read().map_err(util::conflict)?.items.clone(),
        other => return Err(util::type_error("a vector of channel ends", &other)),
    };
    if ends.len() != recv.len() {
        return Err(panic("internal error: Select operations and ends differ"));
    }
    let chans = ends.iter().map(end_of).collect::<R<Vec<_>>>()?;
    Ok((recv, chans))
}

fn answer(cx: &NativeCx<'_>, r: SelReady<Value>) -> Value {
    match r {
        SelReady::Recv(i, Some(v)) => util::pair(Value::usize(i), util::some(cx, v)),
        SelReady::Recv(i, None) => util::pair(Value::usize(i), util::none(cx)),
        SelReady::Send(i) => util::pair(Value::usize(i), Value::Unit),
    }
}

fn run(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::chan_timer::poll(cx);
    let (recv, chans) = operations(args)?;
    let mode = util::usize_of(&arg(args, 1)?)?;
    let n = chans.len();
    let ops: Vec<SelOp<'_, Value>> = chans.iter().zip(&recv).map(|(c, r)| if *r { SelOp::Recv(c) } else { SelOp::Send(c) }).collect();
    let order = order(cx, n);
    let nothing = util::pair(Value::usize(n), Value::Unit);
    if mode == 1 {
        return Ok(match select_poll(&ops, &order, None, &mut []) {
            Some(r) => answer(cx, r),
            None => nothing,
        });
    }
    let mut st = match cx.state.take().map(|b| b.downcast::<SelWait>()) {
        Some(Ok(s)) if s.attempts.len() == n => *s,
        _ => SelWait { attempts: vec![Attempt::default(); n], deadline: None },
    };
    if mode == 2 && st.deadline.is_none() {
        st.deadline = Some(cx.host.now().saturating_add(duration_of(&arg(args, 2)?)?));
    }
    if let Some(r) = select_poll(&ops, &order, Some(cx.waker), &mut st.attempts) {
        return Ok(answer(cx, r));
    }
    if let Some(d) = st.deadline {
        if cx.host.now() >= d {
            select_give_up(&ops, cx.waker, &mut st.attempts);
            return Ok(nothing);
        }
    }
    if n == 0 && st.deadline.is_none() {
        return Err(panic("no operations have been added to `Select`"));
    }
    let b = match st.deadline {
        Some(d) => Blocked::until("Select::select", d),
        None => Blocked::on("Select::select"),
    };
    *cx.state = Some(Box::new(st));
    Err(NativeError::Block(b))
}

fn ready(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    super::chan_timer::poll(cx);
    let (recv, chans) = operations(args)?;
    let order = order(cx, chans.len());
    let found = order.into_iter().find(|&i| match (chans.get(i), recv.get(i)) {
        (Some(c), Some(true)) => !c.is_empty() || c.senders_gone(),
        (Some(c), Some(false)) => c.send_ready() || c.receivers_gone(),
        _ => false,
    });
    Ok(util::option(cx, found.map(Value::usize)))
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__sel_run", run);
    r.func("__sel_ready", ready);
}
