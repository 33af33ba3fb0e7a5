// not-rust
// A nursery future polled by hand from a user `Future::poll` and dropped unfinished cancels
// its children (and its body), and their Drop impls run before the hand-written `.await`
// goes on: the nursery never outlives its children, as when a `select!` or `timeout` drops
// it (structured/nursery_dropped). Two ways to drop it: with the user future once that is
// ready (`Until`), and inside `poll` itself, which then keeps going (`DropEarly`).
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::Mutex;

static LOG: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        LOG.lock().unwrap().push(format!("drop {}", self.0));
    }
}

fn log() -> Vec<String> {
    let mut v = std::mem::take(&mut *LOG.lock().unwrap());
    v.sort();
    v
}

/// Polls `fut` until `timer` is ready, then gives up (`fut` is dropped with `Until`).
struct Until<F, T> {
    fut: Pin<Box<F>>,
    timer: Pin<Box<T>>,
}

impl<F: Future, T: Future> Future for Until<F, T> {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if let Poll::Ready(_) = self.fut.as_mut().poll(cx) {
            return Poll::Ready("ready");
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(_) => Poll::Ready("gave up"),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Drops its nursery future in `poll` once `timer` fired, returns `Pending` once more (its
/// waker already woken) and completes at the next poll.
struct DropEarly<F, T> {
    fut: Option<Pin<Box<F>>>,
    timer: Pin<Box<T>>,
}

impl<F: Future, T: Future> Future for DropEarly<F, T> {
    type Output = Vec<String>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<String>> {
        if self.fut.is_some() {
            if let Poll::Ready(_) = self.timer.as_mut().poll(cx) {
                self.fut = None;
                cx.waker().wake_by_ref();
            } else {
                let _ = self.fut.as_mut().unwrap().as_mut().poll(cx);
            }
            return Poll::Pending;
        }
        Poll::Ready(log())
    }
}

async fn worker(name: &'static str, lock: Arc<Mutex<u32>>) {
    let _n = Noisy(name);
    let mut g = lock.lock().await;
    *g += 1;
    // Still holding the guard when cancelled.
    tokio::time::sleep(Duration::from_secs(60)).await;
    println!("never printed");
}

#[tokio::main]
async fn main() {
    let lock = Arc::new(Mutex::new(0u32));
    let l = lock.clone();
    let u = Until {
        fut: Box::pin(nursery(|n| async move {
            n.spawn(worker("child 1", l.clone()));
            n.spawn(worker("child 2", l.clone()));
            let _b = Noisy("the body");
            tokio::time::sleep(Duration::from_secs(60)).await;
        })),
        timer: Box::pin(tokio::time::sleep(Duration::from_millis(30))),
    };
    let r = u.await;
    println!("Until gave {}; already {:?}", r, log());
    // Both children had taken the lock, and released it when they unwound.
    let g = lock.try_lock().expect("free");
    println!("lock counter {} (one child held it, the other waited), free again", *g);
    drop(g);

    // A nursery that ends before the timer: polled by hand to its end.
    let u = Until {
        fut: Box::pin(nursery(|n| async move {
            n.spawn(async {
                let _c = Noisy("quick child");
                tokio::time::sleep(Duration::from_millis(1)).await;
            });
            7
        })),
        timer: Box::pin(tokio::time::sleep(Duration::from_secs(60))),
    };
    println!("Until gave {}; {:?}", u.await, log());

    // Dropped inside `poll`; the user future goes on and only then completes.
    let l = lock.clone();
    let d = DropEarly {
        fut: Some(Box::pin(nursery(|n| async move {
            n.spawn(worker("child 3", l.clone()));
            tokio::time::sleep(Duration::from_secs(60)).await;
        }))),
        timer: Box::pin(tokio::time::sleep(Duration::from_millis(20))),
    };
    println!("DropEarly saw {:?}", d.await);
    println!("lock free: {}", lock.try_lock().is_ok());
}
