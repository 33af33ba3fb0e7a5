// The TERAS prelude, std::io's standard streams: io::stdin(), io::stdout(), io::stderr(),
// their locks, the lines() iterator and io::read_to_string. The natives are builtins/io.rs
// (`__io_*`: stdin is the process's stdin, stdout the writer print! uses). Read/BufRead/Write
// methods are inherent here, so they work whether or not the program imports the traits
// (rustc itself decides which programs are valid). A lock is a plain marker: one fiber's
// read or write is already whole (the natives lock Rust's stdin/stdout for each call).

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

        /// `std::io::Stdin`.
        #[derive(Clone, Copy)]
        pub struct Stdin {
            marker: (),
        }

        impl Stdin {
            pub fn lock(&self) -> StdinLock {
                StdinLock { marker: () }
            }
            pub fn read_line(&self, buf: &mut String) -> io::Result<usize> {
                __io_read_line(buf)
            }
            pub fn lines(self) -> StdinLines {
                StdinLines { marker: () }
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                __io_read_to_string(buf)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                __io_read_to_end(buf)
            }
        }

        /// `std::io::StdinLock` (`BufRead`).
        pub struct StdinLock {
            marker: (),
        }

        impl StdinLock {
            pub fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
                __io_read_line(buf)
            }
            pub fn lines(self) -> StdinLines {
                StdinLines { marker: () }
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                __io_read_to_string(buf)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                __io_read_to_end(buf)
            }
        }

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
            pub fn flush(&mut self) -> io::Result<()> {
                __io_flush(1)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __io_write(1, buf)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __io_write_all(1, buf)
            }
            /// `write!(stdout, ...)` / `writeln!`.
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __io_write_all(1, s)
            }
        }

        /// `std::io::StdoutLock`.
        pub struct StdoutLock {
            marker: (),
        }

        impl StdoutLock {
            pub fn flush(&mut self) -> io::Result<()> {
                __io_flush(1)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __io_write(1, buf)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __io_write_all(1, buf)
            }
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __io_write_all(1, s)
            }
        }

        /// `std::io::Stderr`: writes go where `eprint!` writes.
        #[derive(Clone, Copy)]
        pub struct Stderr {
            marker: (),
        }

        impl Stderr {
            pub fn lock(&self) -> StderrLock {
                StderrLock { marker: () }
            }
            pub fn flush(&mut self) -> io::Result<()> {
                __io_flush(2)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __io_write(2, buf)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __io_write_all(2, buf)
            }
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __io_write_all(2, s)
            }
        }

        /// `std::io::StderrLock`.
        pub struct StderrLock {
            marker: (),
        }

        impl StderrLock {
            pub fn flush(&mut self) -> io::Result<()> {
                __io_flush(2)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __io_write(2, buf)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __io_write_all(2, buf)
            }
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __io_write_all(2, s)
            }
        }

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
