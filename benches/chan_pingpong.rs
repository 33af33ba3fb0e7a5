// Channels benchmark 1: ping-pong between two threads over two channels, N round trips
// (10^5 by default). Measures the latency of a blocking send/recv pair and the wake-up of the
// other thread. The count is read at run time (first argument).
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
    let n = arg_or(100_000);
    let (ping_tx, ping_rx) = mpsc::channel::<u64>();
    let (pong_tx, pong_rx) = mpsc::channel::<u64>();
    let h = thread::spawn(move || {
        for _ in 0..n {
            let v = ping_rx.recv().unwrap();
            pong_tx.send(v + 1).unwrap();
        }
    });
    let mut v = 0u64;
    for _ in 0..n {
        ping_tx.send(v).unwrap();
        v = pong_rx.recv().unwrap();
    }
    h.join().unwrap();
    println!("chan_pingpong({}) = {}", n, v);
}
