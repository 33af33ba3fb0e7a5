// not-rust
// tokio's select! with refutable patterns: a branch whose value does not match its pattern
// is disabled and the select! goes on with the others; `else` runs once every branch is
// disabled (the classic loop over channels until they all close).
use std::time::Duration;
#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<i32>(4);
    let (tx2, mut rx2) = tokio::sync::mpsc::channel::<i32>(4);
    tokio::spawn(async move {
        for i in 0..3 {
            tx.send(i).await.unwrap();
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    });
    drop(tx2);
    let mut got = Vec::new();
    loop {
        tokio::select! {
            Some(v) = rx.recv() => got.push(v),
            Some(w) = rx2.recv() => got.push(100 + w),
            else => break,
        }
    }
    println!("{got:?}");
    let r = tokio::select! {
        Some(x) = async { None::<i32> } => x,
        Ok(y) = async { Ok::<i32, ()>(4) } => y * 10,
    };
    println!("{r}");
}
