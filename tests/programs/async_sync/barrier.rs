// not-rust
// tokio::sync::Barrier: wait().await returns once n tasks wait, exactly one of each group is
// the leader, and the barrier is reused round after round (no task passes a round before the
// whole group arrived); a barrier of 1 (or 0) never waits.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Barrier;

#[tokio::main]
async fn main() {
    let n = 4;
    let rounds = 3;
    let barrier = Arc::new(Barrier::new(n));
    let arrived = Arc::new(AtomicUsize::new(0));
    let leaders = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..n {
        let (barrier, arrived, leaders) = (barrier.clone(), arrived.clone(), leaders.clone());
        tasks.push(tokio::spawn(async move {
            let mut early = 0;
            for round in 0..rounds {
                arrived.fetch_add(1, Ordering::SeqCst);
                let r = barrier.wait().await;
                if arrived.load(Ordering::SeqCst) < n * (round + 1) {
                    early += 1;
                }
                if r.is_leader() {
                    leaders.fetch_add(1, Ordering::SeqCst);
                }
                tokio::task::yield_now().await;
            }
            early
        }));
    }
    let mut early = 0;
    for t in tasks {
        early += t.await.unwrap();
    }
    println!("arrivals {}, leaders {}, passed early {}", arrived.load(Ordering::SeqCst), leaders.load(Ordering::SeqCst), early);
    let alone = Barrier::new(1);
    println!("{} {}", alone.wait().await.is_leader(), Barrier::new(0).wait().await.is_leader());
}
