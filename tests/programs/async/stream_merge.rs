// not-rust
// (needs tokio and tokio-stream, which rustc cannot link here: the expected output follows
// tokio-stream's documented and implemented behaviour: `Merge` polls `a` first at its first
// poll and swaps the first stream at every poll, ends when both ended; `StreamMap` yields
// `(key, item)` as items arrive (the timings keep one stream ready at a time, since which of
// several ready streams goes first is random in tokio-stream), drops a stream that ended,
// `insert` returns the replaced stream.)
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{StreamExt, StreamMap};

/// A program's stream (`poll_next`), always ready.
struct Counter {
    n: u32,
    max: u32,
}

impl tokio_stream::Stream for Counter {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.n >= self.max {
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n))
    }
}

#[tokio::main]
async fn main() {
    // Both always ready: they alternate, `a` first.
    let a = tokio_stream::iter(vec![1, 2, 3]);
    let b = tokio_stream::iter(vec![10, 20]);
    let v: Vec<i32> = a.merge(b).collect().await;
    println!("{:?}", v);
    let c: Vec<u32> = Counter { n: 0, max: 3 }.merge(tokio_stream::iter(vec![100, 200])).collect().await;
    println!("{:?}", c);

    // tokio-stream's documentation example of `merge` (with wider gaps between the sends).
    let (tx1, rx1) = mpsc::channel::<usize>(10);
    let (tx2, rx2) = mpsc::channel::<usize>(10);
    let mut rx = ReceiverStream::new(rx1).merge(ReceiverStream::new(rx2));
    tokio::spawn(async move {
        tx1.send(1).await.unwrap();
        tx1.send(2).await.unwrap();
        time::sleep(Duration::from_millis(60)).await;
        tx1.send(4).await.unwrap();
    });
    tokio::spawn(async move {
        time::sleep(Duration::from_millis(30)).await;
        tx2.send(3).await.unwrap();
        time::sleep(Duration::from_millis(60)).await;
        tx2.send(5).await.unwrap();
    });
    while let Some(x) = rx.next().await {
        println!("merged {}", x);
    }
    println!("merge ended");

    // StreamMap: items tagged with their stream's key; removing a stream stops it.
    let (tx1, rx1) = mpsc::channel::<usize>(10);
    let (tx2, rx2) = mpsc::channel::<usize>(10);
    let mut map = StreamMap::new();
    map.insert("one", ReceiverStream::new(rx1));
    map.insert("two", ReceiverStream::new(rx2));
    println!("len {} one? {} three? {}", map.len(), map.contains_key("one"), map.contains_key("three"));
    tokio::spawn(async move {
        tx1.send(1).await.unwrap();
        time::sleep(Duration::from_millis(60)).await;
        let _ = tx1.send(2).await;
    });
    tokio::spawn(async move {
        time::sleep(Duration::from_millis(30)).await;
        tx2.send(3).await.unwrap();
        time::sleep(Duration::from_millis(60)).await;
        tx2.send(4).await.unwrap();
    });
    let (k, v) = map.next().await.unwrap();
    println!("{} {}", k, v);
    let (k, v) = map.next().await.unwrap();
    println!("{} {}", k, v);
    let removed = map.remove("one");
    println!("removed one: {}", removed.is_some());
    while let Some((k, v)) = map.next().await {
        println!("{} {}", k, v);
    }
    println!("map empty: {}", map.is_empty());

    // A StreamMap of iter streams is a stream too: a finished stream leaves the map.
    let mut m = StreamMap::new();
    m.insert(1, tokio_stream::iter(vec!['a']));
    let old = m.insert(1, tokio_stream::iter(vec!['b', 'c']));
    println!("replaced: {}", old.is_some());
    let all: Vec<(i32, char)> = m.collect().await;
    println!("{:?}", all);
}
