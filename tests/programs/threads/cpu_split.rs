// A CPU-bound job split over threads with `thread::scope`: each thread sums its own chunk
// of a borrowed slice; the total does not depend on the number of threads.
use std::thread;

fn checksum(xs: &[u64]) -> u64 {
    let mut acc = 0u64;
    for &x in xs {
        acc = (acc * 31 + x) % 1_000_003;
    }
    acc
}

fn main() {
    let data: Vec<u64> = (0..20_000).map(|i| (i * i) % 997).collect();
    for threads in [1, 2, 4] {
        let chunk = data.len() / threads;
        let sums: Vec<u64> = thread::scope(|s| {
            let handles: Vec<_> = data.chunks(chunk).map(|c| s.spawn(move || c.iter().sum::<u64>())).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let total: u64 = sums.iter().sum();
        println!("{threads} thread(s): {} parts, total {total}", sums.len());
    }
    let parts: Vec<u64> = thread::scope(|s| {
        let hs: Vec<_> = data.chunks(5_000).map(|c| s.spawn(move || checksum(c))).collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!("{:?}", parts);
}
