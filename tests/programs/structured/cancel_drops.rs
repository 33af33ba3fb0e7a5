// not-rust
// A cancelled task runs its Drop impls and releases what it holds (a std Mutex guard, a
// tokio Mutex guard, a Semaphore permit), whatever cancelled it: `abort`, a nursery whose
// other child failed, `timeout`, the losing branch of `select!`, a CancellationToken.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

struct Noisy(String);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

struct Resources {
    std_lock: std::sync::Mutex<u32>,
    async_lock: tokio::sync::Mutex<u32>,
    sem: Semaphore,
}

static HELD: AtomicUsize = AtomicUsize::new(0);

/// Take everything, say so, then wait (far longer than any test runs).
async fn hold(res: Arc<Resources>, who: &str) -> u32 {
    let _noisy = Noisy(format!("{who}'s value"));
    let mut a = res.async_lock.lock().await;
    let _permit = res.sem.acquire().await.unwrap();
    *a += 1;
    {
        let mut s = res.std_lock.lock().unwrap();
        *s += 1;
        HELD.fetch_add(1, Ordering::SeqCst);
        // A std guard held across an await point (rustc would not accept this in a spawned
        // task; teras does, and the cancellation releases it too).
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
    println!("never printed");
    0
}

/// Waits until `n` tasks have reached their long sleep (rather than sleeping a while and hoping
/// they have: on a loaded machine a spawned task may not have started yet).
async fn until_held(n: usize) {
    while HELD.load(Ordering::SeqCst) < n {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

fn check(res: &Resources, what: &str) {
    let std_free = res.std_lock.try_lock().is_ok();
    let async_free = res.async_lock.try_lock().is_ok();
    println!("{what}: std lock free {std_free}, tokio lock free {async_free}, permits {}", res.sem.available_permits());
}

#[tokio::main]
async fn main() {
    let res = Arc::new(Resources { std_lock: std::sync::Mutex::new(0), async_lock: tokio::sync::Mutex::new(0), sem: Semaphore::new(2) });

    println!("abort");
    let h = tokio::spawn(hold(res.clone(), "the aborted task"));
    until_held(1).await;
    check(&res, "  while held");
    h.abort();
    println!("  cancelled: {}", h.await.unwrap_err().is_cancelled());
    check(&res, "  after");

    println!("nursery");
    let r: Result<u32, &str> = nursery(|n| {
        let res = res.clone();
        async move {
            n.spawn(async move {
                hold(res, "the nursery child").await;
                Ok(())
            });
            n.spawn(async {
                until_held(2).await;
                Err("a sibling failed")
            });
            Ok(1)
        }
    })
    .await;
    println!("  {:?}", r);
    check(&res, "  after");

    println!("timeout");
    let r = tokio::time::timeout(Duration::from_millis(10), hold(res.clone(), "the timed-out future")).await;
    println!("  elapsed: {}", r.is_err());
    check(&res, "  after");

    println!("select!");
    let won = tokio::select! {
        v = hold(res.clone(), "the losing branch") => v,
        _ = tokio::time::sleep(Duration::from_millis(10)) => 99,
    };
    println!("  the sleep won: {}", won);
    check(&res, "  after");

    println!("cancellation token");
    let token = CancellationToken::new();
    let t = token.clone();
    let r2 = res.clone();
    let h = tokio::spawn(async move {
        tokio::select! {
            _ = t.cancelled() => "stopped by the token",
            _ = hold(r2, "the token's task") => "finished",
        }
    });
    until_held(5).await;
    token.cancel();
    println!("  {}", h.await.unwrap());
    check(&res, "  after");
    println!("counts: std {}, tokio {}", *res.std_lock.lock().unwrap(), *res.async_lock.lock().await);
}
