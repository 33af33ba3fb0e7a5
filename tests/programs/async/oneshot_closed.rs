// not-rust
// (needs tokio, which rustc cannot link here: the expected output is written from tokio's
// documented behaviour: `oneshot::Sender::closed` completes once the receiver is dropped or
// closed, and `send` then fails.)
use std::time::Duration;
use tokio::sync::oneshot;

#[tokio::main]
async fn main() {
    let (mut tx, rx) = oneshot::channel::<i32>();
    let waiter = tokio::spawn(async move {
        tx.closed().await;
        println!("receiver gone: {}", tx.is_closed());
        tx.send(1).is_err()
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!("dropping the receiver");
    drop(rx);
    println!("send failed: {}", waiter.await.unwrap());

    // A sender whose work is cancelled when the receiver goes away.
    let (mut tx2, rx2) = oneshot::channel::<String>();
    let worker = tokio::spawn(async move {
        tokio::select! {
            _ = tx2.closed() => "cancelled",
            _ = tokio::time::sleep(Duration::from_secs(5)) => {
                let _ = tx2.send("done".to_string());
                "finished"
            }
        }
    });
    drop(rx2);
    println!("worker: {}", worker.await.unwrap());
}
