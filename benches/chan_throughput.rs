// Channels benchmark 2: one producer thread sends N integers (10^7 by default) through a
// bounded channel of capacity 1024; the main thread receives and sums them. Measures
// throughput when both sides run in parallel and the buffer is sometimes full or empty.
use std::sync::mpsc;
use std::thread;

fn arg_or(default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<u64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(10_000_000);
    let (tx, rx) = mpsc::sync_channel::<u64>(1024);
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
