// not-rust
// A task spawned just before `async fn main` returns may not have started when the runtime
// shuts down; tokio then drops its future, and with it the values its `async move` block
// captured (tokio's docs for `Runtime`'s drop: every spawned task is dropped). If a worker
// did start it, it waits in `sleep` and is dropped there: the output is the same.
// Expected output reasoned from that documented behaviour: rustc cannot build tokio here.
use std::time::Duration;

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[tokio::main]
async fn main() {
    let g = Guard("captured by the task");
    tokio::spawn(async move {
        let held = g;
        tokio::time::sleep(Duration::from_secs(3600)).await;
        println!("never printed {}", held.0);
    });
    println!("end of main");
}
