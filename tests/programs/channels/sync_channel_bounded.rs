// A bounded channel: try_send reports Full at capacity; a blocked send goes on once the
// receiver makes room.
use std::sync::mpsc::{self, TrySendError};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel(2);
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    match tx.try_send(3) {
        Err(TrySendError::Full(v)) => println!("full, got {v} back"),
        other => println!("unexpected {:?}", other),
    }
    let t = thread::spawn(move || {
        // Blocks until main receives.
        tx.send(3).unwrap();
        tx.send(4).unwrap();
        "sender done"
    });
    let mut got = Vec::new();
    for v in rx {
        got.push(v);
    }
    println!("{:?}", got);
    println!("{}", t.join().unwrap());
}
