// Bounded stress test: 4 producers x 10^4 messages through a sync_channel(16), one consumer;
// senders block when the buffer is full.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<u64>(16);
    let mut hs = Vec::new();
    for p in 0..4u64 {
        let tx = tx.clone();
        hs.push(thread::spawn(move || {
            let mut local = 0u64;
            for i in 0..10_000u64 {
                let v = p * 10_000 + i;
                local += v;
                tx.send(v).unwrap();
            }
            local
        }));
    }
    drop(tx);
    let mut count = 0u64;
    let mut sum = 0u64;
    for v in rx.iter() {
        count += 1;
        sum += v;
    }
    let sent: u64 = hs.into_iter().map(|h| h.join().unwrap()).sum();
    println!("count = {count}");
    println!("sum = {sum}, sent = {sent}, equal: {}", sum == sent);
}
