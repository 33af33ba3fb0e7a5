// not-rust
// Cancelling the task that awaits a nursery cancels the nursery: its body and children stop
// at their next await point and unwind, and the task ends only after all of them did (Trio:
// a nursery never outlives its children).
use std::sync::Mutex;
use std::time::Duration;

static DROPPED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        DROPPED.lock().unwrap().push(self.0);
    }
}

fn dropped() -> Vec<&'static str> {
    let mut v = std::mem::take(&mut *DROPPED.lock().unwrap());
    v.sort();
    v
}

#[tokio::main]
async fn main() {
    let h = tokio::spawn(async {
        nursery(|n| async move {
            n.spawn(async {
                let _n = Noisy("a child");
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
            n.spawn(async {
                let _n = Noisy("another child");
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
            let _b = Noisy("the body");
            tokio::time::sleep(Duration::from_secs(60)).await;
        })
        .await
    });
    // (The children are parked in their sleeps when the abort comes: a child still running at
    // that moment may unwind after the task ended, docs/LANGUAGE.md 9.2 "Nursery cancellation".)
    tokio::time::sleep(Duration::from_millis(10)).await;
    h.abort();
    let cancelled = h.await.unwrap_err().is_cancelled();
    println!("cancelled: {}; already dropped: {:?}", cancelled, dropped());
}
