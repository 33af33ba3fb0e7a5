// The TERAS prelude, networking: std::net (TcpListener, TcpStream, SocketAddr, IpAddr,
// Shutdown), std::io's BufReader/BufWriter over sockets and the standard streams, and
// tokio::net / tokio::io (the same sockets with methods returning futures). The natives are
// builtins/net.rs; each socket struct holds the native handle in its first field `inner`.
//
// std's and tokio's types have the same names (`TcpStream`) and different methods, while
// impl methods are looked up by the type's own name: so the structs are named apart
// (`StdTcpStream`, `TokioTcpStream`) and exported under the std/tokio names with `pub use`.
// Prototypes (`__net_proto_*`) are values whose struct definition the natives reuse to
// build results (`accept` returns a `TcpStream` and a `SocketAddr`).

fn __net_proto_addr() -> std::net::SocketAddr {
    std::net::SocketAddr { hi: 0, lo: 0, port: 0, v6: false }
}

fn __net_addr_protos<S>(s: S) -> (S, std::net::SocketAddr) {
    (s, __net_proto_addr())
}

/// A line without its `\n` or `\r\n` (what `lines()` yields).
fn __net_chomp(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    s
}

pub mod std {
    pub mod net {
        pub use self::StdTcpListener as TcpListener;
        pub use self::StdTcpStream as TcpStream;
        pub use self::StdIncoming as Incoming;

        /// The native handle of a socket (never built by TERAS code).
        pub struct NetHandle {
            marker: (),
        }

        /// `std::net::SocketAddr`: an IP address (its 128 bits in two halves; an IPv4
        /// address is `lo`) and a port. Only scalars, so that it is `Copy` as in Rust.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct SocketAddr {
            hi: u64,
            lo: u64,
            port: u16,
            v6: bool,
        }

        impl SocketAddr {
            pub fn new(ip: IpAddr, port: u16) -> SocketAddr {
                SocketAddr { hi: ip.hi, lo: ip.lo, port: port, v6: ip.v6 }
            }
            pub fn ip(&self) -> IpAddr {
                IpAddr { hi: self.hi, lo: self.lo, v6: self.v6 }
            }
            pub fn port(&self) -> u16 {
                self.port
            }
            pub fn set_port(&mut self, port: u16) {
                self.port = port;
            }
            pub fn set_ip(&mut self, ip: IpAddr) {
                self.hi = ip.hi;
                self.lo = ip.lo;
                self.v6 = ip.v6;
            }
            pub fn is_ipv4(&self) -> bool {
                !self.v6
            }
            pub fn is_ipv6(&self) -> bool {
                self.v6
            }
        }

        impl Display for SocketAddr {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.pad(&__net_addr_text(self.hi, self.lo, self.port, self.v6))
            }
        }

        impl Debug for SocketAddr {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.pad(&__net_addr_text(self.hi, self.lo, self.port, self.v6))
            }
        }

        impl FromStr for SocketAddr {
            type Err = AddrParseError;
            fn from_str(s: &str) -> Result<SocketAddr, AddrParseError> {
                match __net_parse_addr(s, __net_proto_addr()) {
                    Some(a) => Ok(a),
                    None => Err(AddrParseError(())),
                }
            }
        }

        /// `"x".parse::<SocketAddr>()` failed.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct AddrParseError(());

        impl Display for AddrParseError {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("invalid socket address syntax")
            }
        }

        /// `std::net::IpAddr`: 128 bits in two halves (an IPv4 address is `lo`).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct IpAddr {
            hi: u64,
            lo: u64,
            v6: bool,
        }

        impl IpAddr {
            pub fn is_ipv4(&self) -> bool {
                !self.v6
            }
            pub fn is_ipv6(&self) -> bool {
                self.v6
            }
            pub fn is_loopback(&self) -> bool {
                __net_ip_query(self.hi, self.lo, self.v6, 0)
            }
            pub fn is_unspecified(&self) -> bool {
                __net_ip_query(self.hi, self.lo, self.v6, 1)
            }
            pub fn is_multicast(&self) -> bool {
                __net_ip_query(self.hi, self.lo, self.v6, 2)
            }
        }

        impl Display for IpAddr {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.pad(&__net_ip_text(self.hi, self.lo, self.v6))
            }
        }

        impl Debug for IpAddr {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.pad(&__net_ip_text(self.hi, self.lo, self.v6))
            }
        }

        /// `std::net::Shutdown`.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Shutdown {
            Read,
            Write,
            Both,
        }

        fn __how(how: Shutdown) -> i32 {
            match how {
                Shutdown::Read => 0,
                Shutdown::Write => 1,
                Shutdown::Both => 2,
            }
        }

        /// `std::net::TcpListener`: `accept` and `incoming` block the calling thread.
        pub struct StdTcpListener {
            inner: NetHandle,
        }

        impl StdTcpListener {
            pub fn bind<A>(addr: A) -> io::Result<StdTcpListener> {
                __net_bind(addr, false, StdTcpListener { inner: __net_null() })
            }
            pub fn accept(&self) -> io::Result<(StdTcpStream, SocketAddr)> {
                __net_accept(&self.inner, false, __net_addr_protos(StdTcpStream { inner: __net_null() }))
            }
            pub fn incoming(&self) -> StdIncoming {
                StdIncoming { listener: StdTcpListener { inner: self.inner } }
            }
            pub fn local_addr(&self) -> io::Result<SocketAddr> {
                __net_local_addr(&self.inner, __net_proto_addr())
            }
            pub fn try_clone(&self) -> io::Result<StdTcpListener> {
                Ok(StdTcpListener { inner: self.inner })
            }
        }

        impl Debug for StdTcpListener {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                match self.local_addr() {
                    Ok(a) => write!(f, "TcpListener {{ addr: {} }}", a),
                    Err(_) => f.write_str("TcpListener { .. }"),
                }
            }
        }

        /// `listener.incoming()`: every connection, forever.
        pub struct StdIncoming {
            listener: StdTcpListener,
        }

        impl Iterator for StdIncoming {
            type Item = io::Result<StdTcpStream>;
            fn next(&mut self) -> Option<io::Result<StdTcpStream>> {
                match self.listener.accept() {
                    Ok((s, _)) => Some(Ok(s)),
                    Err(e) => Some(Err(e)),
                }
            }
        }

        /// `std::net::TcpStream` with std's `Read`, `Write` (and, through `BufReader`,
        /// `BufRead`) methods; they block the calling thread.
        pub struct StdTcpStream {
            inner: NetHandle,
        }

        impl StdTcpStream {
            pub fn connect<A>(addr: A) -> io::Result<StdTcpStream> {
                __net_connect(addr, false, StdTcpStream { inner: __net_null() })
            }
            pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                __net_read(&self.inner, buf, false)
            }
            pub fn peek(&self, buf: &mut [u8]) -> io::Result<usize> {
                __net_peek(&self.inner, buf, false)
            }
            pub fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
                __net_read_exact(&self.inner, buf, false)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                __net_read_to_end(&self.inner, buf, false)
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                __net_read_to_string(&self.inner, buf, false)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __net_write(&self.inner, buf, false)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __net_write_all(&self.inner, buf, false)
            }
            pub fn flush(&mut self) -> io::Result<()> {
                __net_flush(false)
            }
            pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
                __net_shutdown(&self.inner, __how(how), false)
            }
            pub fn peer_addr(&self) -> io::Result<SocketAddr> {
                __net_peer_addr(&self.inner, __net_proto_addr())
            }
            pub fn local_addr(&self) -> io::Result<SocketAddr> {
                __net_local_addr(&self.inner, __net_proto_addr())
            }
            pub fn try_clone(&self) -> io::Result<StdTcpStream> {
                Ok(StdTcpStream { inner: self.inner })
            }
            pub fn set_nodelay(&self, nodelay: bool) -> io::Result<()> {
                __net_set_nodelay(&self.inner, nodelay)
            }
            pub fn nodelay(&self) -> io::Result<bool> {
                __net_nodelay(&self.inner)
            }
            /// `write!(stream, ...)` / `writeln!`.
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __net_write_all(&self.inner, s, false)
            }
        }

        impl Debug for StdTcpStream {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                match (self.local_addr(), self.peer_addr()) {
                    (Ok(a), Ok(p)) => write!(f, "TcpStream {{ addr: {}, peer: {} }}", a, p),
                    _ => f.write_str("TcpStream { .. }"),
                }
            }
        }
    }

    pub mod io {
        pub use self::StdBufReader as BufReader;
        pub use self::StdBufWriter as BufWriter;
        pub use self::StdLines as Lines;

        /// `std::io::BufReader` over a socket (`read_line`, `lines`, and `Read`), over a
        /// `File` or a `&[u8]` (the same, through Rust's own `BufReader`: builtins/fs_file.rs) or over the
        /// standard input (`io::stdin()` or its lock: read through `builtins/io.rs` as
        /// `Stdin`'s own methods are).
        pub struct StdBufReader<R> {
            inner: std::net::NetHandle,
            reader: R,
            // 0: a socket; 1: stdin; 2: a file.
            src: u8,
        }

        impl<R> StdBufReader<R> {
            pub fn new(reader: R) -> StdBufReader<R> {
                let name = __type_name(&reader);
                if name == "Stdin" || name == "StdinLock" {
                    return StdBufReader { inner: __net_null(), reader: reader, src: 1 };
                }
                if let Some(h) = __fs_bufreader_of(&reader) {
                    return StdBufReader { inner: h, reader: reader, src: 2 };
                }
                StdBufReader { inner: __net_bufreader(&reader), reader: reader, src: 0 }
            }
            pub fn with_capacity(_capacity: usize, reader: R) -> StdBufReader<R> {
                StdBufReader::new(reader)
            }
            pub fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
                match self.src {
                    1 => __io_read_line(buf),
                    2 => __fs_read_line(&self.inner, buf),
                    _ => __net_read_line(&self.inner, buf, false),
                }
            }
            pub fn lines(self) -> StdLines<R> {
                StdLines { reader: self }
            }
            pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match self.src {
                    1 => __io_read(buf),
                    2 => __fs_read(&self.inner, buf),
                    _ => __net_read(&self.inner, buf, false),
                }
            }
            pub fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
                match self.src {
                    1 => __io_read_exact(buf),
                    2 => __fs_read_exact(&self.inner, buf),
                    _ => __net_read_exact(&self.inner, buf, false),
                }
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                match self.src {
                    1 => __io_read_to_end(buf),
                    2 => __fs_read_to_end(&self.inner, buf),
                    _ => __net_read_to_end(&self.inner, buf, false),
                }
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                match self.src {
                    1 => __io_read_to_string(buf),
                    2 => __fs_read_to_string(&self.inner, buf),
                    _ => __net_read_to_string(&self.inner, buf, false),
                }
            }
            /// `seek` of a `BufReader<File>` (its read-ahead is dropped, as Rust's is).
            pub fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
                __fs_seek_from(&self.inner, pos)
            }
            pub fn rewind(&mut self) -> io::Result<()> {
                __fs_seek_from(&self.inner, io::SeekFrom::Start(0)).map(|_| ())
            }
            pub fn buffer(&self) -> Vec<u8> {
                __net_buffer(&self.inner)
            }
            pub fn get_ref(&self) -> &R {
                &self.reader
            }
            pub fn get_mut(&mut self) -> &mut R {
                &mut self.reader
            }
            pub fn into_inner(self) -> R {
                self.reader
            }
        }

        /// `reader.lines()`: each line without its `\n` / `\r\n`.
        pub struct StdLines<R> {
            reader: StdBufReader<R>,
        }

        impl<R> Iterator for StdLines<R> {
            type Item = io::Result<String>;
            fn next(&mut self) -> Option<io::Result<String>> {
                let mut s = String::new();
                match self.reader.read_line(&mut s) {
                    Ok(0) => None,
                    Ok(_) => Some(Ok(__net_chomp(s))),
                    Err(e) => Some(Err(e)),
                }
            }
        }

        /// `std::io::BufWriter` over a socket, a `File` or a standard stream (`io::stdout()`,
        /// `io::stderr()` or their locks: the writer `print!`/`eprint!` use). Over a `File`
        /// it buffers as Rust's does (`buf`, `cap`: a write that does not fit flushes the
        /// buffer first, one at least as large as the capacity goes straight to the file;
        /// `flush`, `into_inner` and the writer's drop, `__bw_drop`, write the buffer out).
        /// Other writes go straight through, so the bytes and their order are those of Rust's
        /// at exit.
        pub struct StdBufWriter<W> {
            inner: std::net::NetHandle,
            writer: W,
            // 0: a socket; 1: stdout; 2: stderr (the stream numbers of `builtins/io.rs`);
            // 3: a file (written through `builtins/fs_file.rs`); 4: a `Vec<u8>`.
            stream: u8,
            buf: Vec<u8>,
            cap: usize,
        }

        impl<W> StdBufWriter<W> {
            pub fn new(writer: W) -> StdBufWriter<W> {
                StdBufWriter::with_capacity(8192, writer)
            }
            pub fn with_capacity(capacity: usize, writer: W) -> StdBufWriter<W> {
                let name = __type_name(&writer);
                let stream = if name == "Stdout" || name == "StdoutLock" {
                    1
                } else if name == "Stderr" || name == "StderrLock" {
                    2
                } else if name == "File" {
                    3
                } else if name == "Vec" {
                    4
                } else {
                    0
                };
                let inner = if stream == 0 { __net_bufreader(&writer) } else { __net_null() };
                StdBufWriter { inner: inner, writer: writer, stream: stream, buf: Vec::new(), cap: capacity }
            }
            /// Over a file: buffer `data` as Rust's `BufWriter::write_all` does.
            fn __buffer(&mut self, data: &[u8]) -> io::Result<()> {
                if self.buf.len() + data.len() > self.cap {
                    self.__flush_buf()?;
                }
                if data.len() >= self.cap {
                    return __fs_write_all(&self.writer, data);
                }
                self.buf.extend_from_slice(data);
                Ok(())
            }
            fn __flush_buf(&mut self) -> io::Result<()> {
                if self.buf.is_empty() {
                    return Ok(());
                }
                let out = self.buf.clone();
                self.buf.clear();
                __fs_write_all(&self.writer, out)
            }
            /// The writer's drop (registered by the compiler in programs naming `BufWriter`):
            /// the buffer goes to the file, errors ignored.
            pub fn __bw_drop(&mut self) {
                let _ = self.__flush_buf();
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                match self.stream {
                    0 => __net_write(&self.inner, buf, false),
                    3 => {
                        let n = buf.len();
                        self.__buffer(buf)?;
                        Ok(n)
                    }
                    4 => self.writer.write(buf),
                    n => __io_write(n, buf),
                }
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                match self.stream {
                    0 => __net_write_all(&self.inner, buf, false),
                    3 => self.__buffer(buf),
                    4 => self.writer.write_all(buf),
                    n => __io_write_all(n, buf),
                }
            }
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                match self.stream {
                    0 => __net_write_all(&self.inner, s, false),
                    3 => self.__buffer(s.as_bytes()),
                    4 => self.writer.write_str(s),
                    n => __io_write_all(n, s),
                }
            }
            pub fn flush(&mut self) -> io::Result<()> {
                match self.stream {
                    0 => __net_flush(false),
                    3 => {
                        self.__flush_buf()?;
                        __fs_flush(&self.writer)
                    }
                    4 => Ok(()),
                    n => __io_flush(n),
                }
            }
            pub fn buffer(&self) -> &[u8] {
                &self.buf
            }
            pub fn capacity(&self) -> usize {
                self.cap
            }
            pub fn get_mut(&mut self) -> &mut W {
                &mut self.writer
            }
            pub fn get_ref(&self) -> &W {
                &self.writer
            }
            pub fn into_inner(mut self) -> Result<W, io::Error> {
                self.__flush_buf()?;
                Ok(self.writer)
            }
        }
    }
}

pub mod tokio {
    pub mod net {
        pub use self::TokioTcpListener as TcpListener;
        pub use self::TokioTcpStream as TcpStream;
        pub use std::net::SocketAddr;

        /// `tokio::net::TcpListener`: `bind` and `accept` are futures.
        pub struct TokioTcpListener {
            inner: std::net::NetHandle,
        }

        impl TokioTcpListener {
            pub fn bind<A>(addr: A) -> impl Future<Output = io::Result<TokioTcpListener>> {
                __net_bind(addr, true, TokioTcpListener { inner: __net_null() })
            }
            pub fn accept(&self) -> impl Future<Output = io::Result<(TokioTcpStream, std::net::SocketAddr)>> {
                __net_accept(&self.inner, true, __net_addr_protos(TokioTcpStream { inner: __net_null() }))
            }
            pub fn local_addr(&self) -> io::Result<std::net::SocketAddr> {
                __net_local_addr(&self.inner, __net_proto_addr())
            }
        }

        /// `tokio::net::TcpStream`: `AsyncReadExt`/`AsyncWriteExt` methods return futures.
        pub struct TokioTcpStream {
            inner: std::net::NetHandle,
        }

        impl TokioTcpStream {
            pub fn connect<A>(addr: A) -> impl Future<Output = io::Result<TokioTcpStream>> {
                __net_connect(addr, true, TokioTcpStream { inner: __net_null() })
            }
            pub fn read(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<usize>> {
                __net_read(&self.inner, buf, true)
            }
            pub fn peek(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<usize>> {
                __net_peek(&self.inner, buf, true)
            }
            pub fn read_exact(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<()>> {
                __net_read_exact(&self.inner, buf, true)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> impl Future<Output = io::Result<usize>> {
                __net_read_to_end(&self.inner, buf, true)
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> impl Future<Output = io::Result<usize>> {
                __net_read_to_string(&self.inner, buf, true)
            }
            pub fn write(&mut self, buf: &[u8]) -> impl Future<Output = io::Result<usize>> {
                __net_write(&self.inner, buf, true)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> impl Future<Output = io::Result<()>> {
                __net_write_all(&self.inner, buf, true)
            }
            pub fn flush(&mut self) -> impl Future<Output = io::Result<()>> {
                __net_flush(true)
            }
            pub fn shutdown(&mut self) -> impl Future<Output = io::Result<()>> {
                __net_shutdown(&self.inner, 1, true)
            }
            pub fn peer_addr(&self) -> io::Result<std::net::SocketAddr> {
                __net_peer_addr(&self.inner, __net_proto_addr())
            }
            pub fn local_addr(&self) -> io::Result<std::net::SocketAddr> {
                __net_local_addr(&self.inner, __net_proto_addr())
            }
            pub fn set_nodelay(&self, nodelay: bool) -> io::Result<()> {
                __net_set_nodelay(&self.inner, nodelay)
            }
            pub fn nodelay(&self) -> io::Result<bool> {
                __net_nodelay(&self.inner)
            }
            /// Owned halves: the write half shuts the write direction down when dropped.
            pub fn into_split(self) -> (tcp::OwnedReadHalf, tcp::OwnedWriteHalf) {
                (tcp::OwnedReadHalf { inner: self.inner }, tcp::OwnedWriteHalf { inner: __net_write_half(&self.inner) })
            }
            /// Borrowed halves (the same socket; nothing happens when they are dropped).
            pub fn split(&mut self) -> (TokioTcpStream, TokioTcpStream) {
                (TokioTcpStream { inner: self.inner }, TokioTcpStream { inner: self.inner })
            }
        }

        pub mod tcp {
            /// `tokio::net::tcp::OwnedReadHalf`.
            pub struct OwnedReadHalf {
                inner: std::net::NetHandle,
            }

            impl OwnedReadHalf {
                pub fn read(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<usize>> {
                    __net_read(&self.inner, buf, true)
                }
                pub fn read_exact(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<()>> {
                    __net_read_exact(&self.inner, buf, true)
                }
                pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> impl Future<Output = io::Result<usize>> {
                    __net_read_to_end(&self.inner, buf, true)
                }
                pub fn read_to_string(&mut self, buf: &mut String) -> impl Future<Output = io::Result<usize>> {
                    __net_read_to_string(&self.inner, buf, true)
                }
                pub fn peer_addr(&self) -> io::Result<std::net::SocketAddr> {
                    __net_peer_addr(&self.inner, __net_proto_addr())
                }
            }

            /// `tokio::net::tcp::OwnedWriteHalf`: dropping it shuts the write direction down.
            pub struct OwnedWriteHalf {
                inner: std::net::NetHandle,
            }

            impl OwnedWriteHalf {
                pub fn write(&mut self, buf: &[u8]) -> impl Future<Output = io::Result<usize>> {
                    __net_write(&self.inner, buf, true)
                }
                pub fn write_all(&mut self, buf: &[u8]) -> impl Future<Output = io::Result<()>> {
                    __net_write_all(&self.inner, buf, true)
                }
                pub fn flush(&mut self) -> impl Future<Output = io::Result<()>> {
                    __net_flush(true)
                }
                pub fn shutdown(&mut self) -> impl Future<Output = io::Result<()>> {
                    __net_shutdown(&self.inner, 1, true)
                }
                pub fn peer_addr(&self) -> io::Result<std::net::SocketAddr> {
                    __net_peer_addr(&self.inner, __net_proto_addr())
                }
            }
        }
    }

    pub mod io {
        pub use self::TokioBufReader as BufReader;
        pub use self::TokioLines as Lines;

        /// Marker traits: the methods are the socket types' own, so `use`-ing these changes
        /// nothing (they exist so that tokio programs' imports resolve).
        pub trait AsyncReadExt {}
        pub trait AsyncWriteExt {}
        pub trait AsyncBufReadExt {}
        pub trait AsyncRead {}
        pub trait AsyncWrite {}

        /// `tokio::io::BufReader` over a socket (or a read half).
        pub struct TokioBufReader<R> {
            inner: std::net::NetHandle,
            reader: R,
        }

        impl<R> TokioBufReader<R> {
            pub fn new(reader: R) -> TokioBufReader<R> {
                TokioBufReader { inner: __net_bufreader(&reader), reader: reader }
            }
            pub fn read_line(&mut self, buf: &mut String) -> impl Future<Output = io::Result<usize>> {
                __net_read_line(&self.inner, buf, true)
            }
            pub fn lines(self) -> TokioLines<R> {
                TokioLines { reader: self }
            }
            pub fn read(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<usize>> {
                __net_read(&self.inner, buf, true)
            }
            pub fn read_exact(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<()>> {
                __net_read_exact(&self.inner, buf, true)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> impl Future<Output = io::Result<usize>> {
                __net_read_to_end(&self.inner, buf, true)
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> impl Future<Output = io::Result<usize>> {
                __net_read_to_string(&self.inner, buf, true)
            }
            /// Writes go to the wrapped stream (tokio's `BufReader<TcpStream>` is
            /// `AsyncWrite` too).
            pub fn write_all(&mut self, buf: &[u8]) -> impl Future<Output = io::Result<()>> {
                __net_write_all(&self.inner, buf, true)
            }
            pub fn flush(&mut self) -> impl Future<Output = io::Result<()>> {
                __net_flush(true)
            }
            pub fn get_ref(&self) -> &R {
                &self.reader
            }
            pub fn get_mut(&mut self) -> &mut R {
                &mut self.reader
            }
            pub fn into_inner(self) -> R {
                self.reader
            }
        }

        /// `reader.lines()`: `next_line().await` gives `Ok(Some(line))`, then `Ok(None)`.
        pub struct TokioLines<R> {
            reader: TokioBufReader<R>,
        }

        impl<R> TokioLines<R> {
            pub fn next_line(&mut self) -> impl Future<Output = io::Result<Option<String>>> {
                __net_next_line(&self.reader.inner, true)
            }
        }
    }
}
