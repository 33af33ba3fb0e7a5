// not-rust
// (needs tokio, which rustc cannot link here: the expected output is tokio's documented
// behaviour.) A fused `tx.send(v).await.unwrap()` reads a local sender after its argument
// and runs on it borrowed in its own register (`Instr::MovRecv`): the sender as the only
// handle to its object and shared with clones in other tasks; sends that find the channel
// full block and run again with their message kept; an argument that makes a temporary,
// and one that reads the sender itself (read first, as Rust does).
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    let tx2 = tx.clone();
    let a = tokio::spawn(async move {
        for i in 0..30 {
            tx.send(format!("a{}", i)).await.unwrap();
        }
    });
    let b = tokio::spawn(async move {
        for i in 0..30 {
            let s = i.to_string();
            tx2.send(s).await.unwrap();
        }
    });
    let mut count = 0;
    let mut bytes = 0;
    while let Some(s) = rx.recv().await {
        count += 1;
        bytes += s.len();
    }
    a.await.unwrap();
    b.await.unwrap();
    println!("{} messages, {} bytes", count, bytes);

    // Ping-pong, each side's sender its only handle, every receive blocking.
    let (ping_tx, mut ping_rx) = mpsc::channel::<u64>(1);
    let (pong_tx, mut pong_rx) = mpsc::channel::<u64>(1);
    let h = tokio::spawn(async move {
        for _ in 0..100 {
            let v = ping_rx.recv().await.unwrap();
            pong_tx.send(v * 2).await.unwrap();
        }
    });
    let mut v = 1u64;
    let mut sum = 0u64;
    for _ in 0..100 {
        ping_tx.send(v).await.unwrap();
        v = pong_rx.recv().await.unwrap() % 1000 + 1;
        sum += v;
    }
    h.await.unwrap();
    println!("ping-pong sum {}", sum);

    // An argument that reads the sender itself: the sender is read before it.
    let (tx, mut rx) = mpsc::channel::<usize>(4);
    tx.send(tx.capacity()).await.unwrap();
    tx.send(tx.capacity()).await.unwrap();
    drop(tx);
    let mut got = Vec::new();
    while let Some(c) = rx.recv().await {
        got.push(c);
    }
    println!("{:?}", got);
}
