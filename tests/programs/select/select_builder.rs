// not-rust
// crossbeam-channel's Select builder: operations added at run time, `select()` returning the
// chosen operation (completed with `oper.recv(&r)` / `oper.send(&s, v)`), `try_select`,
// `select_timeout`, `ready`/`try_ready`, and `remove`.
use crossbeam_channel::{bounded, unbounded, Receiver, Select};
use std::thread;
use std::time::Duration;

fn main() {
    let (tx1, rx1) = unbounded::<i32>();
    let (tx2, rx2) = unbounded::<&str>();
    tx2.send("two").unwrap();

    let mut sel = Select::new();
    let i1 = sel.recv(&rx1);
    let i2 = sel.recv(&rx2);
    println!("indices {} {}", i1, i2);
    let oper = sel.select();
    match oper.index() {
        i if i == i1 => println!("rx1: {:?}", oper.recv(&rx1)),
        i if i == i2 => println!("rx2: {:?}", oper.recv(&rx2)),
        _ => unreachable!(),
    }

    // Nothing ready: try_select fails, select_timeout times out.
    println!("try_select is_err: {}", sel.try_select().is_err());
    println!("select_timeout is_err: {}", sel.select_timeout(Duration::from_millis(20)).is_err());

    // A message from another thread wakes a blocked select.
    let h = thread::spawn(move || {
        thread::sleep(Duration::from_millis(20));
        tx1.send(7).unwrap();
    });
    let oper = sel.select();
    let i = oper.index();
    println!("woken by index {}: {:?}", i, oper.recv(&rx1));
    h.join().unwrap();

    // tx1 is gone: receiving from rx1 is ready with an error.
    let oper = sel.select();
    println!("index {} after disconnect: {:?}", oper.index(), oper.recv(&rx1));

    // Send operations: a full bounded channel is not ready, an empty one is.
    let (full_tx, full_rx) = bounded::<i32>(1);
    full_tx.send(1).unwrap();
    let (free_tx, free_rx) = bounded::<i32>(1);
    let mut sel = Select::new();
    let a = sel.send(&full_tx);
    let b = sel.send(&free_tx);
    let oper = sel.select();
    if oper.index() == b {
        println!("send to the free channel: {:?}", oper.send(&free_tx, 42));
    } else {
        println!("unexpected index {} (a = {})", oper.index(), a);
    }
    println!("free_rx got {:?}, full_rx has {:?}", free_rx.recv(), full_rx.try_recv());

    // ready(): an index whose operation would not block; the caller performs it.
    let (t3, r3) = unbounded::<u8>();
    let rs: Vec<Receiver<u8>> = vec![r3.clone(), r3];
    t3.send(5).unwrap();
    let mut sel = Select::new();
    for r in &rs {
        sel.recv(r);
    }
    let i = sel.ready();
    println!("ready index {} holds {:?}", i < 2, rs[i].try_recv());
    println!("try_ready now: {:?}", sel.try_ready().is_err());

    // remove(): the removed operation is never chosen again.
    let (t4, r4) = unbounded::<i32>();
    let (t5, r5) = unbounded::<i32>();
    t4.send(1).unwrap();
    t5.send(2).unwrap();
    let mut sel = Select::new();
    let i4 = sel.recv(&r4);
    let i5 = sel.recv(&r5);
    sel.remove(i4);
    let oper = sel.select();
    println!("after remove: index {} = i5 {}, got {:?}", oper.index(), oper.index() == i5, oper.recv(&r5));
    println!("r4 still holds {:?}", r4.try_recv());
    drop(t4);
    drop(t5);
}
