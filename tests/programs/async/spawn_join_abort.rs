// not-rust
// spawn, awaiting JoinHandles, abort (the task's Drop impls run, the handle gives a
// cancelled JoinError), is_finished, a panicking task, yield_now, 200 tasks.
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static STARTED: AtomicBool = AtomicBool::new(false);

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[tokio::main]
async fn main() {
    let h = tokio::spawn(async { 6 * 7 });
    println!("{:?}", h.await);

    let h = tokio::spawn(async {
        let _n = Noisy("guard of the aborted task");
        STARTED.store(true, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_secs(30)).await;
        println!("never printed");
    });
    // (Until the task holds its `Noisy`: a loaded machine may not have started it yet.)
    while !STARTED.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    println!("finished before abort: {}", h.is_finished());
    h.abort();
    match h.await {
        Ok(()) => println!("completed?"),
        Err(e) => println!("cancelled: {} panic: {}", e.is_cancelled(), e.is_panic()),
    }

    let p = tokio::spawn(async {
        if 1 + 1 == 2 {
            panic!("task failed");
        }
        5
    });
    let e = p.await.unwrap_err();
    println!("panicked: {} cancelled: {}", e.is_panic(), e.is_cancelled());

    let mut hs = Vec::new();
    for i in 0..200u64 {
        hs.push(tokio::spawn(async move {
            tokio::task::yield_now().await;
            i * i
        }));
    }
    let mut sum = 0;
    for h in hs {
        sum += h.await.unwrap();
    }
    println!("sum of squares: {sum}");
    let done = tokio::spawn(async {});
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("finished: {}", done.is_finished());
}
