// not-rust
// Several failures in one nursery: none is lost. `nursery` gives the first failure (its
// `Err`, or its panic raised again) and reports every later one on stderr; `nursery_all`
// gives them all, in the order they happened, as a `NurseryError` (Trio's ExceptionGroup).
// A task can fail after the first failure only if the cancellation could not reach it: here
// a child that computes without an await point and fails once it sees the nursery cancelled.
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

static STUBBORN_FAILED: AtomicBool = AtomicBool::new(false);
// How many children started (a child cancelled before it starts never runs at all).
static STARTED: AtomicU32 = AtomicU32::new(0);

async fn until_started(n: u32) {
    while STARTED.load(Ordering::SeqCst) < n {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[derive(Debug)]
enum Failure {
    Upstream(u16),
    Checksum(u64),
}

// Computes without awaiting (so it cannot be cancelled) until the nursery is cancelled.
fn stubborn(n: &Nursery) -> Result<(), Failure> {
    STARTED.fetch_add(1, Ordering::SeqCst);
    while !n.is_cancelled() {
        std::hint::spin_loop();
    }
    STUBBORN_FAILED.store(true, Ordering::SeqCst);
    // A fixed payload: how often the loop ran before the cancel is up to the thread pool.
    Err(Failure::Checksum(7))
}

#[tokio::main]
async fn main() {
    // nursery: the first Err is the result; the second is reported on stderr.
    let r: Result<(), Failure> = nursery(|n| async move {
        let m = n.clone();
        n.spawn(async move { stubborn(&m) });
        n.spawn(async {
            until_started(1).await;
            Err(Failure::Upstream(503))
        });
        tokio::time::sleep(Duration::from_secs(60)).await;
        Ok(())
    })
    .await;
    println!("nursery: {:?}", r);

    // nursery_all: every failure, in order, the body's and a panic's too.
    STUBBORN_FAILED.store(false, Ordering::SeqCst);
    STARTED.store(0, Ordering::SeqCst);
    let r: Result<u32, NurseryError<Failure>> = nursery_all(|n| async move {
        let m = n.clone();
        n.spawn(async move { stubborn(&m) });
        n.spawn(async move {
            // Fails after the stubborn child (so the order printed is always the same).
            STARTED.fetch_add(1, Ordering::SeqCst);
            while !STUBBORN_FAILED.load(Ordering::SeqCst) {}
            panic!("the parser broke");
        });
        until_started(2).await;
        Err(Failure::Upstream(502))
    })
    .await;
    match &r {
        Ok(v) => println!("ok {}", v),
        Err(e) => {
            println!("{} failures, the first: {}", e.len(), e.first());
            println!("{}", e);
            println!("panics: {:?}", e.panics());
        }
    }
    let errors = r.unwrap_err().into_errors();
    println!("errors: {:?}", errors);

    // Without failures nursery_all gives the body's Ok value.
    let ok: Result<u32, NurseryError<String>> = nursery_all(|n| async move {
        n.spawn(async { Ok::<(), String>(()) });
        Ok(7)
    })
    .await;
    println!("{:?}", ok);

    // The seed's low-level form: wait_all_failures.
    static B_STARTED: AtomicBool = AtomicBool::new(false);
    let n = Nursery::new();
    n.spawn(async {
        while !B_STARTED.load(Ordering::SeqCst) {}
        Err::<(), &str>("a")
    });
    let m = n.clone();
    n.spawn(async move {
        B_STARTED.store(true, Ordering::SeqCst);
        while !m.is_cancelled() {}
        Err::<(), &str>("b")
    });
    match n.wait_all_failures::<&str>().await {
        Ok(()) => println!("no failure"),
        Err(e) => println!("{:?}", e),
    }
}
