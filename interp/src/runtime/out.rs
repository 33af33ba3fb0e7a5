//! `SharedOut`: the program's stdout, shared by every thread of a run.
//!
//! One buffered writer behind a lock. Each thread writes through its own `OutHandle` (the
//! `&mut dyn Write` of its `Ctx`); a handle's `write` takes the lock and writes the whole
//! buffer it was given, so one `print!` is never torn by another thread's output. The
//! session flushes it when a run ends, before panic messages go to stderr, and on exit.
//! Between runs (the REPL waiting for input) it is *idle*: a thread still running in the
//! background then flushes after each print, so its lines show up at once.

use parking_lot::Mutex;
use std::io::{BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The shared writer (cheap to clone: an `Arc`).
#[derive(Clone)]
pub struct SharedOut {
    inner: Arc<Mutex<BufWriter<Box<dyn Write + Send>>>>,
    idle: Arc<AtomicBool>,
}

impl std::fmt::Debug for SharedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedOut")
    }
}

impl SharedOut {
    pub fn new(w: Box<dyn Write + Send>) -> SharedOut {
        SharedOut { inner: Arc::new(Mutex::new(BufWriter::with_capacity(1 << 16, w))), idle: Arc::new(AtomicBool::new(false)) }
    }

    /// The process's stdout.
    pub fn stdout() -> SharedOut {
        SharedOut::new(Box::new(std::io::stdout()))
    }

    /// A writer for one thread.
    pub fn handle(&self) -> OutHandle {
        OutHandle { out: self.clone() }
    }

    /// Write everything buffered so far to the underlying writer.
    pub fn flush(&self) {
        let _ = self.inner.lock().flush();
    }

    /// No run is in progress (`true`): prints of background threads are flushed at once.
    pub fn set_idle(&self, idle: bool) {
        // Relaxed: only decides when to flush; the lock orders the writes themselves.
        self.idle.store(idle, Ordering::Relaxed);
    }
}

/// One thread's view of the shared stdout.
#[derive(Debug, Clone)]
pub struct OutHandle {
    out: SharedOut,
}

impl Write for OutHandle {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        // The whole buffer under one lock: prints of different threads never interleave.
        let mut w = self.out.inner.lock();
        w.write_all(buf)?;
        if self.out.idle.load(Ordering::Relaxed) {
            w.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.inner.lock().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Write` that appends to a shared buffer (the test reads it afterwards).
    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn lines_from_many_threads_never_tear() {
        let buf = Buf::default();
        let out = SharedOut::new(Box::new(buf.clone()));
        std::thread::scope(|s| {
            for t in 0..4 {
                let mut h = out.handle();
                s.spawn(move || {
                    for i in 0..200 {
                        let line = format!("thread {t} line {i} {}\n", "x".repeat(100));
                        h.write_all(line.as_bytes()).unwrap();
                    }
                });
            }
        });
        out.flush();
        let text = String::from_utf8(buf.0.lock().clone()).unwrap();
        assert_eq!(text.lines().count(), 800);
        assert!(text.lines().all(|l| l.starts_with("thread ") && l.ends_with(&"x".repeat(100))));
    }
}
