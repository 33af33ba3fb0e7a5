// Bounded stress test: 4 producers x 10^4 messages through one channel; nothing lost or
// duplicated (count, sum and per-producer order checked).
use std::sync::mpsc;
use std::thread;

const PER: u64 = 10_000;

fn main() {
    let (tx, rx) = mpsc::channel();
    for p in 0..4u64 {
        let tx = tx.clone();
        thread::spawn(move || {
            for i in 0..PER {
                tx.send(p * PER + i).unwrap();
            }
        });
    }
    drop(tx);
    let mut count = 0u64;
    let mut sum = 0u64;
    let mut last = [None::<u64>; 4];
    let mut in_order = true;
    for v in rx {
        count += 1;
        sum += v;
        let p = (v / PER) as usize;
        if let Some(prev) = last[p] {
            if prev >= v {
                in_order = false;
            }
        }
        last[p] = Some(v);
    }
    let n = 4 * PER;
    println!("count = {count} (expected {n})");
    println!("sum = {sum} (expected {})", n * (n - 1) / 2);
    println!("per-producer order kept: {in_order}");
}
