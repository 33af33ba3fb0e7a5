//! Futures implemented natively: the leaves that async code awaits (`sleep`, async channel
//! and lock operations, TCP readiness).
//!
//! A TERAS task is a fiber, so awaiting is the blocking protocol of `teras_stdlib::sched`
//! seen from async code: `.await` on a native future calls `PollNative::poll`, which either
//! completes (`Ok(output)`) or registers `cx.waker` and returns `NativeError::Block`. The
//! driver then parks the task (never the worker OS thread, on the executor) and the VM calls
//! `poll` again after a wake-up, with the task's `cx.state` kept between attempts.
//!
//! A `NativeFuture` is polled by one task at a time (the task that awaits it). Once it
//! returned `Ok` it is finished: awaiting it again panics as Rust's
//! "`async fn` resumed after completion" does. When its last handle dies unfinished (the
//! losing branch of a `select!`, a cancelled task), `PollNative::cancel` runs, so that a
//! future that reserved something (a channel slot, a lock ticket) gives it back: this is
//! what makes `select!` cancellation-safe.
//!
//! Natives: `__is_native_future(&x) -> bool`, `__await_native(fut) -> T`.

use super::registry::Registry;
use super::util::{arg, panic, R};
use super::{NativeCx, NativeResult};
use crate::value::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The behaviour of one kind of native future.
pub trait PollNative: Send + Sync + 'static {
    /// Try to finish: `Ok(output)`, or register `cx.waker` with what it waits for and return
    /// `Err(NativeError::Block(..))` (re-check after registering, so no wake-up is lost).
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult;

    /// A name for deadlock reports and `{:?}` (`"Sleep"`, `"Recv"`).
    fn name(&self) -> &'static str;

    /// The future dies unfinished: undo any reservation, forget registered wakers.
    fn cancel(&self) {}
}

/// What a native future runs: the async channels' `send` and `recv` (the futures of every
/// message of a ping-pong) inline, one allocation less per operation; any other kind boxed.
pub(crate) enum Inner {
    Recv(super::async_chan::RecvFut),
    Send(super::async_chan::SendFut),
    Dyn(Box<dyn PollNative>),
}

impl Inner {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        match self {
            Inner::Recv(f) => f.poll(cx),
            Inner::Send(f) => f.poll(cx),
            Inner::Dyn(f) => f.poll(cx),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Inner::Recv(f) => f.name(),
            Inner::Send(f) => f.name(),
            Inner::Dyn(f) => f.name(),
        }
    }

    fn cancel(&self) {
        match self {
            Inner::Recv(f) => f.cancel(),
            Inner::Send(f) => f.cancel(),
            Inner::Dyn(f) => f.cancel(),
        }
    }
}

/// A native future as a TERAS value holds it (`Value::Native`).
pub struct NativeFuture {
    inner: Inner,
    done: AtomicBool,
}

impl std::fmt::Debug for NativeFuture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.inner.name())
    }
}

impl Drop for NativeFuture {
    fn drop(&mut self) {
        // Relaxed: the last handle is being dropped; no other thread can touch `done` now
        // (the Arc's own release/acquire on the count orders the earlier `Release` store).
        if !self.done.load(Ordering::Relaxed) {
            self.inner.cancel();
        }
    }
}

/// Wrap a native future as a TERAS value.
pub fn native_future(f: impl PollNative) -> Value {
    native_future_inline(Inner::Dyn(Box::new(f)))
}

/// Wrap a native future of a kind `Inner` holds inline.
pub(crate) fn native_future_inline(inner: Inner) -> Value {
    Value::Native(Arc::new(Box::new(NativeFuture { inner, done: AtomicBool::new(false) })))
}

/// The native future a value is, if it is one.
pub fn as_native_future(v: &Value) -> Option<&NativeFuture> {
    match v {
        Value::Native(b) => b.downcast_ref::<NativeFuture>(),
        _ => None,
    }
}

/// Poll `fut` once on behalf of the calling task (the `.await` of a native future).
pub fn poll_future(fut: &NativeFuture, cx: &mut NativeCx<'_>) -> NativeResult {
    // Acquire: pairs with the Release store below, made by the task that finished it.
    if fut.done.load(Ordering::Acquire) {
        return Err(panic("`async fn` resumed after completion"));
    }
    let r = fut.inner.poll(cx);
    if r.is_ok() {
        // Release: pairs with the Acquire load above (a second await, maybe elsewhere).
        fut.done.store(true, Ordering::Release);
    }
    r
}

fn is_native_future(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Bool(as_native_future(&arg(args, 0)?).is_some()))
}

fn await_native(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    // An await point: an aborted task stops here.
    super::async_task::check_cancel()?;
    let v = arg(args, 0)?;
    let fut: R<&NativeFuture> = as_native_future(&v).ok_or_else(|| panic("`.await` of a value that is not a future"));
    let r = poll_future(fut?, cx);
    if matches!(r, Err(super::NativeError::Block(_))) {
        super::async_task::abortable(cx);
    }
    r
}

pub fn register(r: &mut Registry) {
    r.func("__is_native_future", is_native_future);
    r.func("__await_native", await_native);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::NativeError;
    use std::sync::atomic::AtomicUsize;

    /// Pending on the first poll, ready with 7 on the second; counts cancellations.
    struct Twice {
        polls: AtomicUsize,
        cancels: Arc<AtomicUsize>,
    }

    impl PollNative for Twice {
        fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
            // Relaxed: single-threaded test.
            if self.polls.fetch_add(1, Ordering::Relaxed) == 0 {
                cx.waker.wake_by_ref();
                return Err(NativeError::Block(teras_stdlib::sched::Blocked::on("Twice")));
            }
            Ok(Value::i32(7))
        }
        fn name(&self) -> &'static str {
            "Twice"
        }
        fn cancel(&self) {
            self.cancels.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn with_cx<T>(f: impl FnOnce(&mut NativeCx<'_>) -> T) -> T {
        let std = crate::builtins::tests::defs();
        let mut out = Vec::new();
        let host = crate::runtime::SoloHost::new();
        let mut state = None;
        let mut cx = NativeCx {
            stdout: &mut out,
            std: &std,
            hint: None,
            args: &[],
            host: &host,
            waker: std::task::Waker::noop(),
            state: &mut state,
        };
        f(&mut cx)
    }

    #[test]
    fn pending_then_ready_then_finished() {
        let cancels = Arc::new(AtomicUsize::new(0));
        let v = native_future(Twice { polls: AtomicUsize::new(0), cancels: cancels.clone() });
        let fut = as_native_future(&v).unwrap();
        with_cx(|cx| {
            assert!(matches!(poll_future(fut, cx), Err(NativeError::Block(_))));
            assert!(matches!(poll_future(fut, cx), Ok(Value::Int(7, _))));
            assert!(matches!(poll_future(fut, cx), Err(NativeError::Panic(m)) if m.contains("after completion")));
        });
        drop(v);
        assert_eq!(cancels.load(Ordering::Relaxed), 0, "a finished future is not cancelled");
    }

    #[test]
    fn dropping_an_unfinished_future_cancels_it() {
        let cancels = Arc::new(AtomicUsize::new(0));
        let v = native_future(Twice { polls: AtomicUsize::new(0), cancels: cancels.clone() });
        let w = v.clone();
        drop(v);
        assert_eq!(cancels.load(Ordering::Relaxed), 0, "another handle is alive");
        drop(w);
        assert_eq!(cancels.load(Ordering::Relaxed), 1);
    }
}
