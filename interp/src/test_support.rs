//! Test support shared by the unit tests that run whole programs through a `Session`
//! (compiler, VM, drop, place and prelude tests): run a source text and capture its stdout.

use crate::runtime::Schedule;
use crate::session::{Options, Outcome, Session};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// A stdout that keeps what the program printed.
#[derive(Clone, Default)]
pub(crate) struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `src` as the program `test.rs` (with `prog` as `args()[0]`): its stdout and outcome.
pub(crate) fn run_program(src: &str) -> (String, Outcome) {
    run_in(Session::new(Options { args: vec!["prog".into()], backtrace: false }), src)
}

/// Runs `src` as the program `test.rs` under `schedule` (OS threads, the deterministic
/// scheduler with a seed, a pool of workers): its stdout and outcome.
pub(crate) fn run_scheduled(src: &str, schedule: Schedule) -> (String, Outcome) {
    let mut s = Session::new(Options::default());
    s.set_schedule(schedule);
    run_in(s, src)
}

/// Runs `src` in `s` with stdout captured; the session is dropped (its threads ended) before
/// the output is read.
fn run_in(mut s: Session, src: &str) -> (String, Outcome) {
    let buf = Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    let outcome = s.run_file("test.rs", src);
    drop(s);
    (buf.text(), outcome)
}

impl Buf {
    /// What was written so far, as text.
    pub(crate) fn text(&self) -> String {
        self.0.lock().map(|v| String::from_utf8_lossy(&v).into_owned()).unwrap_or_default()
    }
}
