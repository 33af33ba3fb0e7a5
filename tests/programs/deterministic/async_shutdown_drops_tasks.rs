// not-rust
// When `async fn main` returns, tokio's runtime shuts down and drops every task still
// spawned (tokio's docs for `Runtime`'s drop: the spawned tasks are dropped; a task's future
// is dropped where it waits, so the values it holds drop then, innermost frame first).
// Expected output reasoned from that documented behaviour: rustc cannot build tokio
// programs here. One task is left at the end, so the order of the lines is fixed.
use std::time::Duration;

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn nap(ready: tokio::sync::oneshot::Sender<()>) {
    let _inner = Guard("inner frame");
    ready.send(()).unwrap();
    tokio::time::sleep(Duration::from_secs(3600)).await;
    println!("never printed");
}

#[tokio::main]
async fn main() {
    let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let _outer = Guard("outer");
        let _second = Guard("second");
        nap(ready_tx).await;
        println!("never printed either");
    });
    ready_rx.await.unwrap();
    let finished = tokio::spawn(async {
        let _g = Guard("finished");
        7
    });
    println!("finished task gave {}", finished.await.unwrap());
    println!("end of main");
}
