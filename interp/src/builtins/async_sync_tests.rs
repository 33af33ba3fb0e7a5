//! Unit tests of the async lock natives: futures polled directly, guards released through
//! `release_guard`, cancellation of pending acquires.

use super::*;
use crate::builtins::async_chan::tests::{is_pending, nat, poll, template, variant, waker};
use std::sync::atomic::Ordering as AOrd;

fn int(v: &Value) -> i64 {
    match util::deref(v).unwrap() {
        Value::Int(n, _) => n,
        other => panic!("not an int: {other:?}"),
    }
}

#[test]
fn mutex_lock_guard_release_wakes_next_and_cancel_passes_the_lock_on() {
    let (n, w) = waker();
    let m = nat(&w, "__alock_new", vec![Value::i32(0), Value::Bool(false)]).unwrap();
    let f1 = nat(&w, "__alock_acquire", vec![m.clone(), Value::usize(0)]).unwrap();
    let g1 = poll(&w, &f1).unwrap();
    assert!(matches!(g1, Value::Ref(_)));
    let f2 = nat(&w, "__alock_acquire", vec![m.clone(), Value::usize(0)]).unwrap();
    let f3 = nat(&w, "__alock_acquire", vec![m.clone(), Value::usize(0)]).unwrap();
    assert!(is_pending(&poll(&w, &f2)));
    assert!(is_pending(&poll(&w, &f3)));
    let t = nat(&w, "__alock_try", vec![m.clone(), Value::usize(0), template()]).unwrap();
    assert_eq!(variant(&t).1, util::ERR);
    assert!(release_guard(&g1));
    drop(g1);
    assert_eq!(n.0.load(AOrd::SeqCst), 1, "the first waiter is woken");
    // The woken waiter is cancelled before it saw its guard: the lock goes to the next one.
    drop(f2);
    let g3 = poll(&w, &f3).unwrap();
    assert!(release_guard(&g3));
    drop(g3);
    let f4 = nat(&w, "__alock_acquire", vec![m.clone(), Value::usize(0)]).unwrap();
    assert!(poll(&w, &f4).is_ok(), "nothing leaked");
}

#[test]
fn rwlock_readers_share_writer_waits() {
    let w = Waker::noop().clone();
    let l = nat(&w, "__alock_new", vec![Value::i32(5), Value::Bool(true)]).unwrap();
    let r1 = poll(&w, &nat(&w, "__alock_acquire", vec![l.clone(), Value::usize(1)]).unwrap()).unwrap();
    let r2 = poll(&w, &nat(&w, "__alock_acquire", vec![l.clone(), Value::usize(1)]).unwrap()).unwrap();
    assert_eq!(int(&r2), 5);
    let wf = nat(&w, "__alock_acquire", vec![l.clone(), Value::usize(2)]).unwrap();
    assert!(is_pending(&poll(&w, &wf)));
    // A later reader queues behind the writer (fair).
    let r3 = nat(&w, "__alock_acquire", vec![l.clone(), Value::usize(1)]).unwrap();
    assert!(is_pending(&poll(&w, &r3)));
    release_guard(&r1);
    drop(r1);
    assert!(is_pending(&poll(&w, &wf)));
    release_guard(&r2);
    drop(r2);
    let g = poll(&w, &wf).unwrap();
    assert!(is_pending(&poll(&w, &r3)));
    release_guard(&g);
    drop(g);
    assert!(poll(&w, &r3).is_ok());
}

#[test]
fn semaphore_permits_and_cancelled_acquire() {
    let (_, w) = waker();
    let s = nat(&w, "__asem_new", vec![Value::usize(2)]).unwrap();
    let acq = |n: usize| nat(&w, "__asem_acquire", vec![s.clone(), Value::usize(n), template()]).unwrap();
    let p1 = poll(&w, &acq(1)).unwrap();
    let p2 = poll(&w, &acq(1)).unwrap();
    assert_eq!(format!("{:?}", nat(&w, "__asem_available", vec![s.clone()]).unwrap()), format!("{:?}", Value::usize(0)));
    let big = acq(2);
    assert!(is_pending(&poll(&w, &big)));
    let small = acq(1);
    assert!(is_pending(&poll(&w, &small)));
    drop(p1);
    // One permit is now handed to `big`; dropping `big` gives it to `small`.
    assert_eq!(format!("{:?}", nat(&w, "__asem_available", vec![s.clone()]).unwrap()), format!("{:?}", Value::usize(0)));
    drop(big);
    let p3 = poll(&w, &small).unwrap();
    assert_eq!(variant(&p3).1, util::OK);
    drop(p3);
    drop(p2);
    assert_eq!(format!("{:?}", nat(&w, "__asem_available", vec![s.clone()]).unwrap()), format!("{:?}", Value::usize(2)));
    let t = nat(&w, "__asem_try", vec![s.clone(), Value::usize(3), template()]).unwrap();
    assert_eq!(variant(&variant(&t).2[0]).1, 1, "NoPermits");
    nat(&w, "__asem_add", vec![s.clone(), Value::usize(1)]).unwrap();
    let t = nat(&w, "__asem_try", vec![s.clone(), Value::usize(3), template()]).unwrap();
    let permit = variant(&t).2[0].clone();
    nat(&w, "__apermit_forget", vec![permit.clone()]).unwrap();
    drop((t, permit));
    assert_eq!(format!("{:?}", nat(&w, "__asem_available", vec![s.clone()]).unwrap()), format!("{:?}", Value::usize(0)), "forgotten");
    nat(&w, "__asem_close", vec![s.clone()]).unwrap();
    let r = poll(&w, &acq(1)).unwrap();
    assert_eq!(variant(&r).1, util::ERR);
}

#[test]
fn notify_one_permit_and_notify_waiters() {
    let w = Waker::noop().clone();
    let n = nat(&w, "__anotify_new", vec![]).unwrap();
    let a = nat(&w, "__anotify_notified", vec![n.clone()]).unwrap();
    let b = nat(&w, "__anotify_notified", vec![n.clone()]).unwrap();
    assert!(is_pending(&poll(&w, &a)));
    nat(&w, "__anotify_waiters", vec![n.clone()]).unwrap();
    assert!(poll(&w, &a).is_ok());
    assert!(poll(&w, &b).is_ok(), "created before notify_waiters");
    nat(&w, "__anotify_one", vec![n.clone()]).unwrap();
    let c = nat(&w, "__anotify_notified", vec![n.clone()]).unwrap();
    assert!(poll(&w, &c).is_ok(), "the stored permit");
    // A pending notified dropped after receiving notify_one passes it on.
    let d = nat(&w, "__anotify_notified", vec![n.clone()]).unwrap();
    let e = nat(&w, "__anotify_notified", vec![n.clone()]).unwrap();
    assert!(is_pending(&poll(&w, &d)));
    assert!(is_pending(&poll(&w, &e)));
    nat(&w, "__anotify_one", vec![n.clone()]).unwrap();
    drop(d);
    assert!(poll(&w, &e).is_ok());
}
