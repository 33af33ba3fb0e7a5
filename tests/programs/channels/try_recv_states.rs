// try_recv: Ok, Empty while a sender lives, Disconnected once it is gone and the queue is
// drained; the Display and Debug texts of the errors.
use std::sync::mpsc::{self, TryRecvError};

fn main() {
    let (tx, rx) = mpsc::channel();
    println!("{:?}", rx.try_recv());
    tx.send('a').unwrap();
    tx.send('b').unwrap();
    println!("{:?}", rx.try_recv());
    drop(tx);
    println!("{:?}", rx.try_recv());
    match rx.try_recv() {
        Ok(c) => println!("got {c}"),
        Err(TryRecvError::Empty) => println!("empty"),
        Err(TryRecvError::Disconnected) => println!("disconnected"),
    }
    println!("{}", TryRecvError::Empty);
    println!("{}", TryRecvError::Disconnected);
    let e = rx.recv().unwrap_err();
    println!("{} / {:?}", e, e);
    let items: Vec<char> = rx.try_iter().collect();
    println!("{:?}", items);
}
