// not-rust
// A Semaphore permit is given back when it dies: `drop(p)`, the end of its scope, or a
// temporary permit at the end of its statement.
use std::sync::Arc;
use tokio::sync::Semaphore;

#[tokio::main]
async fn main() {
    let sem = Arc::new(Semaphore::new(2));
    let held = sem.clone().acquire_owned().await.unwrap();
    println!("held one: {}", sem.available_permits());
    drop(held);
    println!("dropped it: {}", sem.available_permits());
    {
        let _a = sem.acquire().await.unwrap();
        let _b = sem.acquire().await.unwrap();
        println!("in the scope: {}", sem.available_permits());
    }
    println!("after the scope: {}", sem.available_permits());
    let _ = sem.acquire_many(2).await.unwrap();
    println!("after a temporary: {}", sem.available_permits());
    let p = sem.try_acquire().unwrap();
    p.forget();
    println!("after forget: {}", sem.available_permits());
}
