//! Unit tests of the TCP bindings: addresses as prelude structs, and the I/O ops polled the
//! way `.await` and a blocked fiber poll them (a `NativeCx` with a real waker; `Block` until
//! the reactor wakes it).

use super::*;
use crate::builtins::future::{as_native_future, poll_future};
use crate::value::{AdtDef, VariantDef, VariantKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::net::SocketAddr;
use std::task::Wake;

fn struct_proto(name: &str, fields: &[&str]) -> Value {
    let def = Arc::new(AdtDef {
        name: name.into(),
        is_enum: false,
        variants: vec![VariantDef { name: name.into(), kind: VariantKind::Named, fields: fields.iter().map(|s| s.to_string()).collect(), discriminant: 0 }],
        is_copy: false,
        derives: vec![],
        type_id: 32,
    });
    Value::Adt(Heap::new(AdtObj { def: def.into(), variant: 0, fields: fields.iter().map(|_| Value::Unit).collect() }))
}

fn addr_proto() -> Value {
    struct_proto("SocketAddr", &["hi", "lo", "port", "v6"])
}

struct Unpark(std::thread::Thread, AtomicUsize);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        // Relaxed: a counter the parked thread reads after waking.
        self.1.fetch_add(1, Ordering::Relaxed);
        self.0.unpark();
    }
}

/// Run `f` with a `NativeCx` whose waker unparks this thread.
fn with_cx<T>(f: impl FnOnce(&mut NativeCx<'_>) -> T) -> T {
    let std = crate::builtins::tests::defs();
    let mut out = Vec::new();
    let host = crate::runtime::SoloHost::new();
    let mut state = None;
    let waker = Waker::from(Arc::new(Unpark(std::thread::current(), AtomicUsize::new(0))));
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: &waker, state: &mut state };
    f(&mut cx)
}

/// Poll a native future until it is ready (parking between polls; fails after 5 s).
fn await_fut(cx: &mut NativeCx<'_>, v: &Value) -> Value {
    let fut = as_native_future(v).expect("a native future");
    let start = std::time::Instant::now();
    loop {
        match poll_future(fut, cx) {
            Ok(v) => return v,
            Err(NativeError::Block(b)) => assert!(b.deadline.is_some(), "I/O blocks with a recheck deadline"),
            Err(e) => panic!("{e:?}"),
        }
        assert!(start.elapsed() < Duration::from_secs(5), "no wake-up within 5 s");
        std::thread::park_timeout(Duration::from_millis(500));
    }
}

fn ok_of(v: &Value) -> Value {
    match util::as_result(v) {
        Some(Ok(x)) => x,
        other => panic!("Ok expected, got {other:?}"),
    }
}

#[test]
fn addresses_round_trip_through_the_prelude_struct() {
    for text in ["127.0.0.1:8080", "[::1]:443", "[2001:db8::1]:0"] {
        let a: SocketAddr = text.parse().unwrap();
        let v = addr_value(&addr_proto(), a).unwrap();
        assert_eq!(sock_addr(&v).unwrap(), a);
        assert_eq!(addr_of(&v).unwrap().unwrap(), vec![a]);
    }
    let (hi, lo, v6) = ip_parts("::1".parse().unwrap());
    assert_eq!(ip_from(hi, lo, v6).to_string(), "::1");
    assert!(addr_of(&Value::str("no port here")).unwrap().is_err());
}

#[test]
fn accept_and_connect_futures_complete_when_the_reactor_wakes_them() {
    let l = Arc::new(TcpListenerCore::bind("127.0.0.1:0").unwrap());
    let addr = l.local_addr().unwrap();
    let protos = util::pair(struct_proto("TcpStream", &["inner"]), addr_proto());
    let accept = native_future(IoFuture { op: Mutex::new(Op::Accept { l: l.clone(), protos }) });
    with_cx(|cx| {
        let fut = as_native_future(&accept).unwrap();
        assert!(matches!(poll_future(fut, cx), Err(NativeError::Block(_))), "nobody connected yet");
        let c = Connect::new(addr).unwrap();
        let connect = native_future(IoFuture { op: Mutex::new(Op::Connect { c, proto: struct_proto("TcpStream", &["inner"]) }) });
        let client = ok_of(&await_fut(cx, &connect));
        let (server, peer) = util::unpair(&ok_of(&await_fut(cx, &accept))).unwrap();
        assert_eq!(sock_addr(&peer).unwrap(), stream_of(&client).unwrap().local_addr().unwrap());
        // A line each way, through a BufReader on the server side.
        let w = native_future(IoFuture { op: Mutex::new(Op::Write { s: stream_of(&client).unwrap(), data: b"ping\n".to_vec(), off: 0, all: true }) });
        assert!(matches!(ok_of(&await_fut(cx, &w)), Value::Unit));
        let buffered = Src::Buf(Arc::new(Buffered { stream: stream_of(&server).unwrap(), buf: Mutex::new(Vec::new()) }));
        let line = Value::str("");
        let r = native_future(IoFuture { op: Mutex::new(Op::ReadLine { src: buffered, out: line.clone(), acc: Vec::new() }) });
        assert!(matches!(ok_of(&await_fut(cx, &r)), Value::Int(5, IntTy::Usize)));
        assert_eq!(util::str_of(&line).unwrap(), "ping\n");
    });
}

#[test]
fn blocking_read_keeps_its_op_in_the_fiber_state_and_fills_the_buffer() {
    let l = TcpListenerCore::bind("127.0.0.1:0").unwrap();
    let mut c = std::net::TcpStream::connect(l.local_addr().unwrap()).unwrap();
    let server = loop {
        match l.try_accept() {
            Ok((s, _)) => break Arc::new(s),
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let h = handle(NetObj::Stream(server));
    let buf = util::new_vec(vec![Value::Int(0, IntTy::U8); 4]);
    with_cx(|cx| {
        let mut args = vec![h.clone(), buf.clone(), Value::Bool(false)];
        assert!(matches!(read(cx, &mut args, 0), Err(NativeError::Block(_))));
        assert!(cx.state.is_some(), "the op waits in the fiber's state");
        std::io::Write::write_all(&mut c, b"ab").unwrap();
        let start = std::time::Instant::now();
        let got = loop {
            match read(cx, &mut args, 0) {
                Ok(v) => break v,
                Err(NativeError::Block(_)) => std::thread::park_timeout(Duration::from_millis(500)),
                Err(e) => panic!("{e:?}"),
            }
            assert!(start.elapsed() < Duration::from_secs(5));
        };
        assert!(matches!(ok_of(&got), Value::Int(2, IntTy::Usize)));
        let bytes: Vec<i64> = super::super::vec::items_of(&buf).unwrap().iter().map(|v| util::int_of(v).unwrap().0).collect();
        assert_eq!(bytes, vec![97, 98, 0, 0]);
    });
}

#[test]
fn network_error_kinds_are_constants() {
    let k = constant("ErrorKind::ConnectionRefused").unwrap();
    assert_eq!(super::super::std_object_fmt(&k, true).unwrap(), "ConnectionRefused");
    assert!(constant("ErrorKind::NoSuchKind").is_none());
}
