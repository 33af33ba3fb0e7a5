// not-rust
// try_recv on tokio's bounded and unbounded receivers: empty, a message, then disconnected.
#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<i32>(4);
    println!("{:?}", rx.try_recv());
    tx.send(1).await.unwrap();
    println!("{:?}", rx.try_recv());
    drop(tx);
    println!("{:?}", rx.try_recv());
    let (utx, mut urx) = tokio::sync::mpsc::unbounded_channel::<i32>();
    println!("{:?}", urx.try_recv());
    utx.send(2).unwrap();
    println!("{:?}", urx.try_recv());
    drop(utx);
    println!("{:?}", urx.try_recv());
}
