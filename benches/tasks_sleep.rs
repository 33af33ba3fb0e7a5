// not-rust
// Async benchmark 2 (issue 5, item 8): N tasks each sleeping 10 ms (the executor's timer
// heap), all awaited. The ideal wall time is 10 ms plus the spawning.
use std::time::Duration;

#[tokio::main]
async fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100000);
    let mut hs = Vec::with_capacity(n as usize);
    for i in 0..n {
        hs.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            i & 1
        }));
    }
    let mut sum = 0u64;
    for h in hs {
        sum += h.await.unwrap();
    }
    println!("{sum}");
}
