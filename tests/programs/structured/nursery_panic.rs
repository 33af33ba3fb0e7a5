// not-rust
// A panicking child cancels its siblings (their Drop impls run) and the panic is raised
// again from the nursery, in the task that awaits it.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[tokio::main]
async fn main() {
    let _: () = nursery(|n| async move {
        n.spawn(async {
            let _n = Noisy("the sibling");
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
        n.spawn(async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            panic!("the worker broke");
        });
        tokio::time::sleep(Duration::from_secs(60)).await;
    })
    .await;
    println!("never printed");
}
