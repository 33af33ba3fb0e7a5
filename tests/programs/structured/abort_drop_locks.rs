// not-rust
// An aborted task's Drop locks a std Mutex that main polls in a while condition holding
// the guard in a block: the guard is released each round, so the Drop gets the lock.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

static STARTED: AtomicBool = AtomicBool::new(false);
static DROPPED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

struct Noisy;
impl Drop for Noisy {
    fn drop(&mut self) {
        DROPPED.lock().unwrap().push("noisy");
    }
}

#[tokio::main]
async fn main() {
    let h = tokio::spawn(async {
        let _n = Noisy;
        STARTED.store(true, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_secs(60)).await;
    });
    // (Until the task holds its `Noisy`: a loaded machine may not have started it yet.)
    while !STARTED.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    h.abort();
    while { let l = DROPPED.lock().unwrap(); l.is_empty() } {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    println!("{:?}", DROPPED.lock().unwrap());
}
