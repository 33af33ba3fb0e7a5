// not-rust
// Dropping a `tokio::runtime::Runtime` shuts it down: the tasks still spawned on it are
// dropped, so the values they hold die at the `drop(rt)` (tokio's docs for `Runtime`'s drop).
// A runtime that is a temporary shuts down at the end of its statement.
// Expected output reasoned from that documented behaviour: rustc cannot build tokio here.
use std::time::Duration;

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let n = rt.block_on(async {
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let _g = Guard("sleeping task");
            ready_tx.send(()).unwrap();
            tokio::time::sleep(Duration::from_secs(3600)).await;
            println!("never printed");
        });
        ready_rx.await.unwrap();
        7
    });
    println!("block_on gave {}", n);
    println!("before drop");
    drop(rt);
    println!("after drop");

    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let g = Guard("task of a temporary runtime");
            tokio::spawn(async move {
                let held = g;
                tokio::time::sleep(Duration::from_secs(3600)).await;
                println!("never printed {}", held.0);
            });
        });
    println!("end of main");
}
