// SendError carries the unsent value: `.0` gives it back; its texts are std's.
use std::sync::mpsc::{self, SendError, TrySendError};

#[derive(Debug)]
struct Job {
    id: u32,
    name: String,
}

fn main() {
    let (tx, rx) = mpsc::channel();
    drop(rx);
    let err: SendError<Job> = tx.send(Job { id: 7, name: "report".to_string() }).unwrap_err();
    println!("{err}");
    println!("{err:?}");
    let job = err.0;
    println!("recovered {:?} (id {}, {})", job, job.id, job.name);

    let (stx, srx) = mpsc::sync_channel(1);
    stx.try_send(1u8).unwrap();
    let full = stx.try_send(2).unwrap_err();
    println!("{full} / {full:?}");
    if let TrySendError::Full(v) = full {
        println!("full gave back {v}");
    }
    drop(srx);
    match stx.try_send(3) {
        Err(TrySendError::Disconnected(v)) => println!("disconnected gave back {v}"),
        other => println!("{:?}", other),
    }
    let boxed: Box<dyn std::error::Error> = Box::new(SendError(5));
    println!("as error: {boxed}");
}
