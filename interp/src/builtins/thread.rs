//! `std::thread`'s natives: the `__thread_*` / `__scope_*` intrinsics the prelude's
//! `std::thread` module (builtins/prelude/thread.rs) is written with.
//!
//! The closure-taking API (`spawn`, `Builder::spawn`, `scope`, `Scope::spawn`) is TERAS code
//! in the prelude; these natives do what TERAS code cannot: start a thread through the
//! runtime (`runtime::driver::spawn`), block on a join slot, a park token or the clock
//! (the `Blocked` protocol of `teras_stdlib::sched`), and name the current thread.
//!
//! Handles travel as `Value::Native` objects inside prelude structs (`JoinHandle`,
//! `Thread`, `Scope`), so their methods are the prelude's and never collide with other
//! natives' method names.

use super::object::StdObj;
use super::util::{self, arg, panic, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::run::RunHost;
use crate::runtime::threads::{self, JoinSlot, ThreadInfo};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::sched::Blocked;

/// A `JoinHandle`'s native part.
#[derive(Debug)]
pub struct JoinObj(pub Arc<JoinSlot>);

/// A `Thread`'s native part.
#[derive(Debug)]
pub struct ThreadObj(pub Arc<ThreadInfo>);

/// A `thread::scope`'s native part: the threads spawned in it.
#[derive(Debug, Default)]
pub struct ScopeObj(pub Mutex<Vec<Arc<JoinSlot>>>);

fn native<T: std::any::Any + Send + Sync>(x: T) -> Value {
    Value::Native(Arc::new(Box::new(x)))
}

fn join_of(args: &[Value], i: usize) -> R<Arc<JoinSlot>> {
    match arg(args, i)? {
        Value::Native(b) => b.downcast_ref::<JoinObj>().map(|j| j.0.clone()).ok_or_else(|| panic("type error: JoinHandle expected")),
        v => Err(util::type_error("JoinHandle", &v)),
    }
}

fn thread_of(args: &[Value], i: usize) -> R<Arc<ThreadInfo>> {
    match arg(args, i)? {
        Value::Native(b) => b.downcast_ref::<ThreadObj>().map(|t| t.0.clone()).ok_or_else(|| panic("type error: Thread expected")),
        v => Err(util::type_error("Thread", &v)),
    }
}

fn scope_of(args: &[Value], i: usize) -> R<Value> {
    let v = arg(args, i)?;
    match &v {
        Value::Native(b) if b.downcast_ref::<ScopeObj>().is_some() => Ok(v),
        _ => Err(util::type_error("Scope", &v)),
    }
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
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("threads need the teras runtime (this host runs a single fiber)"))
}

/// `__thread_spawn(f, name: Option<String>, stack_size: Option<usize>)
/// -> Result<JoinObj, io::Error>`.
fn spawn(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let f = util::raw_arg(args, 0)?;
    let name = match util::as_option(&arg(args, 1)?) {
        Some(Some(n)) => Some(util::str_of(&n)?),
        _ => None,
    };
    if name.as_deref().is_some_and(|n| n.contains('\0')) {
        return Err(panic("thread name may not contain interior null bytes"));
    }
    let stack = match util::as_option(&arg(args, 2)?) {
        Some(Some(n)) => Some(util::usize_of(&n)?),
        _ => None,
    };
    let host = run_host(cx)?;
    match crate::runtime::driver::spawn(host, f, name, stack) {
        Ok(slot) => Ok(util::ok(cx, native(JoinObj(slot)))),
        Err(why) => Ok(util::err(cx, StdObj::Io(std::io::Error::other(why)).into_value())),
    }
}

/// `__thread_join(h) -> Result<T, (String, bool)>`: blocks until the thread ended; `Err`
/// carries the panic message and whether Rust's payload is a `&str`.
fn join(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let slot = join_of(args, 0)?;
    match slot.try_join(cx.waker) {
        None => Err(NativeError::Block(Blocked::on("JoinHandle::join"))),
        Some(Ok(v)) => Ok(util::ok(cx, v)),
        Some(Err(p)) => Ok(util::err(cx, util::pair(Value::str(p.msg), Value::Bool(p.is_str)))),
    }
}

fn is_finished(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(join_of(args, 0)?.is_finished()))
}

/// `__thread_of(h) -> ThreadObj`.
fn thread_of_handle(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(native(ThreadObj(join_of(args, 0)?.thread.clone())))
}

/// `__thread_current() -> ThreadObj`.
fn current(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let t = threads::current().unwrap_or_else(|| Arc::new(ThreadInfo::new(1, Some("main".into()))));
    Ok(native(ThreadObj(t)))
}

/// `__thread_name(t) -> Option<&str>`.
fn name(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let t = thread_of(args, 0)?;
    Ok(util::option(cx, t.name.clone().map(Value::str)))
}

/// `__thread_id(t) -> u64`.
fn id(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let t = thread_of(args, 0)?;
    Ok(Value::int(i64::try_from(t.id).unwrap_or(i64::MAX), crate::value::IntTy::U64))
}

fn unpark(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    thread_of(args, 0)?.unpark();
    Ok(Value::Unit)
}

/// A deadline remembered across the attempts of one blocking call.
struct Deadline(Duration);

/// The deadline of this blocking call: `after` from the first attempt.
fn deadline(cx: &mut NativeCx<'_>, after: Duration) -> Duration {
    if let Some(d) = cx.state.as_ref().and_then(|s| s.downcast_ref::<Deadline>()) {
        return d.0;
    }
    let d = cx.host.now().saturating_add(after);
    *cx.state = Some(Box::new(Deadline(d)));
    d
}

/// `__thread_park(timeout: Option<Duration>)`: `thread::park` / `park_timeout`.
fn park(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let me = threads::current().ok_or_else(|| panic("park: no current thread"))?;
    let timeout = match util::as_option(&arg(args, 0)?) {
        Some(Some(d)) => Some(duration_of(&d)?),
        _ => None,
    };
    if me.take_token() {
        return Ok(Value::Unit);
    }
    let until = timeout.map(|t| deadline(cx, t));
    if until.is_some_and(|d| cx.host.now() >= d) {
        return Ok(Value::Unit);
    }
    me.register_park(cx.waker);
    if me.take_token() {
        return Ok(Value::Unit);
    }
    Err(NativeError::Block(match until {
        Some(d) => Blocked::until("thread::park_timeout", d),
        None => Blocked::on("thread::park"),
    }))
}

/// `__thread_sleep(d)`: `thread::sleep`, on the runtime's clock (virtual under the
/// deterministic scheduler).
fn sleep(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let d = duration_of(&arg(args, 0)?)?;
    if d.is_zero() && cx.state.is_none() {
        return Ok(Value::Unit);
    }
    let until = deadline(cx, d);
    if cx.host.now() >= until {
        return Ok(Value::Unit);
    }
    Err(NativeError::Block(Blocked::until("thread::sleep", until)))
}

/// `__thread_yield()`: block until "now" once, so the scheduler may run another fiber.
fn yield_now(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    if cx.state.is_some() {
        return Ok(Value::Unit);
    }
    if !cx.host.deterministic() {
        std::thread::yield_now();
        return Ok(Value::Unit);
    }
    let now = cx.host.now();
    *cx.state = Some(Box::new(Deadline(now)));
    Err(NativeError::Block(Blocked::until("thread::yield_now", now)))
}

/// `__available_parallelism() -> usize` (1 under the deterministic scheduler: one OS
/// thread runs everything).
fn available_parallelism(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let n = if cx.host.deterministic() { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()) };
    Ok(Value::usize(n))
}

/// `__thread_panicking() -> bool`: `thread::panicking()`.
fn panicking(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(crate::runtime::panicking()))
}

fn scope_new(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(native(ScopeObj::default()))
}

/// `__scope_add(scope, h)`: a thread spawned in the scope.
fn scope_add(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = scope_of(args, 0)?;
    let slot = join_of(args, 1)?;
    if let Value::Native(b) = &s {
        if let Some(sc) = b.downcast_ref::<ScopeObj>() {
            sc.0.lock().push(slot);
        }
    }
    Ok(Value::Unit)
}

/// `__scope_wait(scope) -> bool`: blocks until every thread of the scope ended; whether one
/// of them panicked and was not joined (the scope then panics, as Rust's does).
fn scope_wait(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = scope_of(args, 0)?;
    let Value::Native(b) = &s else { return Err(panic("type error: Scope expected")) };
    let Some(sc) = b.downcast_ref::<ScopeObj>() else { return Err(panic("type error: Scope expected")) };
    let slots: Vec<Arc<JoinSlot>> = sc.0.lock().clone();
    for slot in &slots {
        if !slot.done_or_register(cx.waker) {
            return Err(NativeError::Block(Blocked::on("thread::scope (joining its threads)")));
        }
    }
    Ok(Value::Bool(slots.iter().any(|s| s.unhandled_panic())))
}

/// `__payload_is(msg_is_str: bool) -> bool`: whether a panic payload is the type the
/// calling prelude function's hint names (`downcast_ref::<&str>` gets `Option<&&str>`).
fn payload_is(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let is_str = util::bool_of(&arg(args, 0)?)?;
    let want = cx.hint.map(|t| t.to_string()).unwrap_or_default();
    let want = want.replace(' ', "");
    // The hint is `Option<&T>` (downcast_ref), `Result<Box<T>, ..>` (downcast) or `bool`
    // (is::<T>, which passes the type name as a second argument instead).
    let target = match arg(args, 1) {
        Ok(Value::Str(s)) => s.read().map(|s| s.replace(' ', "")).unwrap_or_default(),
        _ => want,
    };
    let says_str = target.contains("&str") || target.contains("&'staticstr");
    let says_string = target.contains("String");
    Ok(Value::Bool(if is_str { says_str } else { says_string && !says_str }))
}

/// The real instant the virtual clock of deterministic runs counts from (process-wide).
pub(crate) fn virtual_base() -> std::time::Instant {
    static BASE: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *BASE.get_or_init(std::time::Instant::now)
}

/// Call the native registered before an override (`aux` is its id + 1).
fn chain(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    match aux.checked_sub(1).and_then(|id| super::registry::registry().defs.get(id as usize)) {
        Some(def) => (def.f)(cx, args, def.aux),
        None => Err(panic("internal error: no native to chain to")),
    }
}

/// `Instant::now()`: on the virtual clock under the deterministic scheduler (so that
/// `elapsed` and timing loops repeat exactly), else the real one (`time.rs`).
fn instant_now(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    if cx.host.deterministic() {
        return Ok(StdObj::Instant(virtual_base() + cx.host.now()).into_value());
    }
    chain(cx, args, aux)
}

/// `elapsed()` of an `Instant` under the deterministic scheduler: virtual time; anything
/// else goes to the native registered before (`time.rs`).
fn instant_elapsed(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    if cx.host.deterministic() {
        if let Value::Native(b) = util::deref(&arg(args, 0)?)? {
            if let Some(StdObj::Instant(i)) = b.downcast_ref::<StdObj>() {
                let now = virtual_base() + cx.host.now();
                return Ok(StdObj::Duration(now.saturating_duration_since(*i)).into_value());
            }
        }
    }
    chain(cx, args, aux)
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__thread_spawn", spawn);
    r.func("__thread_join", join);
    r.func("__thread_is_finished", is_finished);
    r.func("__thread_of", thread_of_handle);
    r.func("__thread_current", current);
    r.func("__thread_name", name);
    r.func("__thread_id", id);
    r.func("__thread_unpark", unpark);
    r.func("__thread_park", park);
    r.func("__thread_sleep", sleep);
    r.func("__thread_yield", yield_now);
    r.func("__available_parallelism", available_parallelism);
    r.func("__thread_panicking", panicking);
    r.func("__scope_new", scope_new);
    r.func("__scope_add", scope_add);
    r.func("__scope_wait", scope_wait);
    r.func("__payload_is", payload_is);
    // `std::thread::sleep` named without the prelude's module (`thread::sleep` through a
    // path the prelude does not define) blocks through the runtime too.
    r.func("thread::sleep", sleep);
    // Virtual time for `Instant` under the deterministic scheduler, chained to `time.rs`.
    let prev_now = r.funcs.get("Instant::now").map_or(0, |id| id + 1);
    r.func_aux("Instant::now", instant_now, prev_now);
    let prev_elapsed = r.methods.get(&(super::registry::Kind::Native, "elapsed")).map_or(0, |id| id + 1);
    r.method_aux(super::registry::Kind::Native, "elapsed", instant_elapsed, prev_elapsed);
}
