// not-rust
// The seed's shapes (H-07, "Async Structured Concurrency"): `async fn spawn` awaited,
// `join_all` giving `Vec<T>`, and a nursery body written as the seed's signature asks,
// `FnOnce(&mut Nursery) -> Pin<Box<dyn Future<Output = R> + Send>>`.
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

async fn fetch(id: u32) -> String {
    tokio::time::sleep(Duration::from_millis(u64::from(30 - id * 10))).await;
    format!("page {id}")
}

fn crawl(n: &mut Nursery) -> Pin<Box<dyn Future<Output = usize> + Send>> {
    for id in 0..3 {
        n.spawn(async move {
            let page = fetch(id).await;
            assert!(page.starts_with("page"));
        });
    }
    Box::pin(async move { 3 })
}

#[tokio::main]
async fn main() {
    let mut group: TaskGroup<String> = TaskGroup::new();
    for id in 0..3 {
        group.spawn(fetch(id)).await;
    }
    let pages: Vec<String> = group.join_all().await;
    println!("{:?}", pages);

    let started = nursery(crawl).await;
    println!("the nursery started {} children and waited for all of them", started);

    let total = nursery(|n: &mut Nursery| {
        n.spawn(async { tokio::task::yield_now().await });
        Box::pin(async move { 1 + 1 })
    })
    .await;
    println!("{}", total);
}
