//! crossbeam-channel's `after`, `tick` and `never` as timers on the run's clock (real time,
//! or the deterministic scheduler's virtual time), with no thread of their own.
//!
//! A timer is a channel of capacity 1 (`builtins/chan_timer.rs` makes it) whose sender the
//! run keeps, with the time of its next delivery. Nobody sends on it: whoever runs fibers
//! *fires* the timers that are due, pushing the delivery `Instant` into their channels
//! (which wakes the receivers as any send does):
//! - the OS-thread driver (`driver::drive`) parks a blocked fiber no longer than the next
//!   timer's deadline and fires due timers when it wakes; a fiber blocked without deadline
//!   while no other thread runs is not alone when a timer is armed;
//! - the deterministic scheduler (`det.rs`) fires due timers before each choice, and counts
//!   the next timer's deadline among the blocked fibers' when it advances virtual time;
//! - non-blocking receives (`try_recv`, `select!` with `default`, `Select::try_select`)
//!   fire due timers first (`poll`), so a busy loop polling a `tick` sees its ticks.
//!
//! `after(d)` delivers once, then stays connected and silent (crossbeam's does too);
//! `tick(d)` delivers every `d` (a tick nobody took while one is queued is dropped, and the
//! next is due `d` after the later of its due time and the time it fired); `never()` is a
//! kept sender that is never fired. A timer whose receivers are all gone is dropped.

use crate::value::Value;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::chan::{Chan, TrySend};

/// Timers armed in the whole process (a fast check before looking at a run's).
static ARMED: AtomicUsize = AtomicUsize::new(0);

/// One armed timer.
struct Timer {
    chan: Arc<Chan<Value>>,
    /// The sending end (keeps the channel connected).
    sender: Value,
    /// When it delivers next, on the run's clock.
    next: Duration,
    /// `tick`'s period; `None` for `after` (delivers once).
    period: Option<Duration>,
}

/// The timers of one run.
#[derive(Default)]
pub struct Timers {
    armed: Mutex<Vec<Timer>>,
    /// Senders that must stay alive for the run (`never()`, an `after` that delivered).
    kept: Mutex<Vec<Value>>,
}

impl std::fmt::Debug for Timers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timers").field("armed", &self.armed.lock().len()).finish()
    }
}

impl Drop for Timers {
    fn drop(&mut self) {
        let n = self.armed.get_mut().len();
        ARMED.fetch_sub(n, Ordering::Relaxed);
    }
}

impl Timers {
    /// Arm a timer delivering into `chan` (whose sending end is `sender`) at `first`, then
    /// every `period` if there is one.
    pub fn arm(&self, chan: Arc<Chan<Value>>, sender: Value, first: Duration, period: Option<Duration>) {
        self.armed.lock().push(Timer { chan, sender, next: first, period });
        ARMED.fetch_add(1, Ordering::Relaxed);
    }

    /// Keep `sender` alive for the rest of the run (its channel never disconnects).
    pub fn keep(&self, sender: Value) {
        self.kept.lock().push(sender);
    }

    /// Whether any timer is armed in the process (no lock, no clock: the blocked-fiber path
    /// of `driver::drive` skips reading the clock for `fire_due` when none is).
    pub fn any_armed() -> bool {
        // Relaxed: a hint, as in `fire_due` (a timer armed concurrently is seen on the
        // driver's next look).
        ARMED.load(Ordering::Relaxed) != 0
    }

    /// The earliest delivery time of an armed timer.
    pub fn next_deadline(&self) -> Option<Duration> {
        if ARMED.load(Ordering::Relaxed) == 0 {
            return None;
        }
        self.armed.lock().iter().map(|t| t.next).min()
    }

    /// Deliver what is due at `now` (`instant_at` builds the `Instant` of a delivery time).
    /// True when something was delivered.
    pub fn fire_due(&self, now: Duration, instant_at: &dyn Fn(Duration) -> Value) -> bool {
        if ARMED.load(Ordering::Relaxed) == 0 {
            return false;
        }
        let mut fired = false;
        let mut done = Vec::new();
        {
            let mut armed = self.armed.lock();
            let mut i = 0;
            while let Some(t) = armed.get_mut(i) {
                if t.chan.receivers_gone() {
                    done.push((armed.swap_remove(i), false));
                    continue;
                }
                if t.next > now {
                    i += 1;
                    continue;
                }
                match t.chan.try_send(instant_at(t.next)) {
                    TrySend::Sent => fired = true,
                    // A tick nobody took yet: this one is dropped.
                    TrySend::Full(_) => {}
                    TrySend::Disconnected(_) => {
                        done.push((armed.swap_remove(i), false));
                        continue;
                    }
                }
                match t.period {
                    Some(p) => {
                        t.next = t.next.max(now).saturating_add(p.max(Duration::from_nanos(1)));
                        i += 1;
                    }
                    None => done.push((armed.swap_remove(i), true)),
                }
            }
        }
        ARMED.fetch_sub(done.len(), Ordering::Relaxed);
        // Outside the lock: an end's `Drop` may wake fibers.
        for (t, keep) in done {
            if keep {
                self.keep(t.sender);
            }
        }
        fired
    }
}

/// Are timers armed anywhere in the process (a cheap check for `poll`'s callers)?
pub fn any_armed() -> bool {
    ARMED.load(Ordering::Relaxed) > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use teras_stdlib::chan::{Flavor, TryRecv};

    fn timer_chan() -> Arc<Chan<Value>> {
        Arc::new(Chan::new(Flavor::Bounded(1)))
    }

    #[test]
    fn after_delivers_once_and_tick_repeats() {
        let timers = Timers::default();
        let (a, t) = (timer_chan(), timer_chan());
        timers.arm(a.clone(), Value::Unit, Duration::from_millis(10), None);
        timers.arm(t.clone(), Value::Unit, Duration::from_millis(5), Some(Duration::from_millis(5)));
        let at = |d: Duration| Value::usize(d.as_millis() as usize);
        assert_eq!(timers.next_deadline(), Some(Duration::from_millis(5)));
        assert!(!timers.fire_due(Duration::from_millis(4), &at));
        assert!(timers.fire_due(Duration::from_millis(5), &at));
        assert!(matches!(t.try_recv(), TryRecv::Got(Value::Int(5, _))));
        assert!(matches!(a.try_recv(), TryRecv::Empty));
        // 10 ms: both due; the tick's next one is at 15 ms.
        assert!(timers.fire_due(Duration::from_millis(10), &at));
        assert!(matches!(a.try_recv(), TryRecv::Got(Value::Int(10, _))));
        assert!(matches!(t.try_recv(), TryRecv::Got(Value::Int(10, _))));
        assert_eq!(timers.next_deadline(), Some(Duration::from_millis(15)));
        // A tick not taken is not queued twice.
        assert!(timers.fire_due(Duration::from_millis(15), &at));
        assert!(!timers.fire_due(Duration::from_millis(20), &at));
        assert!(matches!(t.try_recv(), TryRecv::Got(Value::Int(15, _))));
        assert!(matches!(t.try_recv(), TryRecv::Empty));
        assert!(matches!(a.try_recv(), TryRecv::Empty), "after delivers once");
    }
}
