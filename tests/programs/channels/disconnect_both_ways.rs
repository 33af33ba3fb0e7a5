// Dropping every sender ends the receiver (after it drained what was sent); dropping the
// receiver makes sends fail and gives the value back.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    let h = thread::spawn(move || {
        for i in 0..3 {
            tx.send(i).unwrap();
        }
        // tx is dropped here: the receiver drains 0, 1, 2 and then sees the end.
    });
    h.join().unwrap();
    let got: Vec<i32> = rx.iter().collect();
    println!("drained {:?}", got);
    println!("then {:?}", rx.recv());

    let (tx, rx) = mpsc::channel::<String>();
    drop(rx);
    match tx.send(String::from("lost")) {
        Ok(()) => println!("sent?"),
        Err(e) => println!("send failed: {e}; value back: {}", e.0),
    }

    let (tx, rx) = mpsc::sync_channel::<Vec<i32>>(1);
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let h = thread::spawn(move || {
        let r = tx.send(vec![1, 2, 3]);
        // The second send waits until the receiver is gone, so it fails for sure.
        go_rx.recv().unwrap();
        let r2 = tx.send(vec![4, 5]);
        (r.is_ok(), r2.map_err(|e| e.0))
    });
    let first = rx.recv().unwrap();
    drop(rx);
    go_tx.send(()).unwrap();
    let (ok, second) = h.join().unwrap();
    println!("first {:?}, first send ok: {ok}, second: {:?}", first, second);
}
