//! Channels benchmark 2 with crossbeam-channel: N integers through `bounded(1024)`, as the
//! std version (`benches/chan_throughput.rs`).
use crossbeam_channel::bounded;
use std::thread;

fn main() {
    let n: u64 = std::env::args().nth(1).map(|a| a.parse().unwrap()).unwrap_or(10_000_000);
    let (tx, rx) = bounded::<u64>(1024);
    let h = thread::spawn(move || {
        for i in 0..n {
            tx.send(i).unwrap();
        }
    });
    let mut sum = 0u64;
    for _ in 0..n {
        sum += rx.recv().unwrap();
    }
    h.join().unwrap();
    println!("chan_throughput({}) = {}", n, sum);
}
