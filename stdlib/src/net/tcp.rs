//! TCP sockets on the reactor: `TcpListenerCore`, `TcpStreamCore` and the `Connect` state
//! machine, all non-blocking (mio) with `poll_*` operations in the blocking protocol.
//!
//! A `poll_*` operation tries the system call; when the socket is not ready (`WouldBlock`)
//! it registers the waker with the socket's `IoSlot` queue, tries once more (an edge that
//! came before the registration is seen here), and answers `Poll::Pending`. The waker fires
//! on the next readiness edge; the caller then polls again. Errors are the OS's real
//! `io::Error`s (`Connection refused (os error 111)`, kind `ConnectionRefused`).
//!
//! Several handles may share one core (`Arc`): reads and writes go through `&mio::TcpStream`,
//! so one task can read while another writes. The socket is deregistered and closed when the
//! core is dropped.

use super::reactor::{reactor, IoSlot, Registration};
use crate::sched::WaitQueue;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::task::{Poll, Waker};

/// Try `op`; when it would block, register `w` in `q` and try once more.
fn retry<T>(q: &WaitQueue, w: &Waker, mut op: impl FnMut() -> io::Result<T>) -> Poll<io::Result<T>> {
    let mut registered = false;
    loop {
        match op() {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                if registered {
                    return Poll::Pending;
                }
                q.register(w);
                registered = true;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            r => return Poll::Ready(r),
        }
    }
}

/// A listening socket.
#[derive(Debug)]
pub struct TcpListenerCore {
    sock: mio::net::TcpListener,
    reg: Registration,
}

impl TcpListenerCore {
    /// Bind to the first address of `addr` that works (std's `TcpListener::bind` rules,
    /// `SO_REUSEADDR` included), non-blocking, registered with the reactor.
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<TcpListenerCore> {
        let std = std::net::TcpListener::bind(addr)?;
        std.set_nonblocking(true)?;
        let mut sock = mio::net::TcpListener::from_std(std);
        let reg = reactor()?.register(&mut sock)?;
        Ok(TcpListenerCore { sock, reg })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.sock.local_addr()
    }

    /// The next incoming connection.
    pub fn poll_accept(&self, w: &Waker) -> Poll<io::Result<(TcpStreamCore, SocketAddr)>> {
        match retry(&self.reg.slot.read, w, || self.sock.accept()) {
            Poll::Ready(Ok((s, a))) => Poll::Ready(TcpStreamCore::from_mio(s).map(|s| (s, a))),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    }

    /// A connection if one is waiting now (`WouldBlock` otherwise).
    pub fn try_accept(&self) -> io::Result<(TcpStreamCore, SocketAddr)> {
        let (s, a) = self.sock.accept()?;
        Ok((TcpStreamCore::from_mio(s)?, a))
    }

    pub fn ttl(&self) -> io::Result<u32> {
        self.sock.ttl()
    }

    pub fn slot(&self) -> &Arc<IoSlot> {
        &self.reg.slot
    }
}

impl Drop for TcpListenerCore {
    fn drop(&mut self) {
        if let Ok(r) = reactor() {
            r.deregister(&mut self.sock, &self.reg);
        }
    }
}

/// A connected socket.
#[derive(Debug)]
pub struct TcpStreamCore {
    sock: mio::net::TcpStream,
    reg: Registration,
}

impl TcpStreamCore {
    fn from_mio(mut sock: mio::net::TcpStream) -> io::Result<TcpStreamCore> {
        let reg = reactor()?.register(&mut sock)?;
        Ok(TcpStreamCore { sock, reg })
    }

    /// Read into `buf`: `Ok(0)` at end of stream (or for an empty `buf`).
    pub fn poll_read(&self, buf: &mut [u8], w: &Waker) -> Poll<io::Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        retry(&self.reg.slot.read, w, || (&self.sock).read(buf))
    }

    /// Look at incoming bytes without consuming them.
    pub fn poll_peek(&self, buf: &mut [u8], w: &Waker) -> Poll<io::Result<usize>> {
        retry(&self.reg.slot.read, w, || self.sock.peek(buf))
    }

    /// Write some of `buf`: how many bytes the kernel took.
    pub fn poll_write(&self, buf: &[u8], w: &Waker) -> Poll<io::Result<usize>> {
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        retry(&self.reg.slot.write, w, || (&self.sock).write(buf))
    }

    /// Wait until the socket is readable (or closed) without reading.
    pub fn poll_readable(&self, w: &Waker) -> Poll<io::Result<()>> {
        let mut one = [0u8; 1];
        match self.poll_peek(&mut one, w) {
            Poll::Ready(r) => Poll::Ready(r.map(|_| ())),
            Poll::Pending => Poll::Pending,
        }
    }

    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        let r = self.sock.shutdown(how);
        // Tasks waiting on the other direction see the change at once.
        self.reg.slot.read.notify_all();
        self.reg.slot.write.notify_all();
        r
    }

    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.sock.peer_addr()
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.sock.local_addr()
    }

    pub fn set_nodelay(&self, on: bool) -> io::Result<()> {
        self.sock.set_nodelay(on)
    }

    pub fn nodelay(&self) -> io::Result<bool> {
        self.sock.nodelay()
    }

    pub fn set_ttl(&self, ttl: u32) -> io::Result<()> {
        self.sock.set_ttl(ttl)
    }

    pub fn ttl(&self) -> io::Result<u32> {
        self.sock.ttl()
    }
}

impl Drop for TcpStreamCore {
    fn drop(&mut self) {
        if let Ok(r) = reactor() {
            r.deregister(&mut self.sock, &self.reg);
        }
    }
}

/// An outgoing connection being made: each resolved address in turn, as std's
/// `TcpStream::connect` does, answering the last error when none accepts.
#[derive(Debug)]
pub struct Connect {
    addrs: Vec<SocketAddr>,
    next: usize,
    pending: Option<TcpStreamCore>,
    last_err: Option<io::Error>,
}

impl Connect {
    /// Resolve `addr` (std's error when it names no address).
    pub fn new(addr: impl ToSocketAddrs) -> io::Result<Connect> {
        let addrs: Vec<SocketAddr> = addr.to_socket_addrs()?.collect();
        Ok(Connect { addrs, next: 0, pending: None, last_err: None })
    }

    pub fn poll(&mut self, w: &Waker) -> Poll<io::Result<TcpStreamCore>> {
        let mut registered = false;
        loop {
            if let Some(s) = &self.pending {
                match s.sock.take_error() {
                    Ok(Some(e)) | Err(e) => {
                        self.pending = None;
                        self.last_err = Some(e);
                        continue;
                    }
                    Ok(None) => {}
                }
                match s.sock.peer_addr() {
                    Ok(_) => return Poll::Ready(self.pending.take().ok_or_else(|| io::Error::other("connect lost its socket"))),
                    Err(e) if e.kind() == io::ErrorKind::NotConnected || e.kind() == io::ErrorKind::WouldBlock => {
                        if registered {
                            return Poll::Pending;
                        }
                        s.reg.slot.write.register(w);
                        registered = true;
                        continue;
                    }
                    Err(e) => {
                        self.pending = None;
                        self.last_err = Some(e);
                        continue;
                    }
                }
            }
            let Some(addr) = self.addrs.get(self.next).copied() else {
                return Poll::Ready(Err(self.last_err.take().unwrap_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, "could not resolve to any addresses")
                })));
            };
            self.next += 1;
            registered = false;
            match mio::net::TcpStream::connect(addr).and_then(TcpStreamCore::from_mio) {
                Ok(s) => self.pending = Some(s),
                Err(e) => self.last_err = Some(e),
            }
        }
    }
}

#[cfg(test)]
#[path = "tcp_tests.rs"]
mod tests;
