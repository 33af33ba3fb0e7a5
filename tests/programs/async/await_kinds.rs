// not-rust
// (tokio) `.await` of every kind of future, compiled in place by the future's kind
// (compile/async_fn.rs): TERAS futures (an `async fn` call, an `async move` block whose
// captures die when it completes, before the rest of the statement), native futures
// (sleep, channels), a tokio JoinHandle (a value, an abort), and a user type implementing
// `Future` (polled through the prelude's `__await`). Expected output reasoned from Rust's
// semantics: a completed `.await` drops its future before the enclosing expression goes on.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn double(x: u32) -> u32 {
    x * 2
}

/// Pending on its first poll (waking itself), ready with `v` on the second.
struct Twice {
    polled: bool,
    v: u32,
}

impl Future for Twice {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.polled {
            Poll::Ready(self.v)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    // TERAS futures, two in one expression.
    let s = double(3).await + double(4).await;
    println!("sum {s}");
    // The block's captures die as it completes: before the println formats its line.
    let n = Noisy("captured");
    let fut = async move {
        let keep = &n;
        keep.0.len()
    };
    println!("len {}", fut.await);
    // Native futures: sleep and a channel round trip.
    tokio::time::sleep(Duration::from_millis(1)).await;
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    let h = tokio::spawn(async move {
        let mut total = 0;
        while let Some(v) = rx.recv().await {
            total += v;
        }
        total
    });
    for i in 1..=4 {
        tx.send(i).await.unwrap();
    }
    drop(tx);
    // A JoinHandle.
    println!("total {}", h.await.unwrap());
    let sleeper = tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(60)).await;
        1
    });
    sleeper.abort();
    println!("aborted {}", sleeper.await.unwrap_err().is_cancelled());
    // A user future, then the same through a variable.
    println!("user {}", Twice { polled: false, v: 7 }.await);
    let t = Twice { polled: false, v: 8 };
    let got = t.await;
    println!("user again {got}");
    // Awaits in a loop, each future a fresh async block.
    let mut acc = Vec::new();
    for k in 0..3u32 {
        acc.push(async move { k * 10 }.await);
    }
    println!("{acc:?}");
    println!("end");
}
