// sync_channel(0): a send completes only when the receiver took the value, so the two
// threads alternate strictly and the output order is fixed.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel(0);
    let (ack_tx, ack_rx) = mpsc::sync_channel(0);
    let h = thread::spawn(move || {
        for i in 0..3 {
            tx.send(i).unwrap();
            ack_rx.recv().unwrap();
            println!("sender: {i} was taken");
        }
    });
    for _ in 0..3 {
        let v = rx.recv().unwrap();
        println!("receiver: got {v}");
        ack_tx.send(()).unwrap();
    }
    h.join().unwrap();
    // Nobody receives any more: try_send on a rendezvous channel is Full.
    let (tx, _rx) = mpsc::sync_channel::<i32>(0);
    println!("{:?}", tx.try_send(1));
}
