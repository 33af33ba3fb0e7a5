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
    // Each of the three says when it holds its `Noisy` (before its first await point), so the
    // abort comes when all three exist, however loaded the machine is.
    let (ready, mut all_ready) = tokio::sync::mpsc::unbounded_channel::<()>();
    let h = tokio::spawn(async move {
        nursery(|n| async move {
            let r = ready.clone();
            n.spawn(async move {
                let _n = Noisy("a child");
                r.send(()).unwrap();
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
            let r = ready.clone();
            n.spawn(async move {
                let _n = Noisy("another child");
                r.send(()).unwrap();
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
            let _b = Noisy("the body");
            ready.send(()).unwrap();
            tokio::time::sleep(Duration::from_secs(60)).await;
        })
        .await
    });
    for _ in 0..3 {
        all_ready.recv().await.unwrap();
    }
    h.abort();
    let cancelled = h.await.unwrap_err().is_cancelled();
    println!("cancelled: {}; already dropped: {:?}", cancelled, dropped());
}
