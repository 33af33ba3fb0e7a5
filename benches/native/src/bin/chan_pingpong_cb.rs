//! Channels benchmark 1 with crossbeam-channel: ping-pong between two threads over two
//! unbounded channels, as the std version (`benches/chan_pingpong.rs`).
use crossbeam_channel::unbounded;
use std::thread;

fn main() {
    let n: u64 = std::env::args().nth(1).map(|a| a.parse().unwrap()).unwrap_or(100_000);
    let (ping_tx, ping_rx) = unbounded::<u64>();
    let (pong_tx, pong_rx) = unbounded::<u64>();
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
