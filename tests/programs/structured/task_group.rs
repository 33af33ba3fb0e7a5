// not-rust
// TaskGroup (the seed's H-07 sketch): children spawned with or without `.await` on `spawn`,
// joined with `join_all`, whose outputs come in spawn order whatever order the children end in.
use std::time::Duration;

async fn square_later(i: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(10 * (5 - i))).await;
    i * i
}

#[tokio::main]
async fn main() {
    let mut group = TaskGroup::new();
    for i in 0..5u64 {
        group.spawn(square_later(i)).await;
    }
    group.spawn(async { 100 });
    println!("{:?}, {} children, empty: {}", group, group.len(), group.is_empty());
    let results = group.join_all().await;
    println!("in spawn order: {:?}", results);

    // Children that share state through an Arc and return strings.
    let total = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut names = TaskGroup::new();
    for name in ["ada", "grace", "barbara"] {
        let total = total.clone();
        names.spawn(async move {
            tokio::task::yield_now().await;
            total.fetch_add(name.len(), std::sync::atomic::Ordering::SeqCst);
            name.to_uppercase()
        });
    }
    let upper: Vec<String> = names.join_all().await;
    println!("{:?}, {} letters", upper, total.load(std::sync::atomic::Ordering::SeqCst));

    let empty: TaskGroup<i32> = TaskGroup::new();
    println!("an empty group joins to {:?}", empty.join_all().await);
}
