//! Unit tests of the TCP cores on localhost, driven the way a blocked OS thread is: poll,
//! park until the waker unparks (with a generous timeout that fails the test rather than
//! hanging), poll again.

use super::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Wake;
use std::time::Duration;

struct Unpark(std::thread::Thread, AtomicUsize);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        // Relaxed: a counter read by the same thread after it was unparked.
        self.1.fetch_add(1, Ordering::Relaxed);
        self.0.unpark();
    }
}

/// Poll `f` to completion on this thread, parking between attempts; panics after 5 s.
fn block<T>(mut f: impl FnMut(&Waker) -> Poll<T>) -> T {
    let w = Waker::from(Arc::new(Unpark(std::thread::current(), AtomicUsize::new(0))));
    let start = std::time::Instant::now();
    loop {
        if let Poll::Ready(v) = f(&w) {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "no wake-up within 5 s");
        std::thread::park_timeout(Duration::from_secs(1));
    }
}

fn connect(addr: SocketAddr) -> io::Result<TcpStreamCore> {
    let mut c = Connect::new(addr)?;
    block(|w| c.poll(w))
}

fn write_all(s: &TcpStreamCore, mut data: &[u8]) {
    while !data.is_empty() {
        let n = block(|w| s.poll_write(data, w)).unwrap();
        data = &data[n..];
    }
}

fn read_to_end(s: &TcpStreamCore) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = block(|w| s.poll_read(&mut buf, w)).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&buf[..n]);
    }
}

#[test]
fn echo_over_localhost() {
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (s, peer) = block(|w| l.poll_accept(w)).unwrap();
        assert_eq!(peer, s.peer_addr().unwrap());
        let got = read_to_end(&s);
        write_all(&s, &got);
        s.shutdown(Shutdown::Write).unwrap();
    });
    let c = connect(addr).unwrap();
    assert_eq!(c.peer_addr().unwrap(), addr);
    // The server echoes only after our shutdown: keep the message under the buffer sizes.
    let msg: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
    write_all(&c, &msg);
    c.shutdown(Shutdown::Write).unwrap();
    assert_eq!(read_to_end(&c), msg);
    server.join().unwrap();
}

#[test]
fn a_large_transfer_wakes_blocked_writers_and_readers() {
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let total = 8 << 20;
    let server = std::thread::spawn(move || {
        let (s, _) = block(|w| l.poll_accept(w)).unwrap();
        read_to_end(&s).len()
    });
    let c = connect(addr).unwrap();
    let chunk = vec![7u8; 1 << 20];
    for _ in 0..8 {
        write_all(&c, &chunk);
    }
    drop(c);
    assert_eq!(server.join().unwrap(), total);
}

#[test]
fn refused_and_addr_in_use_are_the_os_errors() {
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let e = TcpListenerCore::bind(addr).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
    assert_eq!(e.to_string(), std::net::TcpListener::bind(addr).unwrap_err().to_string());
    drop(l);
    let e = connect(addr).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused);
    assert_eq!(e.to_string(), "Connection refused (os error 111)");
}

#[test]
fn pending_accept_is_woken_by_a_connection() {
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let counter = Arc::new(Unpark(std::thread::current(), AtomicUsize::new(0)));
    let w = Waker::from(counter.clone());
    assert!(l.poll_accept(&w).is_pending());
    assert_eq!(l.slot().read.len(), 1, "the waker waits in the read queue");
    let _c = std::net::TcpStream::connect(addr).unwrap();
    let start = std::time::Instant::now();
    while counter.1.load(Ordering::Relaxed) == 0 {
        assert!(start.elapsed() < Duration::from_secs(5));
        std::thread::park_timeout(Duration::from_millis(100));
    }
    assert!(matches!(l.poll_accept(&w), Poll::Ready(Ok(_))));
    assert!(matches!(l.try_accept(), Err(e) if e.kind() == io::ErrorKind::WouldBlock));
}

#[test]
fn dropping_a_socket_deregisters_it() {
    let r = reactor().unwrap();
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let token = l.reg.token;
    assert!(r.is_registered(token));
    drop(l);
    assert!(!r.is_registered(token));
}
