// not-rust
// (needs tokio, which rustc cannot link here: the expected output is tokio's documented
// behaviour.) `x.recv().await` and `x.send(v).await` on every kind of receiver (the compiler
// makes each one call, compile/async_fn.rs): tokio's mpsc bounded and unbounded, through a
// `&mut`, through an async Mutex's guard, a send that waits for room and one to a closed
// channel, broadcast's `recv`, a program's own type with async `recv`/`send` methods, and
// tasks aborted while they wait in a receive or a send (nothing lost, nothing sent).
use std::sync::Arc;
use tokio::sync::{broadcast, mpsc, Mutex};

struct Echo {
    n: i32,
}

impl Echo {
    async fn recv(&mut self) -> Option<i32> {
        self.n += 1;
        if self.n > 3 {
            None
        } else {
            Some(self.n * 10)
        }
    }

    async fn send(&self, v: i32) -> Result<(), String> {
        if v < 0 {
            Err(format!("negative {}", v))
        } else {
            Ok(())
        }
    }
}

async fn drain(rx: &mut mpsc::Receiver<i32>) -> i32 {
    let mut sum = 0;
    while let Some(v) = rx.recv().await {
        sum += v;
    }
    sum
}

#[tokio::main]
async fn main() {
    // Capacity 1: the producer waits for room.
    let (tx, mut rx) = mpsc::channel::<i32>(1);
    let producer = tokio::spawn(async move {
        for i in 1..=5 {
            tx.send(i).await.unwrap();
        }
    });
    println!("sum = {}", drain(&mut rx).await);
    producer.await.unwrap();
    println!("after close: {:?}", rx.recv().await);

    let (utx, mut urx) = mpsc::unbounded_channel::<String>();
    utx.send("a".to_string()).unwrap();
    drop(utx);
    let first = urx.recv().await;
    println!("{:?} {:?}", first, urx.recv().await);

    let (tx2, rx2) = mpsc::channel::<i32>(2);
    drop(rx2);
    match tx2.send(7).await {
        Ok(()) => println!("sent?"),
        Err(e) => println!("send error: {}", e.0),
    }

    let (tx3, rx3) = mpsc::channel::<i32>(4);
    let shared = Arc::new(Mutex::new(rx3));
    tx3.send(41).await.unwrap();
    let got = shared.lock().await.recv().await;
    println!("guarded: {:?}", got);

    let (btx, mut brx) = broadcast::channel::<i32>(4);
    btx.send(5).unwrap();
    println!("broadcast: {:?}", brx.recv().await);
    drop(btx);
    println!("broadcast closed: {}", brx.recv().await.is_err());

    let (tx4, rx4) = mpsc::channel::<i32>(1);
    let rx4 = Arc::new(Mutex::new(rx4));
    let r2 = rx4.clone();
    let receiver = tokio::spawn(async move {
        let mut guard = r2.lock().await;
        guard.recv().await
    });
    tokio::task::yield_now().await;
    receiver.abort();
    println!("aborted receiver: {}", receiver.await.unwrap_err().is_cancelled());
    tx4.send(1).await.unwrap();
    let tx5 = tx4.clone();
    let sender = tokio::spawn(async move { tx5.send(2).await });
    tokio::task::yield_now().await;
    sender.abort();
    println!("aborted sender: {}", sender.await.unwrap_err().is_cancelled());
    drop(tx4);
    let mut left = Vec::new();
    let mut guard = rx4.lock().await;
    while let Some(v) = guard.recv().await {
        left.push(v);
    }
    println!("left: {:?}", left);

    let mut e = Echo { n: 0 };
    while let Some(v) = e.recv().await {
        print!("{} ", v);
    }
    println!();
    let ok = e.send(1).await;
    println!("{:?} {:?}", ok, e.send(-2).await);
}
