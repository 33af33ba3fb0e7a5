//! Unit tests of the async channel natives: futures polled directly with a counting waker
//! (the `.await` of a task is the same protocol), and real OS threads for the sync bridge.

use super::*;
use crate::builtins::future::{as_native_future, poll_future};
use crate::builtins::{call, function, NativeError};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Wake;

pub(crate) struct Count(pub AtomicUsize);
impl Wake for Count {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

pub(crate) fn waker() -> (Arc<Count>, Waker) {
    let c = Arc::new(Count(AtomicUsize::new(0)));
    (c.clone(), Waker::from(c))
}

/// Run `f` with a native context whose waker is `w`.
pub(crate) fn with_cx<T>(w: &Waker, f: impl FnOnce(&mut NativeCx<'_>) -> T) -> T {
    let std = crate::builtins::tests::defs();
    let mut out = Vec::new();
    let host = crate::runtime::SoloHost::new();
    let mut state = None;
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: w, state: &mut state };
    f(&mut cx)
}

/// Call native `path`.
pub(crate) fn nat(w: &Waker, path: &str, args: Vec<Value>) -> NativeResult {
    let id = function(path).unwrap_or_else(|| panic!("no native {path}"));
    let mut args = args;
    with_cx(w, |cx| call(id, cx, &mut args))
}

/// Poll the native future `fut` once.
pub(crate) fn poll(w: &Waker, fut: &Value) -> NativeResult {
    let f = as_native_future(fut).expect("a native future");
    with_cx(w, |cx| poll_future(f, cx))
}

pub(crate) fn is_pending(r: &NativeResult) -> bool {
    matches!(r, Err(NativeError::Block(_)))
}

/// A stand-in for a prelude error type: an enum value whose definition `err_like` copies.
pub(crate) fn template() -> Value {
    let d = crate::builtins::tests::defs();
    util::adt(&d.ordering, 0, vec![])
}

pub(crate) fn variant(v: &Value) -> (String, u32, Vec<Value>) {
    match v {
        Value::Adt(h) => {
            let o = h.read().unwrap();
            (o.def.name.clone(), o.variant, o.fields.to_vec())
        }
        // A field-less variant natives build inline (`None`).
        Value::Tag(d, i) => (d.name.clone(), *i, Vec::new()),
        other => panic!("not an adt: {other:?}"),
    }
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(n, _) => *n,
        other => panic!("not an int: {other:?}"),
    }
}

fn pair(v: Value) -> (Value, Value) {
    util::unpair(&v).unwrap()
}

#[test]
fn bounded_send_waits_for_room_and_recv_wakes_it() {
    let (n, w) = waker();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1)]).unwrap());
    let s1 = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(1), template()]).unwrap();
    assert!(matches!(variant(&poll(&w, &s1).unwrap()), (name, 0, _) if name == "Result"));
    let s2 = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(2), template()]).unwrap();
    assert!(is_pending(&poll(&w, &s2)));
    let r = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    let got = poll(&w, &r).unwrap();
    assert_eq!(int(&variant(&got).2[0]), 1);
    assert!(n.0.load(Ordering::SeqCst) >= 1, "the waiting sender was woken");
    assert!(poll(&w, &s2).is_ok());
    let r2 = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    assert_eq!(int(&variant(&poll(&w, &r2).unwrap()).2[0]), 2);
}

#[test]
fn recv_is_none_after_the_last_sender_dropped_and_the_queue_drained() {
    let w = Waker::noop().clone();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(4)]).unwrap());
    let tx2 = nat(&w, "__chan_clone", vec![tx.clone()]).unwrap();
    let s = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(9), template()]).unwrap();
    assert!(poll(&w, &s).is_ok());
    drop(s);
    drop(tx);
    let r = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    assert_eq!(variant(&poll(&w, &r).unwrap()).1, util::SOME);
    let r = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    assert!(is_pending(&poll(&w, &r)), "a sender clone is alive");
    drop(tx2);
    assert_eq!(variant(&poll(&w, &r).unwrap()).1, util::NONE);
}

#[test]
fn a_dropped_pending_recv_loses_no_message() {
    let (_, w) = waker();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(2)]).unwrap());
    let r = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    assert!(is_pending(&poll(&w, &r)));
    drop(r);
    let s = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(5), template()]).unwrap();
    assert!(poll(&w, &s).is_ok());
    let r = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
    assert_eq!(int(&variant(&poll(&w, &r).unwrap()).2[0]), 5);
}

#[test]
fn send_to_a_closed_channel_gives_the_value_back_in_the_template_type() {
    let w = Waker::noop().clone();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1)]).unwrap());
    drop(rx);
    let s = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(3), template()]).unwrap();
    let (name, v, f) = variant(&poll(&w, &s).unwrap());
    assert_eq!((name.as_str(), v), ("Result", util::ERR));
    let (ename, _, ef) = variant(&f[0]);
    assert_eq!(ename, "Ordering");
    assert_eq!(int(&ef[0]), 3);
    assert_eq!(format!("{:?}", nat(&w, "__amp_is_closed", vec![tx]).unwrap()), format!("{:?}", Value::Bool(true)));
}

#[test]
fn a_sender_made_with_a_template_keeps_its_error_type_for_every_send() {
    // The prelude's form: `__amp_new(cap, SendError(()))`, then `__amp_send(&tx, v)`.
    let w = Waker::noop().clone();
    for cap in [0, 1] {
        let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(cap), template()]).unwrap());
        drop(rx);
        let s = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(4)]).unwrap();
        let r = if cap == 0 { s } else { poll(&w, &s).unwrap() };
        let (name, v, f) = variant(&r);
        assert_eq!((name.as_str(), v), ("Result", util::ERR));
        let (ename, _, ef) = variant(&f[0]);
        assert_eq!(ename, "Ordering");
        assert_eq!(int(&ef[0]), 4);
    }
    // Neither a template in the end nor one given: an error, not a panic of the interpreter.
    let (tx, _rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1)]).unwrap());
    assert!(nat(&w, "__amp_send", vec![tx, Value::i32(1)]).is_err());
}

#[test]
fn unbounded_send_is_immediate() {
    let w = Waker::noop().clone();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(0)]).unwrap());
    for i in 0..100 {
        let r = nat(&w, "__amp_send", vec![tx.clone(), Value::i32(i), template()]).unwrap();
        assert_eq!(variant(&r).1, util::OK);
    }
    assert_eq!(format!("{:?}", nat(&w, "__chan_len", vec![rx]).unwrap()), format!("{:?}", Value::usize(100)));
}

#[test]
fn oneshot_recv_and_dropped_sender() {
    let w = Waker::noop().clone();
    let (tx, rx) = pair(nat(&w, "__aone_new", vec![]).unwrap());
    let r = nat(&w, "__aone_recv", vec![rx.clone(), template()]).unwrap();
    assert!(is_pending(&poll(&w, &r)));
    assert_eq!(variant(&nat(&w, "__chan_try_send", vec![tx.clone(), Value::i32(8)]).unwrap()).1, util::OK);
    assert_eq!(int(&variant(&poll(&w, &r).unwrap()).2[0]), 8);
    let (tx, rx) = pair(nat(&w, "__aone_new", vec![]).unwrap());
    drop(tx);
    let r = nat(&w, "__aone_recv", vec![rx, template()]).unwrap();
    let (_, v, f) = variant(&poll(&w, &r).unwrap());
    assert_eq!(v, util::ERR);
    assert_eq!(variant(&f[0]).0, "Ordering");
}

#[test]
fn broadcast_reaches_three_receivers_and_reports_lag() {
    let w = Waker::noop().clone();
    let (tx, rx1) = pair(nat(&w, "__abc_new", vec![Value::usize(2)]).unwrap());
    let rx2 = nat(&w, "__abc_subscribe", vec![tx.clone()]).unwrap();
    let rx3 = nat(&w, "__abc_subscribe", vec![tx.clone()]).unwrap();
    let sent = nat(&w, "__abc_send", vec![tx.clone(), Value::i32(1)]).unwrap();
    assert_eq!(int(&variant(&sent).2[0]), 3);
    for rx in [&rx1, &rx2, &rx3] {
        let f = nat(&w, "__abc_recv", vec![rx.clone(), template()]).unwrap();
        assert_eq!(int(&variant(&poll(&w, &f).unwrap()).2[0]), 1);
    }
    for i in 2..6 {
        nat(&w, "__abc_send", vec![tx.clone(), Value::i32(i)]).unwrap();
    }
    let f = nat(&w, "__abc_recv", vec![rx1.clone(), template()]).unwrap();
    let (_, v, fs) = variant(&poll(&w, &f).unwrap());
    assert_eq!(v, util::ERR);
    let (_, lag_variant, lag) = variant(&fs[0]);
    assert_eq!((lag_variant, int(&lag[0])), (1, 2));
    let f = nat(&w, "__abc_recv", vec![rx1.clone(), template()]).unwrap();
    assert_eq!(int(&variant(&poll(&w, &f).unwrap()).2[0]), 4);
    drop(tx);
    let f = nat(&w, "__abc_recv", vec![rx1.clone(), template()]).unwrap();
    assert_eq!(int(&variant(&poll(&w, &f).unwrap()).2[0]), 5);
    let f = nat(&w, "__abc_recv", vec![rx1, template()]).unwrap();
    let (_, v, fs) = variant(&poll(&w, &f).unwrap());
    assert_eq!((v, variant(&fs[0]).1), (util::ERR, 0), "Closed");
}

#[test]
fn watch_changed_borrow_and_close() {
    let (n, w) = waker();
    let (tx, rx) = pair(nat(&w, "__aw_new", vec![Value::i32(0)]).unwrap());
    let c = nat(&w, "__aw_changed", vec![rx.clone(), template()]).unwrap();
    assert!(is_pending(&poll(&w, &c)));
    assert_eq!(variant(&nat(&w, "__aw_send", vec![tx.clone(), Value::i32(7)]).unwrap()).1, util::OK);
    assert_eq!(n.0.load(Ordering::SeqCst), 1);
    assert_eq!(variant(&poll(&w, &c).unwrap()).1, util::OK);
    assert_eq!(int(&nat(&w, "__aw_borrow", vec![rx.clone()]).unwrap()), 7);
    let c = nat(&w, "__aw_changed", vec![rx.clone(), template()]).unwrap();
    assert!(is_pending(&poll(&w, &c)));
    drop(c);
    drop(tx);
    let c = nat(&w, "__aw_changed", vec![rx.clone(), template()]).unwrap();
    assert_eq!(variant(&poll(&w, &c).unwrap()).1, util::ERR);
}

/// The sync bridge across real OS threads: a thread `blocking_send`s 1000 values through a
/// bounded(4) channel (`__chan_send`, parking on `Block` until its waker unparks it) while
/// this thread awaits them with `recv` futures.
#[test]
fn blocking_send_from_an_os_thread_to_async_recv() {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    fn park_waker() -> Waker {
        Waker::from(Arc::new(Unpark(std::thread::current())))
    }
    let w = park_waker();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(4)]).unwrap());
    let h = std::thread::spawn(move || {
        let w = park_waker();
        let id = function("__chan_send").unwrap();
        let std = crate::builtins::tests::defs();
        let host = crate::runtime::SoloHost::new();
        let mut state = None;
        for i in 0..1000 {
            loop {
                let mut out = Vec::new();
                let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: &w, state: &mut state };
                let mut args = vec![tx.clone(), Value::i32(i)];
                match call(id, &mut cx, &mut args) {
                    Err(NativeError::Block(_)) => std::thread::park_timeout(std::time::Duration::from_millis(20)),
                    Ok(_) => break,
                    Err(e) => panic!("{e:?}"),
                }
            }
            state = None;
        }
    });
    let mut sum = 0;
    loop {
        let f = nat(&w, "__amp_recv", vec![rx.clone()]).unwrap();
        let got = loop {
            match poll(&w, &f) {
                Err(NativeError::Block(_)) => std::thread::park_timeout(std::time::Duration::from_millis(20)),
                r => break r.unwrap(),
            }
        };
        match variant(&got) {
            (_, v, f) if v == util::SOME => sum += int(&f[0]),
            _ => break,
        }
    }
    h.join().unwrap();
    assert_eq!(sum, 999 * 1000 / 2);
}

/// Call native `path` with `args` (kept: a blocked call runs again with them) and the
/// blocking state `st` kept across calls, as the VM keeps a fiber's `native_state`.
fn attempt(w: &Waker, st: &mut Option<Box<dyn Any + Send>>, path: &str, args: &mut [Value]) -> NativeResult {
    let id = function(path).unwrap_or_else(|| panic!("no native {path}"));
    let std = crate::builtins::tests::defs();
    let mut out = Vec::new();
    let host = crate::runtime::SoloHost::new();
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: w, state: st };
    let r = call(id, &mut cx, args);
    if !is_pending(&r) {
        *st = None;
    }
    r
}

/// `rx.recv().await` in one call: blocks (waker registered) while empty, gets the message
/// once it was sent (the sender woke it), `None` once every sender is gone.
#[test]
fn recv_now_blocks_until_a_message_then_none_after_the_senders() {
    let (n, w) = waker();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1), template()]).unwrap());
    let mut st = None;
    let mut rargs = vec![rx.clone()];
    assert!(is_pending(&attempt(&w, &mut st, "__amp_recv_now", &mut rargs)));
    assert!(st.is_some(), "the attempt is kept while blocked");
    let mut sargs = vec![tx.clone(), Value::i32(4)];
    let sent = attempt(&w, &mut None, "__amp_send_now", &mut sargs).unwrap();
    assert_eq!(variant(&sent).1, util::OK);
    assert!(n.0.load(Ordering::SeqCst) >= 1, "the blocked receiver was woken");
    let got = attempt(&w, &mut st, "__amp_recv_now", &mut rargs).unwrap();
    assert_eq!(variant(&got).1, util::SOME);
    assert_eq!(int(&variant(&got).2[0]), 4);
    assert!(st.is_none());
    drop((sargs, tx));
    let got = attempt(&w, &mut st, "__amp_recv_now", &mut rargs).unwrap();
    assert_eq!(variant(&got).1, util::NONE);
}

/// `tx.send(v).await` in one call: a full channel blocks it with the message kept in its
/// argument; a receive wakes it and the next attempt sends exactly that message.
#[test]
fn send_now_waits_for_room_keeping_its_message() {
    let (n, w) = waker();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1), template()]).unwrap());
    assert_eq!(variant(&attempt(&w, &mut None, "__amp_send_now", &mut [tx.clone(), Value::i32(1)]).unwrap()).1, util::OK);
    let mut st = None;
    let mut sargs = vec![tx.clone(), Value::i32(2)];
    assert!(is_pending(&attempt(&w, &mut st, "__amp_send_now", &mut sargs)));
    assert_eq!(int(&sargs[1]), 2, "the message stays for the next attempt");
    let got = attempt(&w, &mut None, "__amp_recv_now", &mut [rx.clone()]).unwrap();
    assert_eq!(int(&variant(&got).2[0]), 1);
    assert!(n.0.load(Ordering::SeqCst) >= 1, "the blocked sender was woken");
    assert_eq!(variant(&attempt(&w, &mut st, "__amp_send_now", &mut sargs).unwrap()).1, util::OK);
    let got = attempt(&w, &mut None, "__amp_recv_now", &mut [rx.clone()]).unwrap();
    assert_eq!(int(&variant(&got).2[0]), 2);
}

/// A send to a channel whose receiver is gone gives the message back in `SendError` (the
/// sender's template type), blocked or not; a receive abandoned while blocked loses no
/// message.
#[test]
fn send_now_to_a_closed_channel_and_an_abandoned_recv_now() {
    let w = Waker::noop().clone();
    let (tx, rx) = pair(nat(&w, "__amp_new", vec![Value::usize(1), template()]).unwrap());
    let mut st = None;
    assert!(is_pending(&attempt(&w, &mut st, "__amp_recv_now", &mut [rx.clone()])));
    // Abandoned (the task was cancelled): the next receive still gets the message.
    assert_eq!(variant(&attempt(&w, &mut None, "__amp_send_now", &mut [tx.clone(), Value::i32(7)]).unwrap()).1, util::OK);
    let got = attempt(&w, &mut None, "__amp_recv_now", &mut [rx.clone()]).unwrap();
    assert_eq!(int(&variant(&got).2[0]), 7);
    assert_eq!(variant(&attempt(&w, &mut None, "__amp_send_now", &mut [tx.clone(), Value::i32(8)]).unwrap()).1, util::OK);
    let mut st = None;
    let mut sargs = vec![tx.clone(), Value::i32(9)];
    assert!(is_pending(&attempt(&w, &mut st, "__amp_send_now", &mut sargs)));
    drop(rx);
    let (name, v, f) = variant(&attempt(&w, &mut st, "__amp_send_now", &mut sargs).unwrap());
    assert_eq!((name.as_str(), v), ("Result", util::ERR));
    let (ename, _, ef) = variant(&f[0]);
    assert_eq!((ename.as_str(), int(&ef[0])), ("Ordering", 9), "SendError(9) in the template's type");
}
