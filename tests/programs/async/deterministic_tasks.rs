// not-rust
// Under --deterministic (TERAS_SEED in .env) tasks are fibers of the seeded scheduler on a
// virtual clock: the interleaving of these prints is the same on every run, and a program
// that sleeps for an hour ends at once.
use std::time::Duration;

async fn worker(id: u32, ms: u64) -> u32 {
    for step in 0..3 {
        println!("worker {id} step {step}");
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    id * 10
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(worker(1, 7));
    let b = tokio::spawn(worker(2, 5));
    let c = tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        "an hour later"
    });
    println!("{:?} {:?} {:?}", a.await, b.await, c.await);
}
