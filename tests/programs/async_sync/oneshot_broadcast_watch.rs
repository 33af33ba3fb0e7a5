// not-rust
// tokio oneshot (send consumes the sender; a dropped sender is RecvError), broadcast to three
// receivers (each sees every message; a slow receiver lags), watch (borrow, changed, send).
use tokio::sync::{broadcast, oneshot, watch};

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel::<u32>();
    let h = tokio::spawn(async move { tx.send(42).unwrap() });
    println!("oneshot: {:?}", rx.await);
    h.await.unwrap();
    let (tx, rx) = oneshot::channel::<u32>();
    drop(tx);
    match rx.await {
        Ok(v) => println!("got {}", v),
        Err(e) => println!("oneshot error: {} / {:?}", e, e),
    }
    let (tx, rx) = oneshot::channel::<u32>();
    drop(rx);
    println!("send to a dropped receiver: {:?}", tx.send(7));

    let (tx, _) = broadcast::channel::<String>(16);
    let mut handles = Vec::new();
    for id in 0..3 {
        let mut rx = tx.subscribe();
        handles.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            loop {
                match rx.recv().await {
                    Ok(m) => seen.push(m),
                    Err(broadcast::error::RecvError::Closed) => break,
                    Err(e) => panic!("{}", e),
                }
            }
            format!("receiver {} saw {:?}", id, seen)
        }));
    }
    for m in ["alpha", "beta", "gamma"] {
        println!("sent {} to {} receivers", m, tx.send(m.to_string()).unwrap());
    }
    drop(tx);
    for h in handles {
        println!("{}", h.await.unwrap());
    }

    let (tx, mut slow) = broadcast::channel::<i32>(2);
    for i in 0..5 {
        tx.send(i).unwrap();
    }
    println!("{:?}", slow.recv().await);
    println!("{:?}", slow.recv().await);
    println!("{:?}", slow.try_recv());
    println!("{:?}", slow.try_recv());
    drop(slow);
    println!("no receivers: {:?}", tx.send(9).is_err());

    let (tx, mut rx) = watch::channel("init");
    println!("watch starts at {}", *rx.borrow());
    let (ack_tx, mut ack_rx) = tokio::sync::mpsc::channel::<()>(1);
    let h = tokio::spawn(async move {
        let mut seen = Vec::new();
        while rx.changed().await.is_ok() {
            seen.push(*rx.borrow_and_update());
            ack_tx.send(()).await.unwrap();
        }
        seen
    });
    tx.send("one").unwrap();
    ack_rx.recv().await;
    tx.send("two").unwrap();
    ack_rx.recv().await;
    println!("sender sees {}, {} receiver", *tx.borrow(), tx.receiver_count());
    drop(tx);
    println!("watcher saw {:?}", h.await.unwrap());
}
