// not-rust
// A panic inside a `select!` branch of a spawned task: reported once, as tokio reports a
// task's panic (the worker thread's name, the panic's own location), and the task's
// JoinHandle gives a JoinError with the message; the other branch was dropped.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn fails(n: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(5)).await;
    if n > 1 {
        panic!("branch failed with {n}");
    }
    n
}

#[tokio::main]
async fn main() {
    let h = tokio::spawn(async {
        let _g = Noisy("the task's guard");
        tokio::select! {
            v = fails(7) => v,
            _ = async {
                let _g = Noisy("the other branch");
                tokio::time::sleep(Duration::from_secs(1)).await;
            } => 0,
        }
    });
    let r = h.await;
    match r {
        Ok(v) => println!("ok {v}"),
        Err(e) => println!("is_panic: {}", e.is_panic()),
    }
    let t = tokio::time::timeout(Duration::from_secs(2), async { fails(1).await + 1 }).await;
    println!("{t:?}");
}
