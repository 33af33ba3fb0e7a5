// not-rust
// tokio mpsc: producers over a bounded channel, a consumer summing until every sender is gone
// (recv returns None), try_send on a full channel, try_recv states, a closed channel's
// SendError giving the value back.
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u64>(4);
    let mut handles = Vec::new();
    for p in 0..3u64 {
        let tx = tx.clone();
        handles.push(tokio::spawn(async move {
            for i in 0..100u64 {
                tx.send(p * 1000 + i).await.unwrap();
            }
        }));
    }
    drop(tx);
    let mut count = 0;
    let mut sum = 0;
    while let Some(v) = rx.recv().await {
        count += 1;
        sum += v;
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("received {} messages, sum {}", count, sum);
    println!("after the senders: {:?}", rx.recv().await);

    let (tx, mut rx) = mpsc::channel::<&str>(1);
    println!("{:?}", tx.try_send("a"));
    match tx.try_send("b") {
        Err(mpsc::error::TrySendError::Full(v)) => println!("full, got back {}", v),
        other => println!("unexpected {:?}", other),
    }
    println!("capacity {} of {}", tx.capacity(), tx.max_capacity());
    println!("{:?}", rx.try_recv());
    println!("{:?}", rx.try_recv());
    drop(rx);
    match tx.send("c").await {
        Err(e) => println!("{} ({:?}), value {}", e, e, e.0),
        Ok(()) => println!("sent?"),
    }
    println!("closed: {}", tx.is_closed());

    let (utx, mut urx) = mpsc::unbounded_channel();
    for i in 0..5 {
        utx.send(i * i).unwrap();
    }
    drop(utx);
    let mut squares = Vec::new();
    while let Some(v) = urx.recv().await {
        squares.push(v);
    }
    println!("{:?}", squares);
}
