// not-rust
// tokio's async Mutex (a counter incremented by spawned tasks; guards released at scope end
// and by drop), RwLock (readers together, a writer alone), Semaphore limiting concurrency
// (never more than 2 tasks inside), Notify (notify_one stores a permit, notify_waiters).
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{Mutex, Notify, RwLock, Semaphore};

#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0u64));
    let mut hs = Vec::new();
    for _ in 0..8 {
        let counter = counter.clone();
        hs.push(tokio::spawn(async move {
            for _ in 0..50 {
                let mut g = counter.lock().await;
                *g += 1;
                tokio::task::yield_now().await;
            }
        }));
    }
    for h in hs {
        h.await.unwrap();
    }
    println!("counter = {}", *counter.lock().await);
    {
        let g = counter.lock().await;
        println!("try_lock while held: {:?}", counter.try_lock().is_err());
        drop(g);
        println!("try_lock after drop: {:?}", counter.try_lock().is_ok());
    }
    let m = Mutex::new(vec![1, 2]);
    m.lock().await.push(3);
    println!("{:?}", m);
    println!("{:?}", m.into_inner());

    let lock = Arc::new(RwLock::new(String::from("v1")));
    let r1 = lock.read().await;
    let r2 = lock.read().await;
    println!("two readers: {} {}", *r1, *r2);
    println!("try_write with readers: {}", lock.try_write().is_err());
    drop(r1);
    drop(r2);
    {
        let mut w = lock.write().await;
        w.push_str("+w");
    }
    println!("after write: {}", *lock.read().await);

    let sem = Arc::new(Semaphore::new(2));
    let inside = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let mut hs = Vec::new();
    for _ in 0..6 {
        let (sem, inside, peak) = (sem.clone(), inside.clone(), peak.clone());
        hs.push(tokio::spawn(async move {
            let _permit = sem.acquire().await.unwrap();
            let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            inside.fetch_sub(1, Ordering::SeqCst);
        }));
    }
    for h in hs {
        h.await.unwrap();
    }
    println!("peak concurrency {} (limit 2), permits back: {}", peak.load(Ordering::SeqCst), sem.available_permits());
    let p = sem.try_acquire().unwrap();
    let q = sem.try_acquire().unwrap();
    println!("{:?}", sem.try_acquire().err());
    drop(p);
    drop(q);
    sem.add_permits(3);
    println!("after add_permits: {}", sem.available_permits());
    sem.close();
    println!("closed acquire: {:?}", sem.acquire().await.err());

    let notify = Arc::new(Notify::new());
    notify.notify_one();
    notify.notified().await;
    println!("the stored permit was used");
    let n2 = notify.clone();
    let waiter = tokio::spawn(async move {
        n2.notified().await;
        "woken"
    });
    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    notify.notify_one();
    println!("{}", waiter.await.unwrap());
    let mut ws = Vec::new();
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(3);
    for i in 0..3 {
        let n = notify.clone();
        let ready = ready_tx.clone();
        ws.push(tokio::spawn(async move {
            let f = n.notified();
            ready.send(()).await.unwrap();
            f.await;
            i
        }));
    }
    for _ in 0..3 {
        ready_rx.recv().await;
    }
    notify.notify_waiters();
    let mut done = Vec::new();
    for w in ws {
        done.push(w.await.unwrap());
    }
    println!("notify_waiters woke {:?}", done);
}
