//! `Host`: what a running fiber may ask of the runtime that drives it.
//!
//! One host serves every fiber of a run. Natives reach it through `NativeCx::host`, the VM
//! through `Ctx::host`. Concrete hosts add what their natives need (spawning threads, the
//! thread table); natives that need more than this trait reach the concrete host with
//! `as_any().downcast_ref()`.

use std::time::{Duration, Instant};

pub trait Host: Send + Sync {
    /// The runtime's clock: time since the run started, real or (under the deterministic
    /// scheduler) virtual. Deadlines in `Blocked` are on this clock.
    fn now(&self) -> Duration;

    /// Whether fibers are scheduled by the seeded deterministic scheduler.
    fn deterministic(&self) -> bool {
        false
    }

    /// Block the calling OS thread until the current fiber's waker fires or `deadline` (on
    /// `now`'s clock) passes. Used where a fiber cannot be suspended (a nested run: a user
    /// `Display` impl that takes a lock). `Err` with the reason when this host cannot wait in
    /// place (the deterministic scheduler, or nothing could ever wake the fiber).
    fn park(&self, deadline: Option<Duration>) -> Result<(), String>;

    /// The concrete host, for natives that need more than this trait.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// The host of one fiber running on the caller's thread, on the real clock.
#[derive(Debug)]
pub struct SoloHost {
    start: Instant,
}

impl SoloHost {
    pub fn new() -> SoloHost {
        SoloHost { start: Instant::now() }
    }
}

impl Default for SoloHost {
    fn default() -> Self {
        SoloHost::new()
    }
}

impl Host for SoloHost {
    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    fn park(&self, deadline: Option<Duration>) -> Result<(), String> {
        // A lone fiber has nobody to wake it: only a deadline ends the wait.
        match deadline {
            Some(d) => {
                std::thread::sleep(d.saturating_sub(self.now()));
                Ok(())
            }
            None => Err("the only thread would wait forever".into()),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
