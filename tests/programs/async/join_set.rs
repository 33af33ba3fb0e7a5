// not-rust
// tokio's JoinSet: tasks collected as they end (join_next gives the first to end: here the
// order in which main releases them), a panicking task as Err(JoinError), abort_all and an
// AbortHandle, join_all, and a dropped set aborting what still runs.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinSet;

use std::sync::atomic::{AtomicUsize, Ordering};

static DROPS: AtomicUsize = AtomicUsize::new(0);

struct Noisy(u32);
impl Drop for Noisy {
    fn drop(&mut self) {
        // (Printed before the count goes up: main waits for the count, then prints "end".)
        if self.0 == 9 {
            println!("task {} dropped", self.0);
        }
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    let mut gates = Vec::new();
    for i in 0..4u32 {
        let (tx, rx) = oneshot::channel::<()>();
        gates.push(Some(tx));
        set.spawn(async move {
            rx.await.unwrap();
            if i == 1 {
                panic!("task {i} failed");
            }
            i * 10
        });
    }
    println!("len {}", set.len());
    for i in [2usize, 0, 1, 3] {
        gates[i].take().unwrap().send(()).unwrap();
        match set.join_next().await {
            Some(Ok(v)) => println!("ended: {v}"),
            Some(Err(e)) => println!("failed: panic {} cancelled {}", e.is_panic(), e.is_cancelled()),
            None => println!("empty"),
        }
    }
    println!("after: {:?} {}", set.join_next().await.map(|r| r.is_ok()), set.is_empty());

    let mut sleepers = JoinSet::new();
    let (started_tx, mut started) = tokio::sync::mpsc::channel::<u32>(8);
    for i in 0..3u32 {
        let started_tx = started_tx.clone();
        sleepers.spawn(async move {
            let _n = Noisy(i);
            started_tx.send(i).await.unwrap();
            tokio::time::sleep(Duration::from_secs(100)).await;
            i
        });
    }
    for _ in 0..3 {
        started.recv().await.unwrap();
    }
    sleepers.abort_all();
    let mut cancelled = 0;
    while let Some(r) = sleepers.join_next().await {
        if r.unwrap_err().is_cancelled() {
            cancelled += 1;
        }
    }
    println!("cancelled {cancelled}, dropped {}", DROPS.load(Ordering::SeqCst));

    let mut one = JoinSet::new();
    let h = one.spawn(async { tokio::time::sleep(Duration::from_secs(100)).await; 1 });
    one.spawn(async { 2 });
    h.abort();
    let mut outs = Vec::new();
    while let Some(r) = one.join_next().await {
        outs.push(r.ok());
    }
    outs.sort();
    println!("{outs:?}");

    let mut all = JoinSet::new();
    for i in 0..5u64 {
        all.spawn(async move { i * i });
    }
    let mut squares = all.join_all().await;
    squares.sort();
    println!("{squares:?}");

    {
        let mut dropped = JoinSet::new();
        let (tx, rx) = oneshot::channel::<()>();
        dropped.spawn(async move {
            let _n = Noisy(9);
            tx.send(()).unwrap();
            tokio::time::sleep(Duration::from_secs(100)).await;
        });
        rx.await.unwrap();
        println!("dropping the set");
    }
    // The aborted task ends soon after (at its await point): wait for its drop.
    while DROPS.load(Ordering::SeqCst) < 4 {
        tokio::task::yield_now().await;
    }
    println!("end");
}
