// not-rust
// The tokio tutorial's "Streams" with tokio-stream: iterating with `next().await`, adapters
// (filter, map, take, then, chain...) on a stream of messages, a channel's receiver as a
// stream, consumers (collect, fold). Not Rust without the tokio-stream crate (expected output
// reasoned from tokio-stream 0.1's documented semantics: the crate is not available offline).
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

#[tokio::main]
async fn main() {
    let mut stream = tokio_stream::iter(&[1, 2, 3]);
    while let Some(v) = stream.next().await {
        println!("GOT = {:?}", v);
    }

    // Messages published on a channel; keep the short ones, three at most.
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        for m in ["hello", "world", "a much longer message", "x", "y", "z"] {
            tx.send(m.to_string()).await.unwrap();
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
    let messages = ReceiverStream::new(rx)
        .filter(|msg| msg.len() == 1 || msg.len() == 5)
        .map(|msg| msg.to_uppercase())
        .take(3);
    tokio::pin!(messages);
    while let Some(msg) = messages.next().await {
        println!("got = {:?}", msg);
    }

    let v: Vec<i32> = tokio_stream::iter(1..=10).filter(|x| x % 3 == 0).collect().await;
    println!("{:?}", v);
    let total = tokio_stream::iter(vec![1, 2, 3, 4]).fold(0, |acc, x| acc + x).await;
    println!("sum {}", total);
    let rest: Vec<i32> = tokio_stream::iter(0..5).skip(2).collect().await;
    println!("skipped two: {:?}", rest);
    let doubled: Vec<i32> = tokio_stream::iter(vec![1, 2])
        .chain(tokio_stream::once(3))
        .then(|x| async move {
            tokio::task::yield_now().await;
            x * 2
        })
        .collect()
        .await;
    println!("{:?}", doubled);
    let small: Vec<u8> = tokio_stream::iter(vec![1u8, 2, 9, 3]).take_while(|x| *x < 5).collect().await;
    println!("{:?}", small);
    let mut e = tokio_stream::empty::<u8>();
    println!("{:?}", e.next().await);
}
