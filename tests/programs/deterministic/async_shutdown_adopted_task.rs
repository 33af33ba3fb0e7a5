// not-rust
// A task spawned before main's last await, so the deterministic scheduler adopts it, may still
// not have run when main ends: the runtime's shutdown drops it with what it captured (as tokio
// drops every task's future; the output is the same whether or not it started).
// Expected output reasoned from tokio's documented Runtime drop: rustc cannot build tokio here.
struct G(&'static str);
impl Drop for G {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
#[tokio::main]
async fn main() {
    let g = G("captured");
    tokio::spawn(async move {
        let held = g;
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        println!("never {}", held.0);
    });
    tokio::task::yield_now().await;
    println!("end of main");
}
