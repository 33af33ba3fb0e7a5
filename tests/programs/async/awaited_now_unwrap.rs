// not-rust
// (needs tokio, which rustc cannot link here: the expected output is tokio's documented
// behaviour.) `rx.recv().await.unwrap()` and `tx.send(v).await.unwrap()` run as one fused
// call each (vm/call_unwrap.rs, the twins of `__amp_recv_now`/`__amp_send_now`): warm fused
// loops carry strings and integers both ways over capacity-1 channels (every receive blocks
// and is resumed), then a fused receive blocked on a channel whose senders go away panics
// with `Option::unwrap`'s message at its own line, and a fused send to a channel whose
// receiver went away panics with `Result::unwrap`'s.
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    let (back_tx, mut back_rx) = mpsc::channel::<usize>(1);
    let h = tokio::spawn(async move {
        let mut total = 0;
        for _ in 0..50 {
            let s = rx.recv().await.unwrap();
            total += s.len();
            back_tx.send(total).await.unwrap();
        }
        let s = rx.recv().await.unwrap();
        println!("never: {}", s);
    });
    let mut last = 0;
    for i in 0..50 {
        tx.send(format!("m{}", i)).await.unwrap();
        last = back_rx.recv().await.unwrap();
    }
    println!("total length {}", last);
    drop(tx);
    let r = h.await;
    println!("task panicked: {}", r.unwrap_err().is_panic());

    let (utx, mut urx) = mpsc::unbounded_channel::<u64>();
    for i in 0..10 {
        utx.send(i).unwrap();
    }
    let mut sum = 0;
    for _ in 0..10 {
        sum += urx.recv().await.unwrap();
    }
    println!("unbounded sum {}", sum);

    let (tx, mut rx) = mpsc::channel::<u64>(2);
    tokio::spawn(async move {
        let mut sum = 0;
        for _ in 0..20 {
            sum += rx.recv().await.unwrap();
        }
        println!("received 20, sum {}", sum);
    });
    let mut i = 0u64;
    loop {
        tx.send(i).await.unwrap();
        i += 1;
    }
}
