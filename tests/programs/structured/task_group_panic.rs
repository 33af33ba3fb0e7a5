// not-rust
// A panicking child: `join_all` re-raises its panic (after joining the children spawned
// before it), as the seed's `task.await.unwrap()` would panic there.
use std::time::Duration;

#[tokio::main]
async fn main() {
    let mut group = TaskGroup::new();
    group.spawn(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("first child done");
        1
    });
    group.spawn(async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        panic!("child {} failed", 2);
    });
    let results: Vec<i32> = group.join_all().await;
    println!("never printed: {:?}", results);
}
