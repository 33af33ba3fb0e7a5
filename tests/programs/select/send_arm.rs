// not-rust
// select! with a send arm: the message is evaluated only when the arm is chosen; a full
// bounded channel makes the send arm wait, so the receive arm wins.
use std::sync::mpsc;

fn message(n: i32) -> i32 {
    println!("evaluating message {n}");
    n
}

fn main() {
    let (tx, rx) = mpsc::sync_channel(1);
    let (other_tx, other_rx) = mpsc::channel();
    select! {
        send(tx, message(1)) -> res => println!("sent: {:?}", res),
        recv(other_rx) -> msg => println!("received {:?}", msg),
    }
    other_tx.send("hello").unwrap();
    // The buffer is full now: only the receive can go on.
    select! {
        send(tx, message(2)) -> res => println!("sent: {:?}", res),
        recv(other_rx) -> msg => println!("received {:?}", msg),
    }
    println!("{:?}", rx.recv());
    drop(rx);
    select! {
        send(tx, message(3)) -> res => match res {
            Ok(()) => println!("sent"),
            Err(e) => println!("send failed: {e}, value {}", e.0),
        },
    }
}
