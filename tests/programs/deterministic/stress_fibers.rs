// not-rust
// bounded stress under the deterministic scheduler: 200 threads, each with its
// own slices and yields; every result arrives exactly once, and the run repeats exactly.
use std::thread;

fn main() {
    let handles: Vec<_> = (0..200u64)
        .map(|id| {
            thread::spawn(move || {
                let mut acc = 0u64;
                for k in 0..100 {
                    acc += (id * 7 + k) % 13;
                    if k % 25 == 0 {
                        thread::yield_now();
                    }
                }
                (id, acc)
            })
        })
        .collect();
    let mut seen = vec![0u32; 200];
    let mut total = 0;
    for h in handles {
        let (id, acc) = h.join().unwrap();
        seen[id as usize] += 1;
        total += acc;
    }
    println!("each once: {}", seen.iter().all(|&n| n == 1));
    println!("total {total}");
}
