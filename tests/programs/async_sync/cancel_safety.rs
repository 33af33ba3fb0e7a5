// not-rust
// Cancellation safety: a pending recv dropped by a timeout loses no message; a
// pending lock dropped by timeout gives its queue place back (the next waiter gets the lock)
// (a cancelled semaphore acquire: cancel_semaphore.rs); the seed's CancellationToken shape built on Notify.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Mutex, Notify};
use tokio::time::{sleep, timeout};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    let producer = tokio::spawn(async move {
        for i in 0..20 {
            tx.send(i).await.unwrap();
            if i % 5 == 0 {
                sleep(Duration::from_millis(3)).await;
            }
        }
    });
    let mut got = Vec::new();
    let mut ticks = 0;
    loop {
        match timeout(Duration::from_millis(1), rx.recv()).await {
            Ok(Some(v)) => got.push(v),
            Ok(None) => break,
            Err(_) => ticks += 1,
        }
    }
    producer.await.unwrap();
    println!("recv under timeouts: {} messages in order: {}", got.len(), got.iter().enumerate().all(|(i, v)| *v == i as u32));
    let _ = ticks;

    let (tx, mut rx) = mpsc::channel::<&str>(1);
    println!("timeout on an empty channel: {:?}", timeout(Duration::from_millis(5), rx.recv()).await.is_err());
    tx.send("kept").await.unwrap();
    println!("the next recv still gets: {:?}", rx.recv().await);

    let m = Arc::new(Mutex::new(0));
    let g = m.lock().await;
    let m2 = m.clone();
    let gave_up = timeout(Duration::from_millis(5), async move {
        let mut late = m2.lock().await;
        *late += 100;
    })
    .await;
    println!("waiting lock timed out: {}", gave_up.is_err());
    let m3 = m.clone();
    let next = tokio::spawn(async move {
        let mut next_guard = m3.lock().await;
        *next_guard += 1;
    });
    drop(g);
    next.await.unwrap();
    println!("the next waiter got the lock: {}", *m.lock().await);

    let notify = Arc::new(Notify::new());
    let n = notify.clone();
    let canceller = tokio::spawn(async move {
        sleep(Duration::from_millis(5)).await;
        n.notify_waiters();
    });
    let r = match timeout(Duration::from_secs(5), notify.notified()).await {
        Ok(()) => "cancelled",
        Err(_) => "timed out",
    };
    canceller.await.unwrap();
    println!("token: {}", r);
}
