// not-rust
// The tokio tutorial's "Select" chapter, made deterministic where the original races (two
// oneshots sent before the select!, `biased;`): the value of a select!, `?` in a branch, a
// branch handler mutating a shared local, a loop over several channels ending in `else`,
// resuming one operation across the rounds of a loop, and the cancelled loser's Drop.
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

async fn computation1() -> String {
    tokio::time::sleep(Duration::from_millis(200)).await;
    "computation 1".to_string()
}

async fn computation2() -> String {
    "computation 2".to_string()
}

async fn action() -> &'static str {
    tokio::time::sleep(Duration::from_millis(300)).await;
    "action finished"
}

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("dropped the losing future ({})", self.0);
    }
}

async fn fallible(fail: bool) -> Result<u32, String> {
    if fail {
        Err("could not connect".to_string())
    } else {
        Ok(42)
    }
}

async fn serve(fail: bool) -> Result<u32, String> {
    let (_tx, mut rx) = mpsc::channel::<u32>(1);
    tokio::select! {
        res = fallible(fail) => {
            let v = res?;
            println!("accepted {}", v);
            Ok(v)
        }
        _ = rx.recv() => Ok(0),
    }
}

#[tokio::main]
async fn main() {
    // Two oneshots, both already sent: with `biased;` the first wins.
    let (tx1, rx1) = oneshot::channel();
    let (tx2, rx2) = oneshot::channel();
    tx1.send("one").unwrap();
    tx2.send("two").unwrap();
    tokio::select! {
        biased;
        val = rx1 => println!("rx1 completed first with {:?}", val),
        val = rx2 => println!("rx2 completed first with {:?}", val),
    }

    // The value of a select!; the loser is dropped before the branch runs.
    let out = tokio::select! {
        biased;
        res1 = async { let _g = Guard("computation1"); computation1().await } => res1,
        res2 = computation2() => res2,
    };
    println!("Got = {}", out);

    // `?` inside a branch.
    println!("serve: {:?}", serve(false).await);
    println!("serve: {:?}", serve(true).await);

    // Both handlers may mutate the same local: only one runs.
    let mut out = String::new();
    let (tx1, rx1) = oneshot::channel::<()>();
    let (tx2, rx2) = oneshot::channel::<()>();
    drop(tx1);
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1)).await;
        let _ = tx2.send(());
    });
    tokio::select! {
        biased;
        _ = rx1 => out.push_str("rx1 completed"),
        _ = rx2 => out.push_str("rx2 completed"),
    }
    println!("{}", out);

    // Loops: several channels until every one is closed.
    let (tx1, mut rx1) = mpsc::channel(128);
    let (tx2, mut rx2) = mpsc::channel(128);
    let (tx3, mut rx3) = mpsc::channel(128);
    for i in 0..3 {
        tx1.send(format!("a{}", i)).await.unwrap();
        tx2.send(format!("b{}", i)).await.unwrap();
    }
    tx3.send("c0".to_string()).await.unwrap();
    drop((tx1, tx2, tx3));
    let mut got = Vec::new();
    loop {
        let msg = tokio::select! {
            Some(msg) = rx1.recv() => msg,
            Some(msg) = rx2.recv() => msg,
            Some(msg) = rx3.recv() => msg,
            else => { break }
        };
        got.push(msg);
    }
    got.sort();
    println!("Got {:?}", got);

    // Resuming an async operation.
    let (tx, mut rx) = mpsc::channel(128);
    tokio::spawn(async move {
        for v in [1, 3, 5, 7] {
            tx.send(v).await.unwrap();
        }
    });
    let operation = action();
    tokio::pin!(operation);
    let mut odd = Vec::new();
    loop {
        tokio::select! {
            r = &mut operation => { println!("{}", r); break }
            Some(v) = rx.recv() => {
                if v % 2 == 0 {
                    break;
                }
                odd.push(v);
            }
        }
    }
    println!("received {:?} while the operation ran", odd);
}
