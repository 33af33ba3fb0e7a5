//! Test support shared by the unit tests that run whole programs through a `Session`
//! (compiler, VM, drop, place and prelude tests): run a source text and capture its stdout.

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
    let mut s = Session::new(Options { args: vec!["prog".into()], backtrace: false });
    let buf = Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    let outcome = s.run_file("test.rs", src);
    drop(s);
    let out = buf.0.lock().map(|v| String::from_utf8_lossy(&v).into_owned()).unwrap_or_default();
    (out, outcome)
}
