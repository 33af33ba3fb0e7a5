// not-rust
// nursery (Trio's manner): the body and its children run concurrently; the nursery returns
// the body's output only once every child ended. A child may spawn siblings through a clone
// of the nursery. The seed's low-level form, `Nursery::new()` + `wait_all()`, works too.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = done.clone();
    let answer = nursery(|n| async move {
        for i in 1..=3u64 {
            let d = d.clone();
            n.spawn(async move {
                tokio::time::sleep(Duration::from_millis(10 * i)).await;
                d.fetch_add(1, Ordering::SeqCst);
            });
        }
        // A child that spawns a grandchild into the same nursery.
        let n2 = n.clone();
        let d2 = d.clone();
        n.start_soon(async move {
            n2.spawn(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                d2.fetch_add(10, Ordering::SeqCst);
            });
        });
        println!("the body returns before its children end");
        42
    })
    .await;
    println!("nursery gave {}; children counted {}", answer, done.load(Ordering::SeqCst));

    // Children returning Result: all Ok, the body's Ok is the nursery's output.
    let r: Result<&str, String> = nursery(|n| async move {
        n.spawn(async { Ok::<(), String>(()) });
        n.spawn(async {
            tokio::task::yield_now().await;
            Ok::<(), String>(())
        });
        Ok("all fine")
    })
    .await;
    println!("{:?}", r);

    // The body may cancel its children (not a failure): the nursery still gives its output.
    let r = nursery(|n| async move {
        n.spawn(async {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            println!("never printed");
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        n.cancel();
        println!("cancelled: {}", n.is_cancelled());
        "stopped the server"
    })
    .await;
    println!("{}", r);

    // Without a body.
    let n = Nursery::new();
    let d = done.clone();
    n.spawn(async move {
        tokio::time::sleep(Duration::from_millis(5)).await;
        d.fetch_add(100, Ordering::SeqCst);
    });
    let r: Result<(), String> = n.wait_all().await;
    println!("wait_all: {:?}; counted {}", r, done.load(Ordering::SeqCst));
}
