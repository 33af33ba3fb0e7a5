//! Channels through the whole interpreter (one thread): the natives, the prelude types and
//! `select!` together. Multi-threaded behaviour is covered by the golden programs
//! (`tests/programs/channels`, `tests/programs/select`) and `teras_stdlib::chan`'s stress tests.

use crate::session::Outcome;
use crate::test_support::run_program as run;

fn check(src: &str, expected: &str) {
    let (out, o) = run(src);
    assert_eq!(out, expected, "outcome {o:?}");
}

#[test]
fn queue_order_clone_and_disconnect() {
    check(
        r#"use std::sync::mpsc;
fn main() {
    let (tx, rx) = mpsc::channel();
    let tx2 = tx.clone();
    tx.send(1).unwrap();
    tx2.send(2).unwrap();
    drop(tx);
    drop(tx2);
    println!("{:?} {:?} {:?}", rx.recv(), rx.try_recv(), rx.try_recv());
}"#,
        "Ok(1) Ok(2) Err(Disconnected)\n",
    );
}

#[test]
fn bounded_full_and_receiver_gone() {
    check(
        r#"use std::sync::mpsc::{self, TrySendError};
fn main() {
    let (tx, rx) = mpsc::sync_channel(1);
    tx.try_send('a').unwrap();
    if let Err(TrySendError::Full(c)) = tx.try_send('b') { println!("full {c}"); }
    drop(rx);
    let e = tx.send('c').unwrap_err();
    println!("{e} {e:?} {}", e.0);
}"#,
        "full b\nsending on a closed channel SendError { .. } c\n",
    );
}

#[test]
fn select_default_and_ready_receive() {
    check(
        r#"use std::sync::mpsc;
fn main() {
    let (tx, rx) = mpsc::channel::<i32>();
    let a = select! { recv(rx) -> m => m.unwrap(), default => -1 };
    tx.send(4).unwrap();
    let b = select! { recv(rx) -> m => m.unwrap(), default => -1 };
    println!("{a} {b}");
}"#,
        "-1 4\n",
    );
}

#[test]
fn select_timeout_on_the_runtime_clock() {
    check(
        r#"use std::sync::mpsc;
use std::time::Duration;
fn main() {
    let (_tx, rx) = mpsc::channel::<i32>();
    select! {
        recv(rx) -> m => println!("{:?}", m),
        default(Duration::from_millis(5)) => println!("timeout"),
    }
}"#,
        "timeout\n",
    );
}

#[test]
fn spsc_clone_is_an_error() {
    let (out, o) = run("fn main() { let (tx, _rx) = spsc_channel::<i32>(1); println!(\"a\"); let _t = tx.clone(); }");
    assert_eq!(out, "a\n");
    assert!(matches!(o, Outcome::Panicked), "{o:?}");
}

#[test]
fn natively_built_errors_are_the_prelude_types() {
    // `send`/`recv` are tail calls of natives that build `SendError(v)` and `RecvError`
    // from the definitions `__chan_new` was given: every channel constructor passes them.
    check(
        r#"use std::sync::mpsc::{self, RecvError, SendError};
fn main() {
    let (tx, rx) = mpsc::channel::<String>();
    drop(rx);
    let e: SendError<String> = tx.send("back".to_string()).unwrap_err();
    println!("{e} {e:?} {} {}", e.0, e == SendError("back".to_string()));
    let (tx, rx) = mpsc::sync_channel::<u8>(2);
    drop(tx);
    let r = rx.recv();
    println!("{:?} {} {}", r, r == Err(RecvError), r.unwrap_err());
    let (tx, rx) = mpmc_channel::<i32>(1);
    let rx2 = rx.clone();
    drop(rx);
    drop(rx2);
    if let Err(SendError(v)) = tx.send(9) { println!("mpmc gave back {v}"); }
    let (otx, orx) = oneshot::<i32>();
    drop(otx);
    println!("{:?}", orx.recv());
    let (otx, orx) = oneshot::<i32>();
    drop(orx);
    println!("{:?}", otx.send(4).map_err(|e| e.into_inner()));
}"#,
        "sending on a closed channel SendError { .. } back true\nErr(RecvError) true receiving on a closed channel\nmpmc gave back 9\nErr(RecvError)\nErr(4)\n",
    );
}
