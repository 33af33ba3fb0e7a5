// not-rust
// tokio's select! for futures: the first future to finish wins; the losers are cancelled
// and dropped (their Drop impls run) before the winning branch runs; `biased;` and `else`.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn slow(ms: u64, name: &'static str) -> &'static str {
    let _g = Noisy(name);
    tokio::time::sleep(Duration::from_millis(ms)).await;
    name
}

#[tokio::main]
async fn main() {
    tokio::select! {
        v = slow(200, "slow branch") => println!("slow won: {v}"),
        v = slow(5, "fast branch") => println!("fast won: {v}"),
    }
    let n = tokio::select! {
        biased;
        a = async { 1 } => a * 10,
        b = async {
            tokio::time::sleep(Duration::from_millis(5)).await;
            2
        } => b * 100,
    };
    println!("biased: {n}");
    let r = tokio::select! {
        _ = tokio::time::sleep(Duration::from_secs(10)) => "timer",
        s = async { "ready" } => s,
    };
    println!("{r}");
    let crossbeam_style_still_works = {
        let (tx, rx) = std::sync::mpsc::channel::<i32>();
        tx.send(4).unwrap();
        select! {
            recv(rx) -> m => m.unwrap(),
        }
    };
    println!("channel select: {crossbeam_style_still_works}");
}
