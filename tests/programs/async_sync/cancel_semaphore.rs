// not-rust
// A semaphore acquire cancelled by a timeout gives its place back: once the held permit is
// dropped, the permit is available again (not handed to the cancelled waiter).
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::timeout;

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(1));
    let held = sem.clone().acquire_owned().await.unwrap();
    let s2 = sem.clone();
    let r = timeout(Duration::from_millis(5), async move { s2.acquire_many(1).await.map(|_| ()) }).await;
    println!("acquire timed out: {}", r.is_err());
    drop(held);
    println!("permits after the cancelled acquire: {}", sem.available_permits());
}
