// not-rust
// Dropping a TaskGroup before `join_all` aborts the children still running: each stops at
// its next await point and its values are dropped (Drop impls run). A child that already
// ended is not affected; `abort_all` does the same without dropping the group.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[tokio::main]
async fn main() {
    let mut group = TaskGroup::new();
    group.spawn(async {
        let _n = Noisy("quick child");
        1
    });
    group.spawn(async {
        let _n = Noisy("slow child");
        tokio::time::sleep(Duration::from_secs(60)).await;
        println!("never printed");
        2
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("dropping the group");
    drop(group);
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("after the drop");

    let mut group = TaskGroup::new();
    group.spawn(async {
        let _n = Noisy("aborted child");
        tokio::time::sleep(Duration::from_secs(60)).await;
        0
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    group.abort_all();
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("after abort_all: {} child not joined", group.len());
}
