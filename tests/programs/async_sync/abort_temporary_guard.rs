// not-rust
// A task stopped while a statement's *temporary* tokio Mutex guard is alive releases the lock
// when its frames are torn down, as a `let`-bound guard is: an aborted task (JoinHandle::abort)
// inside an awaited call that borrows the guard (`f(&mut *m.lock().await).await`) and inside
// `r.lock().await.recv().await`; a select! branch dropped while its temporary guard lives; a
// timeout that expires; a task panicking. After each, another task or main locks again.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, Mutex};
use tokio::time::{sleep, timeout, Duration};

static BUMPED: AtomicUsize = AtomicUsize::new(0);

async fn bump_then_wait(x: &mut i32) {
    *x += 1;
    BUMPED.fetch_add(1, Ordering::SeqCst);
    sleep(Duration::from_millis(10_000)).await;
}

async fn bump_then_panic(x: &mut i32) {
    *x += 100;
    sleep(Duration::from_millis(1)).await;
    panic!("gave up while holding the lock");
}

#[tokio::main]
async fn main() {
    let m = Arc::new(Mutex::new(0));
    let m2 = m.clone();
    let t = tokio::spawn(async move {
        bump_then_wait(&mut *m2.lock().await).await;
        println!("never");
    });
    // (Until the task holds the lock: a loaded machine may not have started it yet.)
    while BUMPED.load(Ordering::SeqCst) < 1 {
        sleep(Duration::from_millis(1)).await;
    }
    t.abort();
    println!("aborted: {}", t.await.unwrap_err().is_cancelled());
    println!("value after abort: {}", *m.lock().await);

    let (tx, rx) = mpsc::channel::<i32>(4);
    let rx = Arc::new(Mutex::new(rx));
    let rx2 = rx.clone();
    let t = tokio::spawn(async move {
        let v = rx2.lock().await.recv().await;
        println!("never {:?}", v);
    });
    sleep(Duration::from_millis(20)).await;
    t.abort();
    let _ = t.await;
    tx.send(7).await.unwrap();
    println!("received after abort: {:?}", rx.lock().await.recv().await);

    let m3 = m.clone();
    tokio::select! {
        _ = bump_then_wait(&mut *m3.lock().await) => println!("never"),
        _ = sleep(Duration::from_millis(20)) => println!("select: the sleep won"),
    }
    println!("value after select: {}", *m.lock().await);

    let r = timeout(Duration::from_millis(20), async { bump_then_wait(&mut *m.lock().await).await }).await;
    println!("timed out: {}", r.is_err());
    println!("value after timeout: {}", *m.lock().await);

    let m4 = m.clone();
    let t = tokio::spawn(async move {
        bump_then_panic(&mut *m4.lock().await).await;
    });
    println!("panicked: {}", t.await.unwrap_err().is_panic());
    let waiter = {
        let m = m.clone();
        tokio::spawn(async move { *m.lock().await += 1000 })
    };
    waiter.await.unwrap();
    println!("value at the end: {}", *m.lock().await);
}
