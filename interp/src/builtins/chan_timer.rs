//! The natives behind crossbeam-channel's `after`, `tick` and `never` (`prelude/crossbeam.rs`):
//! their channels' senders are handed to the run's timers (`runtime/timers.rs`), which
//! deliver on the run's clock without a thread.
//!
//! - `__timer_arm(tx, d, periodic)`: deliver an `Instant` into `tx`'s channel `d` from now
//!   (`after`), and then every `d` (`tick`, `periodic` true);
//! - `__timer_keep(tx)`: keep `tx` for the run, never sending (`never`);
//! - `poll(cx)`: fire the timers that are due (for the non-blocking receives).

use super::channel::{duration_of, end_of};
use super::object::StdObj;
use super::util::{arg, panic, raw_arg, R};
use super::{NativeCx, NativeResult};
use crate::runtime::run::RunHost;
use crate::value::Value;
use std::time::Duration;

/// The run of the calling fiber (timers belong to a run).
fn run_host<'a>(cx: &'a NativeCx<'_>) -> R<&'a RunHost> {
    cx.host.as_any().downcast_ref::<RunHost>().ok_or_else(|| panic("crossbeam timers need a program run"))
}

/// The `Instant` of the run's clock time `at` (real or virtual, as `Instant::now` reads).
pub fn instant_at(host: &RunHost, at: Duration) -> Value {
    let i = if host.run.det.is_some() {
        super::thread::virtual_base() + at
    } else {
        let now = host.run.now();
        let real = std::time::Instant::now();
        real.checked_sub(now.saturating_sub(at)).unwrap_or(real)
    };
    StdObj::Instant(i).into_value()
}

/// Fire the due timers of the caller's run (a cheap check when none is armed anywhere).
pub fn poll(cx: &NativeCx<'_>) {
    if !crate::runtime::timers::any_armed() {
        return;
    }
    if let Ok(host) = run_host(cx) {
        fire(host);
    }
}

/// Fire `host`'s due timers; true when one delivered.
pub fn fire(host: &RunHost) -> bool {
    host.run.timers.fire_due(host.run.now(), &|at| instant_at(host, at))
}

/// `__timer_arm(tx, d, periodic)`.
fn arm(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let tx = raw_arg(args, 0)?;
    let chan = end_of(&tx)?;
    let d = duration_of(&arg(args, 1)?)?;
    let periodic = matches!(arg(args, 2)?, Value::Bool(true));
    let host = run_host(cx)?;
    let first = host.run.now().saturating_add(d);
    host.run.timers.arm(chan, tx, first, periodic.then_some(d));
    Ok(Value::Unit)
}

/// `__timer_keep(tx)`.
fn keep(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let tx = raw_arg(args, 0)?;
    run_host(cx)?.run.timers.keep(tx);
    Ok(Value::Unit)
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__timer_arm", arm);
    r.func("__timer_keep", keep);
}
