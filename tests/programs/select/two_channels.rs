// not-rust
// select! over two channels (crossbeam-channel's syntax, built into TERAS): each message is
// taken by the arm of the channel it arrived on; a disconnected channel is ready with Err.
use std::sync::mpsc;

fn main() {
    let (tx1, rx1) = mpsc::channel();
    let (tx2, rx2) = mpsc::channel();
    tx1.send(1).unwrap();
    for _ in 0..2 {
        select! {
            recv(rx1) -> msg => println!("rx1: {:?}", msg),
            recv(rx2) -> msg => println!("rx2: {:?}", msg),
            default => println!("nothing ready"),
        }
        tx2.send("two").unwrap();
    }
    println!("rx2 directly: {:?}", rx2.recv());
    drop(tx1);
    // Only rx1 is ready (disconnected); rx2 is empty but its sender lives.
    select! {
        recv(rx1) -> msg => println!("rx1 after drop: {:?}", msg),
        recv(rx2) -> msg => println!("rx2: {:?}", msg),
    }
    // Both ready: one is chosen at random; either way the sum is the same.
    let (a_tx, a_rx) = mpsc::channel();
    let (b_tx, b_rx) = mpsc::channel();
    a_tx.send(10).unwrap();
    b_tx.send(20).unwrap();
    let mut total = 0;
    for _ in 0..2 {
        select! {
            recv(a_rx) -> v => total += v.unwrap(),
            recv(b_rx) -> v => total += v.unwrap(),
        }
    }
    println!("total {total}");
}
