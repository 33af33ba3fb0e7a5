// The TERAS prelude, std::io's standard streams: io::stdin(), io::stdout(), io::stderr(),
// their locks, the lines() iterator and io::read_to_string. The natives are builtins/io.rs
// (`__io_*`: stdin is the process's stdin, stdout the writer print! uses). Read/BufRead/Write
// methods are default methods of two prelude-private traits (`__StdinRead` for Stdin and its
// lock, `__StdWrite` for stdout, stderr and their locks: the natives tell the stream from the
// writer's type name), so they work whether or not the program imports std's traits (rustc
// itself decides which programs are valid). A lock is a plain marker: one fiber's read or
// write is already whole (the natives lock Rust's stdin/stdout for each call).

pub mod std {
    pub mod io {
        pub fn stdin() -> Stdin {
            Stdin { marker: () }
        }
        pub fn stdout() -> Stdout {
            Stdout { marker: () }
        }
        pub fn stderr() -> Stderr {
            Stderr { marker: () }
        }
        /// `io::read_to_string(reader)`: all of a reader's text.
        pub fn read_to_string<R>(mut reader: R) -> io::Result<String> {
            let mut s = String::new();
            match reader.read_to_string(&mut s) {
                Ok(_) => Ok(s),
                Err(e) => Err(e),
            }
        }

        /// The reading methods of `Stdin` and `StdinLock` (`Read` and `BufRead`).
        pub trait __StdinRead {
            fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
                __io_read_line(buf)
            }
            fn lines(self) -> StdinLines {
                StdinLines { marker: () }
            }
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                __io_read(buf)
            }
            fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
                __io_read_exact(buf)
            }
            fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                __io_read_to_string(buf)
            }
            fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                __io_read_to_end(buf)
            }
        }

        /// The writing methods of stdout, stderr and their locks (`Write`): the natives of
        /// `builtins/io.rs` tell the stream from the writer's type name.
        pub trait __StdWrite {
            fn flush(&mut self) -> io::Result<()> {
                __io_flush(self)
            }
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __io_write(self, buf)
            }
            fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __io_write_all(self, buf)
            }
            /// `write!(stdout, ...)` / `writeln!`.
            fn write_str(&mut self, s: String) -> io::Result<()> {
                __io_write_all(self, s)
            }
        }

        /// `std::io::Stdin`.
        #[derive(Clone, Copy)]
        pub struct Stdin {
            marker: (),
        }

        impl Stdin {
            pub fn lock(&self) -> StdinLock {
                StdinLock { marker: () }
            }
        }

        impl __StdinRead for Stdin {}

        /// `std::io::StdinLock` (`BufRead`).
        pub struct StdinLock {
            marker: (),
        }

        impl __StdinRead for StdinLock {}

        /// `stdin.lines()`: each line of stdin without its `\n` / `\r\n`.
        pub struct StdinLines {
            marker: (),
        }

        impl Iterator for StdinLines {
            type Item = io::Result<String>;
            fn next(&mut self) -> Option<io::Result<String>> {
                __io_next_line()
            }
        }

        /// `std::io::Stdout`: writes go where `print!` writes.
        #[derive(Clone, Copy)]
        pub struct Stdout {
            marker: (),
        }

        impl Stdout {
            pub fn lock(&self) -> StdoutLock {
                StdoutLock { marker: () }
            }
        }

        impl __StdWrite for Stdout {}

        /// `std::io::StdoutLock`.
        pub struct StdoutLock {
            marker: (),
        }

        impl __StdWrite for StdoutLock {}

        /// `std::io::Stderr`: writes go where `eprint!` writes.
        #[derive(Clone, Copy)]
        pub struct Stderr {
            marker: (),
        }

        impl Stderr {
            pub fn lock(&self) -> StderrLock {
                StderrLock { marker: () }
            }
        }

        impl __StdWrite for Stderr {}

        /// `std::io::StderrLock`.
        pub struct StderrLock {
            marker: (),
        }

        impl __StdWrite for StderrLock {}

        // Debug as std prints them (`{:?}` of a handle, a REPL result).
        impl Debug for Stdin {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("Stdin { .. }")
            }
        }

        impl Debug for StdinLock {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("StdinLock { .. }")
            }
        }

        impl Debug for StdinLines {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("Lines { buf: StdinLock { .. } }")
            }
        }

        impl Debug for Stdout {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("Stdout { .. }")
            }
        }

        impl Debug for StdoutLock {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("StdoutLock { .. }")
            }
        }

        impl Debug for Stderr {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("Stderr { .. }")
            }
        }

        impl Debug for StderrLock {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("StderrLock { .. }")
            }
        }
    }
}
