// `rx.recv().unwrap()` and `tx.send(v).unwrap()` run as one fused call that builds no
// `Result` (`Instr::CallSiteUnwrap`); when the channel fails after many successful calls,
// the panic is still Rust's: its message, at the `.unwrap()`'s line and column.
use std::sync::mpsc;
use std::thread;

fn main() {
    // A receiver that takes every message, then finds the sender gone.
    let (tx, rx) = mpsc::sync_channel::<u64>(8);
    let h = thread::spawn(move || {
        let mut sum = 0;
        loop {
            sum += rx.recv().unwrap();
            if sum == u64::MAX {
                break;
            }
        }
    });
    for i in 0..100 {
        tx.send(i).unwrap();
    }
    drop(tx);
    println!("receiver panicked: {}", h.join().is_err());

    // A sender whose receiver goes away after 50 messages.
    let (tx, rx) = mpsc::sync_channel::<u64>(4);
    thread::spawn(move || {
        let mut sum = 0u64;
        for _ in 0..50 {
            sum += rx.recv().unwrap();
        }
        println!("received 50, sum {}", sum);
    });
    let mut i = 0u64;
    loop {
        tx.send(i).unwrap();
        i += 1;
    }
}
