// not-rust
// A nursery dropped unfinished (the losing branch of a `select!`, a `timeout` that elapsed)
// cancels its children and waits for them to unwind (their Drop impls run, their guards are
// released) before the `select!` or `timeout` completes: the nursery never outlives its
// children, however it is cancelled.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

static LOG: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        LOG.lock().unwrap().push(format!("drop {}", self.0));
    }
}

fn log() -> Vec<String> {
    let mut v = std::mem::take(&mut *LOG.lock().unwrap());
    v.sort();
    v
}

async fn worker(name: &'static str, lock: Arc<Mutex<u32>>) {
    let _n = Noisy(name);
    let mut g = lock.lock().await;
    *g += 1;
    // Still holding the guard when cancelled.
    tokio::time::sleep(Duration::from_secs(60)).await;
    println!("never printed");
}

#[tokio::main]
async fn main() {
    let lock = Arc::new(Mutex::new(0u32));
    let l = lock.clone();
    let r = tokio::select! {
        biased;
        _ = nursery(|n| async move {
            n.spawn(worker("child 1", l.clone()));
            n.spawn(worker("child 2", l.clone()));
            let _b = Noisy("the body");
            tokio::time::sleep(Duration::from_secs(60)).await;
        }) => "the nursery",
        _ = tokio::time::sleep(Duration::from_millis(30)) => "the timer",
    };
    println!("select! gave {}; already {:?}", r, log());
    // Both children had taken the lock, and released it when they unwound.
    let g = lock.try_lock().expect("free");
    println!("lock counter {} (one child held it, the other waited), free again", *g);
    drop(g);

    // The same through a timeout.
    let l = lock.clone();
    let r = tokio::time::timeout(
        Duration::from_millis(20),
        nursery(|n| async move {
            n.spawn(worker("child 3", l.clone()));
            tokio::time::sleep(Duration::from_secs(60)).await;
        }),
    )
    .await;
    println!("timeout: {:?}; already {:?}; lock free: {}", r.is_err(), log(), lock.try_lock().is_ok());

    // A seed-style nursery (`Nursery::new()`) held by the losing branch.
    let r = tokio::select! {
        biased;
        _ = async {
            let n = Nursery::new();
            n.spawn(async {
                let _n = Noisy("child 4");
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
            n.wait_all::<()>().await
        } => "wait_all",
        _ = tokio::time::sleep(Duration::from_millis(10)) => "the timer",
    };
    println!("select! gave {}; already {:?}", r, log());
}
