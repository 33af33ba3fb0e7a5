// The element type of a channel is inferred from its uses, as rustc does (200 is a u8 here).
use std::sync::mpsc;
fn main() {
    let (tx, rx) = mpsc::channel();
    tx.send(200).unwrap();
    let x: u8 = rx.recv().unwrap();
    println!("{}", x.checked_add(100).is_none());
    let (tx, rx) = mpsc::sync_channel(1);
    tx.send(5u8).unwrap();
    let y = rx.recv().unwrap();
    println!("{:?}", y.checked_add(251));
    let (tx, rx) = mpsc::channel();
    tx.send(3000000000).unwrap();
    let z: u64 = rx.recv().unwrap();
    println!("{}", z);
    let (tx, rx) = mpsc::channel();
    for v in [1.5f32, 2.25] { tx.send(v).unwrap(); }
    drop(tx);
    let s: f32 = rx.iter().sum();
    println!("{}", s / 3.0);
}
