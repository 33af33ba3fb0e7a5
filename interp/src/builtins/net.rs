//! TCP bound to TERAS values: the natives behind the prelude's `std::net` (blocking, as std)
//! and `tokio::net` / `tokio::io` (futures, as tokio), both on the cores of
//! `teras_stdlib::net` (a mio reactor and non-blocking sockets).
//!
//! A socket is a `Value::Native(NetObj)` held in field `inner` of a prelude struct
//! (`std::net::TcpStream` is the struct `StdTcpStream`, `tokio::net::TcpStream` is
//! `TokioTcpStream`: see `prelude/net.rs`). Clones of the handle share the socket, which is
//! closed when the last one dies.
//!
//! Every I/O operation is an `Op` stepped in the blocking protocol (`teras_stdlib::sched`):
//! the step tries the system call and, when the socket is not ready, leaves the caller's
//! waker with the reactor and answers `Pending`. A blocking native keeps its `Op` in
//! `cx.state` and returns `NativeError::Block`; the same `Op` in a `NativeFuture` is the
//! tokio-style future that `.await` polls. An op never changes its arguments before it
//! finishes (a `read_to_end` keeps the bytes in the op and appends them at the end).
//!
//! Results that are prelude structs (a `TcpStream` from `accept`, a `SocketAddr`) are built
//! from *prototypes*: a value of the struct passed by the prelude, whose definition the
//! native reuses (natives do not see the program's types otherwise).
//!
//! Blocked I/O carries a deadline (`IO_RECHECK`): nothing in the runtime knows that the
//! reactor thread can wake a fiber, so a lone thread waiting for a connection must not be
//! reported as a deadlock. The deadline only makes the op poll once more.
//!
//! Natives (`h` is a socket handle, `protos` a prototype tuple, `a` an address: a string, a
//! `(host, port)` tuple or a `SocketAddr` struct):
//! - `__net_bind(a, async, proto_listener) -> Result<Listener>`;
//!   `__net_connect(a, async, proto_stream)`;
//!   `__net_accept(h, async, (proto_stream, proto_addr)) -> Result<(TcpStream, SocketAddr)>`;
//! - `__net_read(h, buf, async)`, `__net_read_exact(h, buf, async)`,
//!   `__net_read_to_end(h, vec, async)`, `__net_read_to_string(h, s, async)`,
//!   `__net_read_line(h, s, async)`, `__net_next_line(h, async)`, `__net_write(h, bytes, async)`,
//!   `__net_write_all(h, bytes, async)`, `__net_peek(h, buf, async)`,
//!   `__net_ready(async) -> Result<()>` (`flush`: TCP has no user-space buffer);
//! - plain: `__net_local_addr(h, proto_addr)`, `__net_peer_addr(h, proto_addr)`,
//!   `__net_shutdown(h, how)` (0 read, 1 write, 2 both), `__net_bufreader(h)`,
//!   `__net_buffer(h) -> Vec<u8>`, `__net_write_half(h)`, `__net_set_nodelay(h, on)`,
//!   `__net_nodelay(h)`, `__net_null()`; addresses: `__net_addr_text(hi, lo, port, v6)`,
//!   `__net_ip_text(hi, lo, v6)`, `__net_ip_query(hi, lo, v6, q)`, `__net_parse_addr(s, proto)`.
//!   With `async` true the I/O natives return the future instead of blocking.

use super::future::{native_future, PollNative};
use super::object::StdObj;
use super::util::{self, arg, raw_arg, type_error, R};
use super::{NativeCx, NativeError, NativeResult, StdDefs};
use crate::heap::Heap;
use crate::value::{AdtObj, IntTy, Value};
use parking_lot::Mutex;
use std::io;
use std::net::Shutdown;
use std::sync::Arc;
use std::task::{Poll, Waker};
use std::time::Duration;
use teras_stdlib::net::{Connect, TcpListenerCore, TcpStreamCore};
use teras_stdlib::sched::Blocked;

#[path = "net_addr.rs"]
mod addr;
use addr::{addr_of, addr_value};
#[cfg(test)]
use addr::{ip_from, ip_parts, sock_addr};

/// How long a blocked I/O operation waits at most before it polls again (see the module doc).
pub const IO_RECHECK: Duration = Duration::from_secs(30);

/// How much a `BufReader` reads at once (std's default capacity).
const BUF_CAP: usize = 8 * 1024;

/// What a socket handle holds.
#[derive(Debug)]
pub enum NetObj {
    Listener(Arc<TcpListenerCore>),
    Stream(Arc<TcpStreamCore>),
    /// A `BufReader` over a stream: the stream and the bytes read ahead.
    Buffered(Arc<Buffered>),
    /// tokio's `OwnedWriteHalf`: shuts the write direction down when dropped.
    WriteHalf(WriteHalf),
}

#[derive(Debug)]
pub struct Buffered {
    pub stream: Arc<TcpStreamCore>,
    /// Bytes read from the socket and not consumed yet.
    pub buf: Mutex<Vec<u8>>,
}

#[derive(Debug)]
pub struct WriteHalf(pub Arc<TcpStreamCore>);

impl Drop for WriteHalf {
    fn drop(&mut self) {
        let _ = self.0.shutdown(Shutdown::Write);
    }
}

fn handle(o: NetObj) -> Value {
    Value::Native(Arc::new(Box::new(o)))
}

/// The `NetObj` in `v` (the handle, or a prelude struct whose first field is one, through
/// references and nested wrappers such as `BufReader<TcpStream>`'s).
fn net_obj(v: &Value) -> R<Value> {
    let mut cur = util::deref(v)?;
    for _ in 0..8 {
        match &cur {
            Value::Native(b) if b.downcast_ref::<NetObj>().is_some() => return Ok(cur),
            Value::Adt(h) => {
                let f = h.read().map_err(util::conflict)?.fields.first().cloned();
                match f {
                    Some(f) => cur = util::deref(&f)?,
                    None => break,
                }
            }
            _ => break,
        }
    }
    Err(type_error("socket", v))
}

fn with_obj<T>(v: &Value, f: impl FnOnce(&NetObj) -> R<T>) -> R<T> {
    let h = net_obj(v)?;
    match &h {
        Value::Native(b) => match b.downcast_ref::<NetObj>() {
            Some(o) => f(o),
            None => Err(type_error("socket", v)),
        },
        _ => Err(type_error("socket", v)),
    }
}

/// Where reads come from: the socket itself or a `BufReader`'s buffer first.
#[derive(Debug, Clone)]
enum Src {
    Raw(Arc<TcpStreamCore>),
    Buf(Arc<Buffered>),
}

impl Src {
    fn of(v: &Value) -> R<Src> {
        with_obj(v, |o| match o {
            NetObj::Stream(s) => Ok(Src::Raw(s.clone())),
            NetObj::Buffered(b) => Ok(Src::Buf(b.clone())),
            NetObj::WriteHalf(_) => Err(util::panic("cannot read from the write half of a TcpStream")),
            NetObj::Listener(_) => Err(util::panic("cannot read from a TcpListener")),
        })
    }

    fn poll_read(&self, out: &mut [u8], w: &Waker) -> Poll<io::Result<usize>> {
        match self {
            Src::Raw(s) => s.poll_read(out, w),
            Src::Buf(b) => {
                let mut buf = b.buf.lock();
                if buf.is_empty() {
                    if out.len() >= BUF_CAP {
                        return b.stream.poll_read(out, w);
                    }
                    let mut tmp = vec![0u8; BUF_CAP];
                    match b.stream.poll_read(&mut tmp, w) {
                        Poll::Ready(Ok(n)) => buf.extend_from_slice(&tmp[..n]),
                        other => return other,
                    }
                }
                let n = buf.len().min(out.len());
                out[..n].copy_from_slice(&buf[..n]);
                buf.drain(..n);
                Poll::Ready(Ok(n))
            }
        }
    }

    /// Read until `delim` (included) or the end: the bytes, consumed.
    fn poll_read_until(&self, delim: u8, acc: &mut Vec<u8>, w: &Waker) -> Poll<io::Result<()>> {
        let Src::Buf(b) = self else {
            // Unbuffered: a byte at a time (std's `BufRead` needs a buffer; tokio's too).
            let mut one = [0u8; 1];
            loop {
                match self.poll_read(&mut one, w) {
                    Poll::Ready(Ok(0)) => return Poll::Ready(Ok(())),
                    Poll::Ready(Ok(_)) => {
                        acc.push(one[0]);
                        if one[0] == delim {
                            return Poll::Ready(Ok(()));
                        }
                    }
                    Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                    Poll::Pending => return Poll::Pending,
                }
            }
        };
        loop {
            {
                let mut buf = b.buf.lock();
                if let Some(i) = buf.iter().position(|&c| c == delim) {
                    acc.extend(buf.drain(..=i));
                    return Poll::Ready(Ok(()));
                }
                acc.append(&mut buf);
            }
            let mut tmp = vec![0u8; BUF_CAP];
            match b.stream.poll_read(&mut tmp, w) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Ok(())),
                Poll::Ready(Ok(n)) => b.buf.lock().extend_from_slice(&tmp[..n]),
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

fn stream_of(v: &Value) -> R<Arc<TcpStreamCore>> {
    with_obj(v, |o| match o {
        NetObj::Stream(s) => Ok(s.clone()),
        NetObj::Buffered(b) => Ok(b.stream.clone()),
        NetObj::WriteHalf(h) => Ok(h.0.clone()),
        NetObj::Listener(_) => Err(util::panic("a TcpListener is not a connected stream")),
    })
}

fn listener_of(v: &Value) -> R<Arc<TcpListenerCore>> {
    with_obj(v, |o| match o {
        NetObj::Listener(l) => Ok(l.clone()),
        _ => Err(type_error("TcpListener", v)),
    })
}

/// A new object of `proto`'s struct with `fields`.
fn like(proto: &Value, fields: Vec<Value>) -> R<Value> {
    match util::deref(proto)? {
        Value::Adt(h) => {
            let def = h.read().map_err(util::conflict)?.def;
            Ok(Value::Adt(Heap::new(AdtObj { def, variant: 0, fields: fields.into() })))
        }
        other => Err(type_error("prototype struct", &other)),
    }
}

fn io_err(e: io::Error) -> Value {
    StdObj::Io(e).into_value()
}

/// The bytes of a `&[u8]`/`Vec<u8>`/array/`&str`/`String` argument.
fn bytes_of(v: &Value) -> R<Vec<u8>> {
    let v = util::deref(v)?;
    match &v {
        Value::Str(_) => Ok(util::str_of(&v)?.into_bytes()),
        _ => super::vec::items_of(&v)?.iter().map(|b| util::int_of(b).map(|(n, _)| n as u8)).collect(),
    }
}

/// Copy `data` into the front of the `&mut [u8]` buffer `buf`.
fn fill(buf: &Value, data: &[u8]) -> R<()> {
    let (h, a, b) = super::vec::view(buf)?;
    let mut o = h.write().map_err(util::conflict)?;
    let dst = o.items.get_mut(a..b).ok_or_else(|| util::panic("buffer out of range"))?;
    for (d, s) in dst.iter_mut().zip(data) {
        *d = Value::Int(*s as i64, IntTy::U8);
    }
    Ok(())
}

fn buf_len(buf: &Value) -> R<usize> {
    let (_, a, b) = super::vec::view(buf)?;
    Ok(b - a)
}

/// Append `data` to a `Vec<u8>`.
fn append_vec(v: &Value, data: &[u8]) -> R<()> {
    let (h, _, _) = super::vec::view(v)?;
    let mut o = h.write().map_err(util::conflict)?;
    o.items.extend(data.iter().map(|b| Value::Int(*b as i64, IntTy::U8)));
    Ok(())
}

fn append_str(v: &Value, s: &str) -> R<()> {
    let h = util::str_handle(v)?;
    h.write().map_err(util::conflict)?.push_str(s);
    Ok(())
}

fn invalid_utf8() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8")
}

/// One I/O operation in progress.
#[derive(Debug)]
enum Op {
    /// Failed before it started (an address that does not resolve).
    Failed(Option<io::Error>),
    Accept { l: Arc<TcpListenerCore>, protos: Value },
    Connect { c: Connect, proto: Value },
    Read { src: Src, buf: Value, peek: bool },
    ReadExact { src: Src, buf: Value, acc: Vec<u8> },
    ReadToEnd { src: Src, out: Value, acc: Vec<u8>, string: bool },
    ReadLine { src: Src, out: Value, acc: Vec<u8> },
    /// tokio's `Lines::next_line`: `Some(line)` without its end, `None` at the end.
    NextLine { src: Src, acc: Vec<u8> },
    Write { s: Arc<TcpStreamCore>, data: Vec<u8>, off: usize, all: bool },
}

impl Op {
    fn name(&self) -> &'static str {
        match self {
            Op::Failed(_) => "TcpStream::connect",
            Op::Accept { .. } => "TcpListener::accept",
            Op::Connect { .. } => "TcpStream::connect",
            Op::Read { .. } => "TcpStream::read",
            Op::ReadExact { .. } => "TcpStream::read_exact",
            Op::ReadToEnd { .. } => "TcpStream::read_to_end",
            Op::ReadLine { .. } => "BufReader::read_line",
            Op::NextLine { .. } => "Lines::next_line",
            Op::Write { .. } => "TcpStream::write",
        }
    }

    /// Make progress: `Ready` with the `io::Result` value to hand back (as a TERAS value).
    fn step(&mut self, std: &StdDefs, w: &Waker) -> Poll<R<Result<Value, io::Error>>> {
        macro_rules! ready {
            ($e:expr) => {
                match $e {
                    Poll::Ready(Ok(v)) => v,
                    Poll::Ready(Err(e)) => return Poll::Ready(Ok(Err(e))),
                    Poll::Pending => return Poll::Pending,
                }
            };
        }
        let done = |r: R<Value>| Poll::Ready(r.map(Ok));
        match self {
            Op::Failed(e) => Poll::Ready(Ok(Err(e.take().unwrap_or_else(|| io::Error::other("operation already failed"))))),
            Op::Accept { l, protos } => {
                let (s, a) = ready!(l.poll_accept(w));
                let built = util::unpair(protos).and_then(|(ps, pa)| {
                    let stream = like(&ps, vec![handle(NetObj::Stream(Arc::new(s)))])?;
                    Ok(util::pair(stream, addr_value(&pa, a)?))
                });
                done(built)
            }
            Op::Connect { c, proto } => {
                let s = ready!(c.poll(w));
                done(like(proto, vec![handle(NetObj::Stream(Arc::new(s)))]))
            }
            Op::Read { src, buf, peek } => {
                let mut tmp = match buf_len(buf) {
                    Ok(n) => vec![0u8; n],
                    Err(e) => return Poll::Ready(Err(e)),
                };
                let n = if *peek {
                    match src {
                        Src::Raw(s) => ready!(s.poll_peek(&mut tmp, w)),
                        Src::Buf(b) => ready!(b.stream.poll_peek(&mut tmp, w)),
                    }
                } else {
                    ready!(src.poll_read(&mut tmp, w))
                };
                done(fill(buf, &tmp[..n]).map(|_| Value::usize(n)))
            }
            Op::ReadExact { src, buf, acc } => {
                let want = match buf_len(buf) {
                    Ok(n) => n,
                    Err(e) => return Poll::Ready(Err(e)),
                };
                while acc.len() < want {
                    let mut tmp = vec![0u8; want - acc.len()];
                    let n = ready!(src.poll_read(&mut tmp, w));
                    if n == 0 {
                        return Poll::Ready(Ok(Err(io::Error::new(io::ErrorKind::UnexpectedEof, "failed to fill whole buffer"))));
                    }
                    acc.extend_from_slice(&tmp[..n]);
                }
                done(fill(buf, acc).map(|_| Value::Unit))
            }
            Op::ReadToEnd { src, out, acc, string } => {
                let mut tmp = vec![0u8; BUF_CAP];
                loop {
                    let n = ready!(src.poll_read(&mut tmp, w));
                    if n == 0 {
                        break;
                    }
                    acc.extend_from_slice(&tmp[..n]);
                }
                let n = acc.len();
                if *string {
                    match std::str::from_utf8(acc) {
                        Ok(s) => done(append_str(out, s).map(|_| Value::usize(n))),
                        Err(_) => Poll::Ready(Ok(Err(invalid_utf8()))),
                    }
                } else {
                    done(append_vec(out, acc).map(|_| Value::usize(n)))
                }
            }
            Op::ReadLine { src, out, acc } => {
                ready!(src.poll_read_until(b'\n', acc, w));
                let n = acc.len();
                match std::str::from_utf8(acc) {
                    Ok(s) => done(append_str(out, s).map(|_| Value::usize(n))),
                    Err(_) => Poll::Ready(Ok(Err(invalid_utf8()))),
                }
            }
            Op::NextLine { src, acc } => {
                ready!(src.poll_read_until(b'\n', acc, w));
                if acc.is_empty() {
                    return done(Ok(util::adt(&std.option, util::NONE, vec![])));
                }
                if acc.last() == Some(&b'\n') {
                    acc.pop();
                    if acc.last() == Some(&b'\r') {
                        acc.pop();
                    }
                }
                match String::from_utf8(std::mem::take(acc)) {
                    Ok(s) => done(Ok(util::adt(&std.option, util::SOME, vec![Value::str(s)]))),
                    Err(_) => Poll::Ready(Ok(Err(invalid_utf8()))),
                }
            }
            Op::Write { s, data, off, all } => loop {
                let rest = data.get(*off..).unwrap_or_default();
                if rest.is_empty() {
                    return done(Ok(if *all { Value::Unit } else { Value::usize(*off) }));
                }
                let n = ready!(s.poll_write(rest, w));
                if n == 0 {
                    return Poll::Ready(Ok(Err(io::Error::new(io::ErrorKind::WriteZero, "failed to write whole buffer"))));
                }
                *off += n;
                if !*all {
                    return done(Ok(Value::usize(n)));
                }
            },
        }
    }
}

/// `Ok(v)`/`Err(io::Error)` as a TERAS `io::Result`.
fn result(cx: &NativeCx<'_>, r: Result<Value, io::Error>) -> Value {
    match r {
        Ok(v) => util::ok(cx, v),
        Err(e) => util::err(cx, io_err(e)),
    }
}

fn blocked(cx: &NativeCx<'_>, what: &'static str) -> NativeError {
    NativeError::Block(Blocked::until(what, cx.host.now().saturating_add(IO_RECHECK)))
}

/// Run `op` on the blocking protocol (kept in `cx.state` between attempts), or hand it back
/// as a future when `is_async`.
fn run(cx: &mut NativeCx<'_>, is_async: bool, make: impl FnOnce() -> R<Op>) -> NativeResult {
    if is_async {
        return Ok(native_future(IoFuture { op: Mutex::new(make()?) }));
    }
    let mut op = match cx.state.take().map(|b| b.downcast::<Op>()) {
        Some(Ok(op)) => *op,
        _ => make()?,
    };
    match op.step(cx.std, cx.waker) {
        Poll::Ready(r) => Ok(result(cx, r?)),
        Poll::Pending => {
            let what = op.name();
            *cx.state = Some(Box::new(op));
            Err(blocked(cx, what))
        }
    }
}

/// A tokio-style I/O future: the op, polled by the awaiting task.
#[derive(Debug)]
struct IoFuture {
    op: Mutex<Op>,
}

impl PollNative for IoFuture {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        let mut op = self.op.lock();
        match op.step(cx.std, cx.waker) {
            Poll::Ready(r) => Ok(result(cx, r?)),
            Poll::Pending => {
                let what = op.name();
                drop(op);
                Err(blocked(cx, what))
            }
        }
    }

    fn name(&self) -> &'static str {
        self.op.lock().name()
    }
}

/// A future that is ready at once with `Ok(v)` (tokio's `bind`, `flush`, `shutdown`).
#[derive(Debug)]
struct ReadyFuture {
    value: Mutex<Option<Result<Value, io::Error>>>,
    name: &'static str,
}

impl PollNative for ReadyFuture {
    fn poll(&self, cx: &mut NativeCx<'_>) -> NativeResult {
        match self.value.lock().take() {
            Some(r) => Ok(result(cx, r)),
            None => Err(util::panic("`async fn` resumed after completion")),
        }
    }
    fn name(&self) -> &'static str {
        self.name
    }
}

fn ready(cx: &NativeCx<'_>, is_async: bool, r: Result<Value, io::Error>, name: &'static str) -> Value {
    if is_async {
        native_future(ReadyFuture { value: Mutex::new(Some(r)), name })
    } else {
        result(cx, r)
    }
}

fn flag(args: &[Value], i: usize) -> R<bool> {
    util::bool_of(&arg(args, i)?)
}

fn bind(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let addrs = addr_of(&raw_arg(args, 0)?)?;
    let is_async = flag(args, 1)?;
    let proto = raw_arg(args, 2)?;
    let r = match addrs.and_then(|a| TcpListenerCore::bind(a.as_slice())) {
        Ok(l) => Ok(like(&proto, vec![handle(NetObj::Listener(Arc::new(l)))])?),
        Err(e) => Err(e),
    };
    Ok(ready(cx, is_async, r, "TcpListener::bind"))
}

fn connect(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let is_async = flag(args, 1)?;
    run(cx, is_async, || {
        let proto = raw_arg(args, 2)?;
        Ok(match addr_of(&raw_arg(args, 0)?)?.and_then(|a| Connect::new(a.as_slice())) {
            Ok(c) => Op::Connect { c, proto },
            Err(e) => Op::Failed(Some(e)),
        })
    })
}

fn accept(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let is_async = flag(args, 1)?;
    run(cx, is_async, || Ok(Op::Accept { l: listener_of(&raw_arg(args, 0)?)?, protos: raw_arg(args, 2)? }))
}

/// `read` (aux 0), `peek` (aux 1), `read_exact` (aux 2).
fn read(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let is_async = flag(args, 2)?;
    run(cx, is_async, || {
        let src = Src::of(&raw_arg(args, 0)?)?;
        let buf = raw_arg(args, 1)?;
        Ok(match aux {
            2 => Op::ReadExact { src, buf, acc: Vec::new() },
            _ => Op::Read { src, buf, peek: aux == 1 },
        })
    })
}

/// `next_line()` of tokio's `Lines` (always a future).
fn next_line(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let is_async = flag(args, 1)?;
    run(cx, is_async, || Ok(Op::NextLine { src: Src::of(&raw_arg(args, 0)?)?, acc: Vec::new() }))
}

/// `read_to_end` (aux 0), `read_to_string` (aux 1), `read_line` (aux 2).
fn read_all(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let is_async = flag(args, 2)?;
    run(cx, is_async, || {
        let src = Src::of(&raw_arg(args, 0)?)?;
        let out = raw_arg(args, 1)?;
        Ok(match aux {
            2 => Op::ReadLine { src, out, acc: Vec::new() },
            _ => Op::ReadToEnd { src, out, acc: Vec::new(), string: aux == 1 },
        })
    })
}

/// `write` (aux 0), `write_all` (aux 1).
fn write(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let is_async = flag(args, 2)?;
    run(cx, is_async, || Ok(Op::Write { s: stream_of(&raw_arg(args, 0)?)?, data: bytes_of(&raw_arg(args, 1)?)?, off: 0, all: aux == 1 }))
}

/// `flush()`: TCP keeps no bytes in user space; `Ok(())` (a ready future when async).
fn flush(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(ready(cx, flag(args, 0)?, Ok(Value::Unit), "flush"))
}

fn local_addr(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let h = raw_arg(args, 0)?;
    let proto = raw_arg(args, 1)?;
    let a = with_obj(&h, |o| {
        Ok(match o {
            NetObj::Listener(l) => l.local_addr(),
            NetObj::Stream(s) => s.local_addr(),
            NetObj::Buffered(b) => b.stream.local_addr(),
            NetObj::WriteHalf(w) => w.0.local_addr(),
        })
    })?;
    Ok(result(cx, match a {
        Ok(a) => Ok(addr_value(&proto, a)?),
        Err(e) => Err(e),
    }))
}

fn peer_addr(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = stream_of(&raw_arg(args, 0)?)?;
    let proto = raw_arg(args, 1)?;
    Ok(result(cx, match s.peer_addr() {
        Ok(a) => Ok(addr_value(&proto, a)?),
        Err(e) => Err(e),
    }))
}

/// `shutdown(how)`: 0 `Shutdown::Read`, 1 `Write`, 2 `Both`; arg 2: async (a ready future).
fn shutdown(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = stream_of(&raw_arg(args, 0)?)?;
    let how = match util::int_of(&arg(args, 1)?)?.0 {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        _ => Shutdown::Both,
    };
    let r = s.shutdown(how).map(|_| Value::Unit);
    Ok(ready(cx, flag(args, 2)?, r, "shutdown"))
}

fn bufreader(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = stream_of(&raw_arg(args, 0)?)?;
    Ok(handle(NetObj::Buffered(Arc::new(Buffered { stream: s, buf: Mutex::new(Vec::new()) }))))
}

/// `buffer()` of a BufReader: the bytes read ahead.
fn buffer(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = with_obj(&raw_arg(args, 0)?, |o| match o {
        NetObj::Buffered(b) => Ok(b.buf.lock().clone()),
        _ => Ok(Vec::new()),
    })?;
    Ok(util::new_vec(v.into_iter().map(|b| Value::Int(b as i64, IntTy::U8)).collect()))
}

/// tokio's `into_split` write half: the same socket, shut down for writing when dropped.
fn write_half(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(handle(NetObj::WriteHalf(WriteHalf(stream_of(&raw_arg(args, 0)?)?))))
}

fn set_nodelay(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = stream_of(&raw_arg(args, 0)?)?;
    let on = util::bool_of(&arg(args, 1)?)?;
    Ok(result(cx, s.set_nodelay(on).map(|_| Value::Unit)))
}

fn nodelay(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let s = stream_of(&raw_arg(args, 0)?)?;
    Ok(result(cx, s.nodelay().map(Value::Bool)))
}

/// A placeholder for the handle field of a prototype.
fn null(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    Ok(Value::Unit)
}

/// `io::ErrorKind::AddrInUse` and the other network kinds (the file kinds are in `fs`).
pub fn constant(path: &str) -> Option<Value> {
    use std::io::ErrorKind::*;
    let (ty, name) = path.rsplit_once("::")?;
    if ty != "ErrorKind" {
        return None;
    }
    let k = match name {
        "ConnectionRefused" => ConnectionRefused,
        "ConnectionReset" => ConnectionReset,
        "ConnectionAborted" => ConnectionAborted,
        "NotConnected" => NotConnected,
        "AddrInUse" => AddrInUse,
        "AddrNotAvailable" => AddrNotAvailable,
        "BrokenPipe" => BrokenPipe,
        "WriteZero" => WriteZero,
        "Unsupported" => Unsupported,
        "OutOfMemory" => OutOfMemory,
        _ => return None,
    };
    Some(super::object::ExtObj::IoErrorKind(k).into_value())
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__net_bind", bind);
    r.func("__net_connect", connect);
    r.func("__net_accept", accept);
    r.func_aux("__net_read", read, 0);
    r.func_aux("__net_peek", read, 1);
    r.func_aux("__net_read_exact", read, 2);
    r.func_aux("__net_read_to_end", read_all, 0);
    r.func_aux("__net_read_to_string", read_all, 1);
    r.func_aux("__net_read_line", read_all, 2);
    r.func_aux("__net_write", write, 0);
    r.func_aux("__net_write_all", write, 1);
    r.func("__net_next_line", next_line);
    r.func("__net_flush", flush);
    r.func("__net_local_addr", local_addr);
    r.func("__net_peer_addr", peer_addr);
    r.func("__net_shutdown", shutdown);
    r.func("__net_bufreader", bufreader);
    r.func("__net_buffer", buffer);
    r.func("__net_write_half", write_half);
    r.func("__net_set_nodelay", set_nodelay);
    r.func("__net_nodelay", nodelay);
    r.func("__net_null", null);
    addr::register(r);
}

#[cfg(test)]
#[path = "net_tests.rs"]
mod tests;
