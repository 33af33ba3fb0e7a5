// not-rust
// (needs tokio, which rustc cannot link here: the expected output is written from tokio's
// documented behaviour: `mpsc::Sender::closed` and `UnboundedSender::closed` complete once
// every receiver is dropped, messages sent and received before do not wake them, and a send
// afterwards fails.)
use std::time::Duration;
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<i32>(4);
    let tx2 = tx.clone();
    let watcher = tokio::spawn(async move {
        tx2.closed().await;
        println!("closed seen: {}", tx2.is_closed());
        tx2.send(9).await.is_err()
    });
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    println!("got {:?}", rx.recv().await);
    println!("got {:?}", rx.recv().await);
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("dropping the receiver");
    drop(rx);
    println!("send after close failed: {}", watcher.await.unwrap());

    let (utx, urx) = mpsc::unbounded_channel::<&str>();
    let t = tokio::spawn(async move {
        tokio::select! {
            _ = utx.closed() => "receiver gone",
            _ = tokio::time::sleep(Duration::from_secs(5)) => "timed out",
        }
    });
    tokio::time::sleep(Duration::from_millis(5)).await;
    drop(urx);
    println!("{}", t.await.unwrap());
}
