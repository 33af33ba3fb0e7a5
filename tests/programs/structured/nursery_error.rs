// not-rust
// A child returning Err cancels its siblings and the body (each stops at its next await
// point; their Drop impls run), and the Err is the nursery's output. The nursery returns only
// after every cancelled task has unwound.
use std::sync::Mutex;
use std::time::Duration;

// Cancelled tasks unwind concurrently: their drops are logged, and printed sorted.
static DROPPED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        DROPPED.lock().unwrap().push(self.0);
    }
}

fn dropped() -> Vec<&'static str> {
    let mut v = std::mem::take(&mut *DROPPED.lock().unwrap());
    v.sort();
    v
}

#[derive(Debug)]
enum Failure {
    Upstream(u16),
}

#[tokio::main]
async fn main() {
    let r: Result<u32, Failure> = nursery(|n| async move {
        n.spawn(async {
            let _n = Noisy("the long child");
            tokio::time::sleep(Duration::from_secs(60)).await;
            println!("never printed");
            Ok(())
        });
        n.spawn(async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            Err(Failure::Upstream(503))
        });
        let _n = Noisy("the body");
        tokio::time::sleep(Duration::from_secs(60)).await;
        println!("never printed");
        Ok(7)
    })
    .await;
    println!("nursery: {:?}, dropped {:?}", r, dropped());

    // The body's own Err cancels the children too.
    let r: Result<(), String> = nursery(|n| async move {
        n.spawn(async {
            let _n = Noisy("a child of a failing body");
            tokio::time::sleep(Duration::from_secs(60)).await;
            Ok::<(), String>(())
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        Err("the body gave up".to_string())
    })
    .await;
    println!("nursery: {:?}, dropped {:?}", r, dropped());

    // The `?` operator on a nursery's output.
    async fn run() -> Result<(), String> {
        nursery(|n| async move {
            n.spawn(async { Err::<(), String>("first error".into()) });
            Ok::<(), String>(())
        })
        .await?;
        println!("never printed");
        Ok(())
    }
    println!("run: {:?}", run().await);
}
