// Bounded stress: 100 threads each doing some work; every result arrives exactly once.
use std::thread;

fn work(id: u64) -> u64 {
    let mut acc = 0u64;
    for k in 0..200 {
        acc = acc.wrapping_add((id * 31 + k) % 97);
    }
    acc
}

fn main() {
    let handles: Vec<_> = (0..100u64).map(|id| thread::spawn(move || (id, work(id)))).collect();
    let mut seen = vec![false; 100];
    let mut total = 0u64;
    for h in handles {
        let (id, r) = h.join().unwrap();
        assert!(!seen[id as usize], "duplicate result");
        seen[id as usize] = true;
        total += r;
    }
    let expected: u64 = (0..100).map(work).sum();
    println!("all present: {}", seen.iter().all(|&s| s));
    println!("total {total} expected {expected} equal {}", total == expected);
}
