//! Futures polled inside the awaiting task (`runtime::inline`): the natives of `join!`,
//! `try_join!`, `join_all`, tokio's `select!` and `timeout`, and `Future::poll` of a TERAS
//! future or a native future called by hand from a user `poll`.
//!
//! - `__inline_new() -> Group`, `__inline_add(&g, body)`: a group of children, each a
//!   future's body (`move || __await(fut)`), none started yet.
//! - `__inline_join(&g, rotate) -> Vec<T>`: poll every child until all finished (in order;
//!   `rotate`: each poll starts one child further, as tokio's `join!`).
//! - `__inline_try_join(&g) -> Result<Vec<T>, E>`: the same, but the first child that gives
//!   `Err(e)` ends it: the others are cancelled (unwound, their `Drop` impls run) and
//!   `Err(e)` is the result.
//! - `__inline_disable(&g, i)`: child `i` is never polled (a `select!` branch whose
//!   precondition was false); it is dropped with the group's losers.
//! - `__inline_select(&g, biased, filtered) -> (usize, T)`: poll the children in order (from
//!   the first when `biased`, else from a random one) until one finishes; the others are
//!   cancelled before it returns. `filtered` (tokio's `select!`): each child gives an
//!   `Option` and one giving `None` is disabled; when all are, the index is their count.
//! - A child that panics ends the group: the others are unwound as part of the panic and
//!   the panic is raised again in the task with its original location (reported once).
//! - `fut.poll(cx)` / `fut.as_mut()` on a native value: a TERAS future (`async` block or
//!   `async fn` call) starts as an inline child on its first poll and each poll runs it until
//!   it finishes or blocks; a native future (`sleep`, a channel op) is polled once. Their
//!   wake-ups go to `cx.waker()`.
//!
//! Every native here is an await point: an aborted task unwinds the children and stops.

use super::async_task::{self, CANCELLED};
use super::future::{as_native_future, poll_future};
use super::structured;
use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::inline::{Child, ParentWaker, Polled, Step};
use crate::runtime::run::RunHost;
use crate::value::Value;
use crate::vm::Fault;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use teras_stdlib::sched::Blocked;

/// A group of inline children (one `join!`, `select!`, ...).
pub struct Group {
    state: Mutex<State>,
    parent: Arc<ParentWaker>,
}

#[derive(Default)]
struct State {
    children: Vec<Child>,
    results: Vec<Option<Value>>,
    /// Children never to be polled (`__inline_disable`).
    disabled: Vec<bool>,
    polls: usize,
    /// Busy: taken out while its children run.
    busy: bool,
    /// Nurseries dropped by the unwinding of the losers, whose aborted children must end
    /// before the group gives its result (`pending`).
    drain: Vec<Arc<structured::GroupCore>>,
    pending: Option<NativeResult>,
}

impl std::fmt::Debug for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Group")
    }
}

fn group_of(v: &Value) -> R<&Group> {
    match v {
        Value::Native(b) => b.downcast_ref::<Group>().ok_or_else(|| util::type_error("future group", v)),
        _ => Err(util::type_error("future group", v)),
    }
}

fn run_host<'a>(cx: &'a NativeCx<'_>) -> R<&'a RunHost> {
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("async futures need the teras runtime (this host runs a single fiber)"))
}

fn new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Native(Arc::new(Box::new(Group { state: Mutex::new(State::default()), parent: Arc::new(ParentWaker::default()) }))))
}

fn add(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let g = arg(args, 0)?;
    let body = util::raw_arg(args, 1)?;
    let g = group_of(&g)?;
    let mut s = g.state.lock();
    let c = Child::new(body, &g.parent);
    s.children.push(c);
    s.results.push(None);
    s.disabled.push(false);
    Ok(Value::Unit)
}

/// `__inline_disable(&g, i)`: child `i` is never polled.
fn disable(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let g = arg(args, 0)?;
    let i = util::usize_of(&arg(args, 1)?)?;
    let g = group_of(&g)?;
    if let Some(d) = g.state.lock().disabled.get_mut(i) {
        *d = true;
    }
    Ok(Value::Unit)
}

/// How a group's poll ends.
enum Mode {
    Join { rotate: bool },
    TryJoin,
    /// `filtered`: each child gives an `Option`; `None` disables it (tokio's branch whose
    /// pattern did not match); when all are disabled the result's index is their count.
    Select { biased: bool, filtered: bool },
}

/// The random start of an unbiased `select!`: seeded under the deterministic scheduler.
fn select_start(cx: &NativeCx<'_>, n: usize) -> usize {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    if n <= 1 {
        return 0;
    }
    match crate::runtime::det::seed_of(cx.host) {
        Some(seed) => {
            // Relaxed: a counter; the deterministic scheduler runs on one OS thread.
            let k = SEQ.fetch_add(1, Ordering::Relaxed);
            fastrand::Rng::with_seed(seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15)).usize(..n)
        }
        None => fastrand::usize(..n),
    }
}

/// Stop every unfinished child (`panicking`: as part of a panic's unwinding). A nursery
/// dropped in the unwinding (a loser that was awaiting one) has aborted its children: the
/// group waits for them before it gives its result (`State::drain`).
fn unwind_all(st: &mut State, host: &RunHost, panicking: bool) {
    let children = &mut st.children;
    let ((), dropped) = structured::dropped_during(|| {
        for c in children.iter_mut() {
            c.unwind(host, panicking);
        }
    });
    st.drain.extend(dropped);
}

/// A child stopped otherwise than by finishing or panicking: what the group gives.
fn stopped(cx: &NativeCx<'_>, host: &RunHost, f: Fault) -> NativeError {
    match f {
        Fault::Exit(c) => NativeError::Exit(c),
        Fault::Panic(m) => NativeError::Panic(m),
        Fault::StackOverflow => {
            let run = &host.run;
            run.out.flush();
            let name = crate::runtime::threads::current().map_or_else(|| "main".to_string(), |t| t.display_name().to_string());
            let _ = std::io::Write::write_all(&mut std::io::stderr(), crate::vm::panic::stack_overflow_text_named(&name).as_bytes());
            run.request_exit(134);
            NativeError::Exit(134)
        }
        // Interrupted: the task stops at the interrupt check of its next run.
        _ => NativeError::Block(Blocked::until("interrupted", cx.host.now())),
    }
}

/// One poll of the group: run the runnable children in order; the result, or `Block`.
fn poll_group(cx: &mut NativeCx<'_>, g: &Group, mode: Mode) -> NativeResult {
    let host = run_host(cx)?.clone();
    let mut st = {
        let mut s = g.state.lock();
        if s.busy {
            return Err(panic("a future group was polled while it runs"));
        }
        s.busy = true;
        std::mem::take(&mut *s)
    };
    let r = match st.pending.take() {
        Some(r) => r,
        None => poll_children(cx, &host, g, &mut st, mode),
    };
    // The result waits until the children of every nursery dropped on the way ended.
    let r = if st.drain.is_empty() || structured::all_ended(&st.drain, cx.waker) {
        st.drain.clear();
        r
    } else {
        st.pending = Some(r);
        Err(NativeError::Block(Blocked::on("select!/timeout (awaiting a dropped nursery's children)")))
    };
    st.busy = false;
    *g.state.lock() = st;
    r
}

fn poll_children(cx: &mut NativeCx<'_>, host: &RunHost, g: &Group, st: &mut State, mode: Mode) -> NativeResult {
    let n = st.children.len();
    if async_task::check_cancel().is_err() {
        unwind_all(st, host, false);
        return Err(panic(CANCELLED));
    }
    if n == 0 {
        return match mode {
            Mode::Select { .. } => Err(panic("all branches are disabled and there is no else branch")),
            Mode::Join { .. } => Ok(util::new_vec(Vec::new())),
            Mode::TryJoin => Ok(util::ok(cx, util::new_vec(Vec::new()))),
        };
    }
    let off = |st: &State, i: usize| st.disabled.get(i).copied().unwrap_or(false);
    if let Mode::Select { filtered: true, .. } = mode {
        if (0..n).all(|i| off(st, i) || st.children.get(i).is_none_or(Child::finished)) {
            // Every branch disabled (tokio: straight to `else`, nothing polled).
            unwind_all(st, host, false);
            return Ok(util::pair(Value::usize(n), Value::Unit));
        }
    }
    g.parent.set(cx.waker);
    let start = match mode {
        Mode::Join { rotate: true } | Mode::TryJoin => st.polls % n,
        Mode::Join { rotate: false } | Mode::Select { biased: true, .. } => 0,
        Mode::Select { biased: false, .. } => select_start(cx, n),
    };
    st.polls = st.polls.wrapping_add(1);
    let mut what = String::new();
    for k in 0..n {
        let i = (start + k) % n;
        let now = host.run.now();
        if off(st, i) {
            continue;
        }
        let Some(c) = st.children.get_mut(i) else { continue };
        if !c.runnable(now) {
            continue;
        }
        match c.poll(host, &mut *cx.stdout) {
            Step::Done(v) => match mode {
                Mode::Select { filtered: true, .. } => match util::as_option(&v) {
                    Some(Some(x)) => {
                        unwind_all(st, host, false);
                        return Ok(util::pair(Value::usize(i), x));
                    }
                    Some(None) => {
                        if (0..n).all(|j| off(st, j) || st.children.get(j).is_none_or(Child::finished)) {
                            unwind_all(st, host, false);
                            return Ok(util::pair(Value::usize(n), Value::Unit));
                        }
                    }
                    None => return Err(util::type_error("Option", &v)),
                },
                Mode::Select { filtered: false, .. } => {
                    unwind_all(st, host, false);
                    return Ok(util::pair(Value::usize(i), v));
                }
                Mode::TryJoin => match util::as_result(&v) {
                    Some(Err(_)) => {
                        unwind_all(st, host, false);
                        return Ok(v);
                    }
                    Some(Ok(x)) => {
                        if let Some(r) = st.results.get_mut(i) {
                            *r = Some(x);
                        }
                    }
                    None => return Err(util::type_error("Result", &v)),
                },
                Mode::Join { .. } => {
                    if let Some(r) = st.results.get_mut(i) {
                        *r = Some(v);
                    }
                }
            },
            Step::Pending(_, w) => {
                if what.is_empty() {
                    what = w;
                }
            }
            Step::Panicked(p) => {
                unwind_all(st, host, true);
                let msg = p.msg.clone();
                crate::runtime::inline::relocate(p);
                return Err(NativeError::Panic(msg));
            }
            Step::Stopped(f) => {
                unwind_all(st, host, false);
                return Err(stopped(cx, host, f));
            }
        }
    }
    if st.children.iter().all(Child::finished) {
        let items: Vec<Value> = st.results.iter_mut().map(|r| r.take().unwrap_or(Value::Unit)).collect();
        return Ok(match mode {
            Mode::TryJoin => util::ok(cx, util::new_vec(items)),
            _ => util::new_vec(items),
        });
    }
    let deadline = st.children.iter().enumerate().filter(|(i, c)| !c.finished() && !off(st, *i)).filter_map(|(_, c)| c.deadline()).min();
    let what = if what.is_empty() { "join!/select! (awaiting its futures)".to_string() } else { what };
    let b = match deadline {
        Some(d) => Blocked::until(what, d),
        None => Blocked::on(what),
    };
    // Any child still woken (it woke itself while it ran) makes the task run again at once.
    let now = host.run.now();
    if st.children.iter().enumerate().any(|(i, c)| !off(st, i) && c.runnable(now)) {
        cx.waker.wake_by_ref();
    }
    if let Some(t) = crate::runtime::threads::current() {
        t.register_park(cx.waker);
    }
    Err(NativeError::Block(b))
}

fn join(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let g = arg(args, 0)?;
    let rotate = util::bool_of(&arg(args, 1)?)?;
    poll_group(cx, group_of(&g)?, Mode::Join { rotate })
}

fn try_join(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let g = arg(args, 0)?;
    poll_group(cx, group_of(&g)?, Mode::TryJoin)
}

fn select(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let g = arg(args, 0)?;
    let biased = util::bool_of(&arg(args, 1)?)?;
    let filtered = util::bool_of(&arg(args, 2)?)?;
    poll_group(cx, group_of(&g)?, Mode::Select { biased, filtered })
}

/// A `std::task::Waker` that wakes a TERAS `Waker` (its `WakerObj`).
struct ObjWake(Value);

impl std::task::Wake for ObjWake {
    fn wake(self: Arc<Self>) {
        async_task::wake_obj(&self.0);
    }

    fn wake_by_ref(self: &Arc<Self>) {
        async_task::wake_obj(&self.0);
    }
}

/// The fields of an ADT value (following references).
fn fields(v: &Value) -> R<(crate::value::DefRef, Vec<Value>)> {
    match util::deref(v)? {
        Value::Adt(h) => {
            let o = h.read().map_err(util::conflict)?;
            Ok((o.def, o.fields.to_vec()))
        }
        other => Err(util::type_error("Context", &other)),
    }
}

/// From a `Context`: its waker (the `WakerObj` value and a std `Waker` waking it), and the
/// prelude's `Poll` type (the `Context` carries a `Poll::Pending` for natives to build `Poll`
/// values from).
fn context_parts(cx_val: &Value) -> R<(Value, std::task::Waker, crate::value::DefRef)> {
    let (_, cf) = fields(cx_val)?;
    let (waker, pending) = match cf.as_slice() {
        [w, p, ..] => (w.clone(), p.clone()),
        _ => return Err(panic("type error: std::task::Context expected")),
    };
    let (_, wf) = fields(&waker)?;
    let obj = wf.first().cloned().ok_or_else(|| panic("type error: std::task::Waker expected"))?;
    let (poll_def, _) = fields(&pending)?;
    Ok((obj.clone(), std::task::Waker::from(Arc::new(ObjWake(obj))), poll_def))
}

/// `Poll::Ready(v)` (variant 0) or `Poll::Pending` (variant 1).
fn poll_value(def: &crate::value::DefRef, v: Option<Value>) -> Value {
    match v {
        Some(v) => util::adt(def, 0, vec![v]),
        None => util::adt(def, 1, Vec::new()),
    }
}

/// `fut.poll(cx)` on a native value: a TERAS future or a native future, polled by hand.
fn poll_method(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let fut = arg(args, 0)?;
    let (obj, waker, def) = context_parts(&arg(args, 1)?)?;
    if let Some(nf) = as_native_future(&fut) {
        let mut state = None;
        let mut ncx = NativeCx { stdout: &mut *cx.stdout, std: cx.std, hint: None, args: cx.args, host: cx.host, waker: &waker, state: &mut state };
        return match poll_future(nf, &mut ncx) {
            Ok(v) => Ok(poll_value(&def, Some(v))),
            Err(NativeError::Block(b)) => {
                if let Some(d) = b.deadline {
                    async_task::waker_deadline(&obj, d);
                }
                Ok(poll_value(&def, None))
            }
            Err(e) => Err(e),
        };
    }
    let host = run_host(cx)?.clone();
    let Some(cell) = async_task::hand_poll_cell(&fut) else {
        return Err(panic(format!("`poll` of a value that is not a future ({})", util::describe(&fut))));
    };
    async_task::check_cancel()?;
    let mut slot = match cell.try_lock() {
        Some(s) => s,
        None => return Err(panic("a future was polled while it runs")),
    };
    let child = match &mut *slot {
        Some(p) => &mut p.child,
        None => {
            let Some(body) = async_task::take_async_body(&fut) else {
                return Err(panic("`async fn` resumed after completion"));
            };
            let child = Child::new(body, &Arc::new(ParentWaker::default()));
            &mut slot.insert(Polled { child, host: host.clone() }).child
        }
    };
    if child.finished() {
        return Err(panic("`async fn` resumed after completion"));
    }
    child.set_poller(&waker);
    if !child.runnable(host.run.now()) {
        // Still waiting: a new `Context` (the next `select!` resuming a `&mut fut`) must
        // learn its deadline too.
        if let Some(d) = child.deadline() {
            async_task::waker_deadline(&obj, d);
        }
        return Ok(poll_value(&def, None));
    }
    match child.poll(&host, &mut *cx.stdout) {
        Step::Done(v) => Ok(poll_value(&def, Some(v))),
        Step::Pending(d, _) => {
            if let Some(d) = d {
                // A deadline (a sleep) wakes nobody by itself: the task that waits on this
                // waker (`__waker_wait`) waits until it at most.
                async_task::waker_deadline(&obj, d);
            }
            Ok(poll_value(&def, None))
        }
        Step::Panicked(p) => {
            let msg = p.msg.clone();
            crate::runtime::inline::relocate(p);
            Err(NativeError::Panic(msg))
        }
        Step::Stopped(f) => Err(stopped(cx, &host, f)),
    }
}

/// `fut.set(new)` (`Pin::set` on a pinned TERAS future, the tokio tutorial's
/// `operation.set(action(v))`): `fut` becomes `new` in place, so every handle on it (the
/// `&mut fut` of a `select!` in a loop) sees the new future; the old one is dropped (a
/// started one is unwound, its `Drop` impls run). Another receiver goes to the `set`
/// registered before (`sync::method` chains `OnceLock::set` to this one).
fn pin_set(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let dst = arg(args, 0)?;
    let src = util::raw_arg(args, 1)?;
    let Some(cell) = async_task::hand_poll_cell(&dst) else {
        return Err(panic(format!("no method named `set` found for {}", util::describe(&dst))));
    };
    let host = run_host(cx)?.clone();
    let polled = async_task::hand_poll_cell(&src).and_then(|c| c.try_lock().and_then(|mut p| p.take()));
    let new = match polled {
        Some(p) => p,
        None => match async_task::take_async_body(&src) {
            Some(body) => Polled { child: Child::new(body, &Arc::new(ParentWaker::default())), host: host.clone() },
            None => return Err(panic(format!("`Pin::set` of a TERAS future with {} (only an `async` block or `async fn` call can replace it)", util::describe(&src)))),
        },
    };
    // A future never polled still holds its body: unwound as an unstarted child (its
    // captures dropped).
    let old_body = async_task::take_async_body(&dst);
    let old = {
        let Some(mut slot) = cell.try_lock() else { return Err(panic("`Pin::set` of a future while it runs")) };
        slot.replace(new)
    };
    drop(old);
    if let Some(b) = old_body {
        Child::new(b, &Arc::new(ParentWaker::default())).unwind(&host, false);
    }
    Ok(Value::Unit)
}

/// `fut.as_mut()` / `Pin::as_mut` on a native future: the future itself.
fn as_mut(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    util::raw_arg(args, 0)
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Native as K;
    r.func("__inline_new", new);
    r.func("__inline_add", add);
    r.func("__inline_disable", disable);
    r.func("__inline_join", join);
    r.func("__inline_try_join", try_join);
    r.func("__inline_select", select);
    r.method(K, "poll", poll_method);
    r.method(K, "as_mut", as_mut);
    r.method(K, "set", pin_set);
}
