//! The REPL's stdout for program output: forwards to the process's stdout and remembers
//! whether the last byte written ended a line, so the REPL can finish a line that
//! `print!` left open before it prints a value or the next prompt (rustyline redraws the
//! prompt from column 0 and would hide it).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// True when the program's output so far ends at the start of a line.
static AT_LINE_START: AtomicBool = AtomicBool::new(true);

/// A `Write` to stdout that tracks line ends (give it to `Session::set_stdout`).
pub struct TrackingStdout;

impl Write for TrackingStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = std::io::stdout().write(buf)?;
        if let Some(&last) = buf.get(..n).and_then(|b| b.last()) {
            AT_LINE_START.store(last == b'\n', Ordering::SeqCst);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

/// Write a newline when the program left its last line open.
pub fn end_open_line() {
    if !AT_LINE_START.swap(true, Ordering::SeqCst) {
        crate::repl::out("\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_the_last_byte() {
        let mut w = TrackingStdout;
        let _ = w.write(b"");
        assert!(AT_LINE_START.load(Ordering::SeqCst));
        let _ = w.write(b"line\n");
        assert!(AT_LINE_START.load(Ordering::SeqCst));
        let _ = w.write(b"open");
        assert!(!AT_LINE_START.load(Ordering::SeqCst));
        AT_LINE_START.store(true, Ordering::SeqCst);
    }
}
