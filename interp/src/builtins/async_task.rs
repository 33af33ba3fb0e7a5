//! Async's natives: TERAS futures, task wakers, tasks (spawn, join, abort) and the native
//! futures of `sleep` and `yield_now`. The prelude's async runtime (prelude/async_rt.rs) is
//! written with them.
//!
//! - `__async(f)`: the future of an `async` block or `async fn` call: an `AsyncObj` holding
//!   the closure `move || body`, taken (once) and called in the awaiting fiber by `__await`.
//! - Wakers: a `WakerObj` is a flag and the waker of the task that last waited on it.
//!   `__waker_wait` returns at once when the flag was set since the last wait (no lost
//!   wake-up), else blocks the task; `__waker_wake` sets the flag and wakes the task.
//! - Tasks: `__task_spawn(body)` starts a task through `runtime::executor::spawn_task`
//!   (the pool, or a fiber of the deterministic scheduler); `__task_join` blocks on its
//!   `JoinSlot`; `__task_abort` marks it aborted and wakes it.
//! - Cancellation: an aborted task stops at its next await point. Await points (`__await_*`,
//!   `__waker_wait`, `__task_join*`) check the current task's mark and raise the `CANCELLED`
//!   panic, which the drivers unwind with drops and report as a cancelled `JoinError`
//!   instead of a panic. While blocked, await points also register the task with its
//!   thread's park queue, through which `abort` wakes it.

use super::future::{as_native_future, native_future, poll_future, NativeFuture, PollNative};
use super::object::StdObj;
use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::run::RunHost;
use crate::runtime::threads::{self, JoinSlot, ThreadInfo};
use crate::value::{IntTy, Value};
use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::task::Waker;
use std::time::Duration;
use teras_stdlib::sched::Blocked;

/// The panic message that carries a task's cancellation (never shown to the user).
pub const CANCELLED: &str = "\u{0}teras: task cancelled";

/// The future of an `async` block: its body as a closure, until awaited; or, once polled by
/// hand (`builtins::inline_fut`), the inline child running it.
#[derive(Debug)]
pub struct AsyncObj(Mutex<Option<Value>>, Mutex<Option<crate::runtime::inline::Polled>>);

/// The hand-poll state of a TERAS future.
pub(crate) fn hand_poll_cell(v: &Value) -> Option<&Mutex<Option<crate::runtime::inline::Polled>>> {
    obj::<AsyncObj>(v).map(|a| &a.1)
}

/// The body of a TERAS future not started yet, taken.
pub(crate) fn take_async_body(v: &Value) -> Option<Value> {
    obj::<AsyncObj>(v).and_then(|a| a.0.lock().take())
}

/// Wake a TERAS `Waker` (a `WakerObj` value).
pub(crate) fn wake_obj(v: &Value) {
    if let Some(w) = obj::<WakerObj>(v) {
        w.wake();
    }
}

/// A future polled with this waker waits for a deadline: a task waiting on the waker
/// (`__waker_wait`) waits no longer than that.
pub(crate) fn waker_deadline(v: &Value, d: Duration) {
    if let Some(w) = obj::<WakerObj>(v) {
        let mut dl = w.deadline.lock();
        if dl.is_none_or(|x| d < x) {
            *dl = Some(d);
        }
    }
}

/// A task's waker as TERAS code holds it (`std::task::Waker`).
#[derive(Debug, Default)]
pub struct WakerObj {
    woken: AtomicBool,
    task: Mutex<Option<Waker>>,
    /// The earliest deadline a future polled with it waits for (hand-polled TERAS futures).
    deadline: Mutex<Option<Duration>>,
}

impl WakerObj {
    fn wake(&self) {
        // SeqCst: pairs with the swap in `wait` after it stored the task's waker.
        self.woken.store(true, Ordering::SeqCst);
        let w = self.task.lock().clone();
        if let Some(w) = w {
            w.wake();
        }
    }
}

/// A `JoinHandle`'s native part.
#[derive(Debug)]
pub struct TaskObj(pub Arc<JoinSlot>);

/// Aborted tasks, and how many there are (the fast path). Keyed by the address of the
/// task's `ThreadInfo`, not its id: ids are per run, and several runs share a process (unit
/// tests, the REPL). The `Weak` keeps the allocation, so the address is not reused while the
/// entry lives; entries of tasks that are gone are pruned at the next abort.
static ABORTED: Mutex<Option<FxHashMap<usize, Weak<ThreadInfo>>>> = Mutex::new(None);
static ABORT_COUNT: AtomicUsize = AtomicUsize::new(0);

fn is_aborted(t: &Arc<ThreadInfo>) -> bool {
    // SeqCst: an abort inserts then stores the count; a task that sees 0 was not aborted yet.
    ABORT_COUNT.load(Ordering::SeqCst) != 0 && ABORTED.lock().as_ref().is_some_and(|s| s.contains_key(&(Arc::as_ptr(t) as usize)))
}

/// `Err(CANCELLED)` when the current task was aborted.
#[inline]
pub(crate) fn check_cancel() -> R<()> {
    // SeqCst: as in `is_aborted` (the fast path: no task was ever aborted, no thread lookup).
    if ABORT_COUNT.load(Ordering::SeqCst) == 0 {
        return Ok(());
    }
    check_cancel_slow()
}

/// `check_cancel` once some task was aborted.
#[inline(never)]
fn check_cancel_slow() -> R<()> {
    match threads::current() {
        Some(t) if is_aborted(&t) => Err(panic(CANCELLED)),
        _ => Ok(()),
    }
}

/// A native future's poll blocked the current task: let `abort` wake it too, so that an
/// aborted task blocked in any native future (a semaphore acquire, a channel recv) unwinds
/// and its future's `cancel` gives back what it reserved.
pub(crate) fn abortable(cx: &NativeCx<'_>) {
    threads::with_current(|t| {
        if let Some(t) = t {
            t.register_park(cx.waker);
        }
    });
}

/// Block at an await point: let `abort` wake the task too.
fn block(cx: &NativeCx<'_>, b: Blocked) -> NativeError {
    if let Some(t) = threads::current() {
        t.register_park(cx.waker);
    }
    NativeError::Block(b)
}

fn native<T: std::any::Any + Send + Sync>(x: T) -> Value {
    Value::Native(Arc::new(Box::new(x)))
}

fn obj<T: std::any::Any>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(b) => b.downcast_ref::<T>(),
        _ => None,
    }
}

/// `f` of argument `i`: looked at in place when passed as itself (no handle clone), else
/// through its references.
fn with_arg<T>(args: &[Value], i: usize, f: impl FnOnce(&Value) -> R<T>) -> R<T> {
    match args.get(i) {
        Some(v) if !matches!(v, Value::Ref(_)) => f(v),
        _ => f(&arg(args, i)?),
    }
}

fn waker_of(args: &[Value], i: usize) -> R<Value> {
    let v = arg(args, i)?;
    if obj::<WakerObj>(&v).is_some() {
        Ok(v)
    } else {
        Err(util::type_error("Waker", &v))
    }
}

fn task_of(args: &[Value], i: usize) -> R<Arc<JoinSlot>> {
    with_slot(args, i, |s| Ok(s.clone()))
}

/// `f` of the join slot of argument `i` (a `TaskHandle`), borrowed in place.
fn with_slot<T>(args: &[Value], i: usize, f: impl FnOnce(&Arc<JoinSlot>) -> R<T>) -> R<T> {
    with_arg(args, i, |v| match obj::<TaskObj>(v) {
        Some(t) => f(&t.0),
        None => Err(util::type_error("JoinHandle", v)),
    })
}

fn duration_of(v: &Value) -> R<Duration> {
    match util::deref(v)? {
        Value::Native(b) => match b.downcast_ref::<StdObj>() {
            Some(StdObj::Duration(d)) => Ok(*d),
            _ => Err(util::type_error("Duration", v)),
        },
        other => Err(util::type_error("Duration", &other)),
    }
}

fn run_host<'a>(cx: &'a NativeCx<'_>) -> R<&'a RunHost> {
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("async tasks need the teras runtime (this host runs a single fiber)"))
}

/// `__async(f) -> Future`.
fn async_new(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // Moved out of the call window (this native never blocks): no handle count traffic.
    let f = util::take_arg(args, 0)?;
    Ok(native(AsyncObj(Mutex::new(Some(f)), Mutex::new(None))))
}

/// `__future_kind(&x) -> u8`: 0 a TERAS future, 1 a native future, 3 a tokio `JoinHandle`,
/// 2 anything else (a user type implementing `Future`).
fn future_kind(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // A native value passed as itself (every `.await`, compile/async_fn.rs): looked at in
    // place, no handle clone; native futures first (the common leaves).
    if let Some(Value::Native(b)) = args.first() {
        let k = if b.downcast_ref::<super::future::NativeFuture>().is_some() {
            1
        } else {
            match b.downcast_ref::<AsyncObj>() {
                Some(a) if a.1.lock().is_none() => 0,
                _ => 2,
            }
        };
        return Ok(Value::int(k, IntTy::U8));
    }
    // A struct first: awaiting a `JoinHandle` is the common case outside the natives.
    if let Some(Value::Adt(h)) = args.first() {
        let join = h.read().is_ok_and(|a| a.def.name == "JoinHandle");
        return Ok(Value::int(if join { 3 } else { 2 }, IntTy::U8));
    }
    let v = arg(args, 0)?;
    if let Value::Adt(h) = &v {
        let join = h.read().is_ok_and(|a| a.def.name == "JoinHandle");
        return Ok(Value::int(if join { 3 } else { 2 }, IntTy::U8));
    }
    if let Value::Tag(..) | Value::SomeObj(_) = &v {
        return Ok(Value::int(2, IntTy::U8));
    }
    let k = if obj::<AsyncObj>(&v).is_some_and(|a| a.1.lock().is_none()) {
        0
    } else if obj::<AsyncObj>(&v).is_some() {
        // Polled by hand before: driven by `poll` like a user future.
        2
    } else if as_native_future(&v).is_some() {
        1
    } else {
        2
    };
    Ok(Value::int(k, IntTy::U8))
}

/// What `__await_step` did.
enum Step {
    /// Finished: the output.
    Done(Value),
    /// Not done here: the future's kind (as `__future_kind`).
    Kind(i64),
}

/// `__await_step(&fut, out) -> u8`: the first step of every `.await` (compile/async_fn.rs),
/// one native call for the common cases:
/// - a native future is polled (blocking as `__await_native_task`): its output goes to
///   `out` (the second argument's register) and the answer is 1;
/// - a tokio `JoinHandle` waits for its task (blocking as `__task_join`): when the task
///   returned, `Ok(v)` goes to `out` and the answer is 1; when it panicked or was cancelled,
///   its result stays for `__join` (which builds the `JoinError`) and the answer is 3;
/// - anything else is not touched: its kind as `__future_kind` gives it (0: a TERAS future,
///   2: a user type implementing `Future`).
///
/// `out` is written only when the answer is 1 (a blocked call leaves its arguments as
/// they were: it runs again with them).
fn await_step(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let step = match args.first() {
        Some(Value::Native(b)) => match b.downcast_ref::<NativeFuture>() {
            Some(fut) => {
                check_cancel()?;
                match poll_future(fut, cx) {
                    Ok(v) => Step::Done(v),
                    Err(NativeError::Block(b)) => return Err(block(cx, b)),
                    Err(e) => return Err(e),
                }
            }
            None => Step::Kind(match b.downcast_ref::<AsyncObj>() {
                Some(a) if a.1.lock().is_none() => 0,
                _ => 2,
            }),
        },
        Some(Value::Adt(h)) => {
            let slot = match h.read() {
                Ok(o) if o.def.name == "JoinHandle" => o.fields.first().and_then(|f| obj::<TaskObj>(f)).map(|t| t.0.clone()),
                _ => None,
            };
            match slot {
                Some(slot) => {
                    check_cancel()?;
                    if !slot.done_or_register(cx.waker) {
                        return Err(block(cx, Blocked::on("JoinHandle (awaiting a task)")));
                    }
                    match slot.take_ok() {
                        Some(v) => Step::Done(util::ok(cx, v)),
                        None => Step::Kind(3),
                    }
                }
                // A JoinHandle of another shape (never the prelude's): `__join` decides.
                None => Step::Kind(if h.read().is_ok_and(|a| a.def.name == "JoinHandle") { 3 } else { 2 }),
            }
        }
        _ => match future_kind(cx, args, 0)? {
            Value::Int(1, _) => Step::Done(await_native(cx, args, 0)?),
            Value::Int(k, _) => Step::Kind(k),
            _ => Step::Kind(2),
        },
    };
    match step {
        Step::Done(v) => {
            let Some(out) = args.get_mut(1) else { return Err(panic("internal error: `__await_step` without its output register")) };
            *out = v;
            Ok(Value::int(1, IntTy::U8))
        }
        Step::Kind(k) => Ok(Value::int(k, IntTy::U8)),
    }
}

/// `Pin::new(p)`, `Box::pin(x)`: pins are transparent.
fn identity(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    util::raw_arg(args, 0)
}

/// `__async_take(&fut) -> FnOnce() -> T`: the body, once.
fn async_take(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let v = arg(args, 0)?;
    let a = obj::<AsyncObj>(&v).ok_or_else(|| util::type_error("Future", &v))?;
    let f = a.0.lock().take();
    f.ok_or_else(|| panic("`async fn` resumed after completion"))
}

/// `__await_native_task(fut) -> T`: `.await` of a native future at an await point.
fn await_native(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    // The future passed as itself (the common case): polled in place, no handle clone.
    let r = match args.first() {
        Some(v @ Value::Native(_)) => {
            let fut = as_native_future(v).ok_or_else(|| panic("`.await` of a value that is not a future"))?;
            poll_future(fut, cx)
        }
        _ => {
            let v = arg(args, 0)?;
            let fut = as_native_future(&v).ok_or_else(|| panic("`.await` of a value that is not a future"))?;
            poll_future(fut, cx)
        }
    };
    match r {
        Err(NativeError::Block(b)) => Err(block(cx, b)),
        r => r,
    }
}

/// `__waker_new() -> Waker`: a waker of the current task, not woken.
fn waker_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(native(WakerObj::default()))
}

/// `__waker_wake(&w)`.
fn waker_wake(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = waker_of(args, 0)?;
    if let Some(w) = obj::<WakerObj>(&v) {
        w.wake();
    }
    Ok(Value::Unit)
}

/// `__waker_wait(&w)`: return when `w` was woken since the last wait, else block the task.
fn waker_wait(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let v = waker_of(args, 0)?;
    let Some(w) = obj::<WakerObj>(&v) else { return Ok(Value::Unit) };
    if w.woken.swap(false, Ordering::SeqCst) {
        return Ok(Value::Unit);
    }
    *w.task.lock() = Some(cx.waker.clone());
    if w.woken.swap(false, Ordering::SeqCst) {
        return Ok(Value::Unit);
    }
    let dl = *w.deadline.lock();
    match dl {
        Some(d) if cx.host.now() >= d => {
            *w.deadline.lock() = None;
            Ok(Value::Unit)
        }
        Some(d) => Err(block(cx, Blocked::until("Future::poll (Pending)", d))),
        None => Err(block(cx, Blocked::on("Future::poll (Pending)"))),
    }
}

/// `__waker_same(&a, &b) -> bool`: `Waker::will_wake`.
fn waker_same(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let (a, b) = (waker_of(args, 0)?, waker_of(args, 1)?);
    Ok(Value::Bool(matches!((&a, &b), (Value::Native(x), Value::Native(y)) if Arc::ptr_eq(x, y))))
}

/// `__task_spawn(body) -> JoinHandle`: `body` is `move || fut.await`, or a TERAS future
/// never awaited nor polled (`__future_kind` 0: `tokio::spawn(async { .. })`), whose body
/// closure then becomes the task's first frame directly (no `__await` frame, no closure
/// around it); such a task checks its abort mark before it starts, as `__async_take` does.
fn task_spawn(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let host = run_host(cx)?;
    // The future passed as itself (`tokio::spawn`'s argument, moved): looked at in place.
    let direct = match args.first() {
        Some(v) => match obj::<AsyncObj>(v) {
            Some(a) if a.1.lock().is_none() => Some(a.0.lock().take().ok_or_else(|| panic("`async fn` resumed after completion"))?),
            Some(_) => return Err(util::type_error("a future never polled", v)),
            None => None,
        },
        None => None,
    };
    let (body, direct) = match direct {
        Some(b) => (b, true),
        // Moved out of the call window (this native never blocks).
        None => (util::take_arg(args, 0)?, false),
    };
    Ok(native(TaskObj(crate::runtime::executor::spawn_task(host, body, direct))))
}

/// `__spawn_direct(&fut) -> bool`: `__task_spawn(fut)` may take `fut` itself (a TERAS future
/// never awaited nor polled, on the pool; the deterministic scheduler keeps the
/// `move || fut.await` body, so its schedules stay those of the seed).
fn spawn_direct(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let fresh = with_arg(args, 0, |v| Ok(obj::<AsyncObj>(v).is_some_and(|a| a.1.lock().is_none() && a.0.lock().is_some())))?;
    Ok(Value::Bool(fresh && !cx.host.deterministic()))
}

/// Whether the task of `t` was aborted (a direct task checks it before it starts).
pub(crate) fn aborted(t: &Arc<ThreadInfo>) -> bool {
    is_aborted(t)
}

/// The join result: `Ok(v)` or `Err((message, cancelled, is_str))`; `is_str` tells a literal
/// panic message (`&'static str` payload) from a formatted one (`String`).
pub(crate) fn join_result(cx: &NativeCx<'_>, r: Option<Result<Value, threads::Payload>>) -> Value {
    match r {
        Some(Ok(v)) => util::ok(cx, v),
        Some(Err(p)) => {
            let cancelled = p.msg == CANCELLED;
            let parts = vec![Value::str(p.msg), Value::Bool(cancelled), Value::Bool(p.is_str)];
            util::err(cx, Value::Tuple(crate::heap::Heap::new(parts)))
        }
        None => util::err(cx, util::pair(Value::str("JoinHandle polled after completion"), Value::Bool(false))),
    }
}

/// `__task_join(&h) -> Result<T, (String, bool, bool)>`: blocks until the task ended.
fn task_join(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let r = with_slot(args, 0, |slot| Ok(if slot.done_or_register(cx.waker) { Some(slot.try_join(cx.waker)) } else { None }))?;
    match r {
        Some(r) => Ok(join_result(cx, r)),
        None => Err(block(cx, Blocked::on("JoinHandle (awaiting a task)"))),
    }
}

/// A deadline remembered across the attempts of one blocking call.
struct Deadline(Duration);

fn deadline(cx: &mut NativeCx<'_>, after: Duration) -> Duration {
    if let Some(d) = cx.state.as_ref().and_then(|s| s.downcast_ref::<Deadline>()) {
        return d.0;
    }
    let d = cx.host.now().saturating_add(after);
    *cx.state = Some(Box::new(Deadline(d)));
    d
}

/// `__task_join_for(&h, d) -> Option<Result<T, (String, bool, bool)>>`: `None` when `d` passed
/// first (`timeout`).
fn task_join_for(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let slot = task_of(args, 0)?;
    let d = duration_of(&arg(args, 1)?)?;
    let until = deadline(cx, d);
    if !slot.done_or_register(cx.waker) {
        if cx.host.now() >= until {
            return Ok(util::none(cx));
        }
        return Err(block(cx, Blocked::until("timeout (awaiting a task)", until)));
    }
    let r = join_result(cx, slot.try_join(cx.waker));
    Ok(util::some(cx, r))
}

/// `__task_select(&handles, biased) -> usize`: blocks until one of the tasks finished; its
/// index (the first finished one when `biased`, else a random one among the finished).
fn task_select(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let v = arg(args, 0)?;
    let biased = util::bool_of(&arg(args, 1)?)?;
    let slots: Vec<Arc<JoinSlot>> = match &v {
        Value::Vec(h) => h.read().map_err(util::conflict)?.items.iter().filter_map(|x| obj::<TaskObj>(x).map(|t| t.0.clone())).collect(),
        _ => return Err(util::type_error("Vec<JoinHandle>", &v)),
    };
    let mut done: Vec<usize> = (0..slots.len()).filter(|&i| slots.get(i).is_some_and(|s| s.is_finished())).collect();
    if done.is_empty() {
        for (i, s) in slots.iter().enumerate() {
            if s.done_or_register(cx.waker) {
                done.push(i);
            }
        }
    }
    match done.first() {
        None if slots.is_empty() => Err(panic("all branches are disabled and there is no else branch")),
        None => Err(block(cx, Blocked::on("select! (awaiting its futures)"))),
        Some(&first) if biased || done.len() == 1 => Ok(Value::usize(first)),
        Some(_) => {
            let pick = if cx.host.deterministic() { 0 } else { fastrand::usize(..done.len()) };
            Ok(Value::usize(done.get(pick).copied().unwrap_or(0)))
        }
    }
}

/// Abort the task of `slot` (nothing when it already ended): it stops at its next await
/// point.
pub(crate) fn abort_slot(slot: &JoinSlot) {
    if slot.is_finished() {
        return;
    }
    {
        let mut guard = ABORTED.lock();
        let s = guard.get_or_insert_with(FxHashMap::default);
        s.retain(|_, w| w.strong_count() > 0);
        s.insert(Arc::as_ptr(&slot.thread) as usize, Arc::downgrade(&slot.thread));
        ABORT_COUNT.store(s.len(), Ordering::SeqCst);
    }
    slot.thread.unpark();
}

/// `__task_abort(&h)`.
fn task_abort(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    with_slot(args, 0, |s| {
        abort_slot(s);
        Ok(())
    })?;
    Ok(Value::Unit)
}

/// `__task_is_finished(&h) -> bool`.
fn task_is_finished(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(with_slot(args, 0, |s| Ok(s.is_finished()))?))
}

/// `__task_id(&h) -> u64`.
fn task_id(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let id = with_slot(args, 0, |s| Ok(s.thread.id))?;
    Ok(Value::int(i64::try_from(id).unwrap_or(i64::MAX), IntTy::U64))
}

/// `sleep(d)`'s future: done once the run's clock passed the deadline set by the first poll.
#[derive(Debug)]
struct Sleep {
    dur: Duration,
    until: Mutex<Option<Duration>>,
}

impl PollNative for Sleep {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let now = cx.host.now();
        let until = *self.until.lock().get_or_insert_with(|| now.saturating_add(self.dur));
        if now >= until {
            return Ok(Value::Unit);
        }
        Err(NativeError::Block(Blocked::until("tokio::time::sleep", until)))
    }
    fn name(&self) -> &'static str {
        "Sleep"
    }
}

/// `yield_now()`'s future: pending once (the task goes to the back of the queue).
#[derive(Debug, Default)]
struct YieldNow(AtomicBool);

impl PollNative for YieldNow {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        if self.0.swap(true, Ordering::SeqCst) {
            return Ok(Value::Unit);
        }
        cx.waker.wake_by_ref();
        let now = cx.host.now();
        Err(NativeError::Block(Blocked::until("tokio::task::yield_now", now)))
    }
    fn name(&self) -> &'static str {
        "YieldNow"
    }
}

/// `__async_sleep(d) -> Sleep`.
fn async_sleep(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let d = duration_of(&arg(args, 0)?)?;
    Ok(native_future(Sleep { dur: d, until: Mutex::new(None) }))
}

/// `__async_yield() -> YieldNow`.
fn async_yield(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(native_future(YieldNow::default()))
}

/// `__vec_to_tuple(v) -> (..)`: the results of `join!` as a tuple.
fn vec_to_tuple(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let items: Vec<Value> = match &v {
        Value::Vec(h) => h.read().map_err(util::conflict)?.items.clone(),
        _ => return Err(util::type_error("Vec", &v)),
    };
    Ok(if items.is_empty() { Value::Unit } else { Value::Tuple(crate::heap::Heap::new(items)) })
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__async", async_new);
    r.func("__future_kind", future_kind);
    r.func("__await_step", await_step);
    r.func("__async_take", async_take);
    r.func("__await_native_task", await_native);
    r.func("__waker_new", waker_new);
    r.func("__waker_wake", waker_wake);
    r.func("__waker_wait", waker_wait);
    r.func("__waker_same", waker_same);
    r.func("__task_spawn", task_spawn);
    r.func("__spawn_direct", spawn_direct);
    r.func("__task_join", task_join);
    r.func("__task_join_for", task_join_for);
    r.func("__task_abort", task_abort);
    r.func("__task_select", task_select);
    r.func("__task_is_finished", task_is_finished);
    r.func("__task_id", task_id);
    r.func("__async_sleep", async_sleep);
    r.func("__async_yield", async_yield);
    r.func("__vec_to_tuple", vec_to_tuple);
    for n in ["Pin::new", "Pin::new_unchecked", "Pin::into_inner", "Box::pin", "std::pin::Pin::new", "std::boxed::Box::pin", "pin::Pin::new"] {
        r.func(n, identity);
    }
}
