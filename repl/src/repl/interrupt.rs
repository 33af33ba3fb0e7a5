//! Ctrl-C while code runs: one SIGINT handler (the `ctrlc` crate), installed when the REPL
//! starts, that sets the interrupt flag of the session whose code is running.
//!
//! While rustyline edits a line the terminal is in raw mode and Ctrl-C is a key, not a
//! signal; so the handler only ever fires while an input runs (or between inputs, when it
//! does nothing). If the running code does not stop after three presses (a native call that
//! never returns to the VM), the process exits with 130 rather than becoming unkillable.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

/// The flag of the input now running, if any.
static RUNNING: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);
/// Ctrl-C presses since the current input started.
static PRESSES: AtomicU32 = AtomicU32::new(0);

/// Presses after which teras gives up on a stuck input and exits.
const PRESSES_TO_EXIT: u32 = 3;

/// Install the SIGINT handler. Returns false when it could not be installed (then Ctrl-C
/// ends the process as it normally does).
pub fn install() -> bool {
    ctrlc::set_handler(on_sigint).is_ok()
}

fn on_sigint() {
    let Ok(running) = RUNNING.lock() else { return };
    if let Some(flag) = running.as_ref() {
        flag.store(true, Ordering::SeqCst);
        let presses = PRESSES.fetch_add(1, Ordering::SeqCst) + 1;
        if presses >= PRESSES_TO_EXIT {
            eprintln!("\nteras: the running code does not stop; exiting");
            std::process::exit(130);
        }
    }
}

/// Route Ctrl-C to `flag` until the returned guard is dropped.
pub fn running(flag: Arc<AtomicBool>) -> RunGuard {
    PRESSES.store(0, Ordering::SeqCst);
    if let Ok(mut running) = RUNNING.lock() {
        *running = Some(flag);
    }
    RunGuard(())
}

/// While alive, Ctrl-C interrupts the running input.
#[must_use]
pub struct RunGuard(());

impl Drop for RunGuard {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            *running = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_to_running_flag_only() {
        let flag = Arc::new(AtomicBool::new(false));
        on_sigint();
        assert!(!flag.load(Ordering::SeqCst));
        {
            let _guard = running(flag.clone());
            on_sigint();
            assert!(flag.load(Ordering::SeqCst));
        }
        flag.store(false, Ordering::SeqCst);
        on_sigint();
        assert!(!flag.load(Ordering::SeqCst), "no routing after the guard is gone");
    }
}
