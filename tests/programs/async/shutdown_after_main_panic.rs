// not-rust
// When `async fn main` panics, tokio's runtime is dropped while the panic unwinds: main's
// locals drop first, then every task still spawned (tokio's docs for `Runtime`'s drop).
// Expected output reasoned from that documented behaviour: rustc cannot build tokio here.
use std::time::Duration;
struct G(&'static str);
impl Drop for G {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
#[tokio::main]
async fn main() {
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let _g = G("task");
        tx.send(()).unwrap();
        tokio::time::sleep(Duration::from_secs(3600)).await;
    });
    rx.await.unwrap();
    let _m = G("main local");
    println!("before panic");
    panic!("boom");
}
