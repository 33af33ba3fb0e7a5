// not-rust
// Async benchmark 1 (issue 5, item 8): spawn N tasks, await every JoinHandle, sum the
// outputs. Tasks are fibers on the work-stealing executor. Peak memory per task is
// measured from outside (max RSS, see async_bench.sh). Go: goroutines; native: tokio.
async fn work(i: u64) -> u64 {
    i & 7
}

#[tokio::main]
async fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000000);
    let mut hs = Vec::with_capacity(n as usize);
    for i in 0..n {
        hs.push(tokio::spawn(work(i)));
    }
    let mut sum = 0u64;
    for h in hs {
        sum += h.await.unwrap();
    }
    println!("{sum}");
}
