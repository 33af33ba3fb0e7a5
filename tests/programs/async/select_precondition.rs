// not-rust
// tokio's `select!` branch preconditions (`PAT = FUT, if COND => ..`): every precondition is
// evaluated first, then every future expression (a disabled branch's too), and a disabled
// branch's future is never polled; `else` runs when every branch is disabled. A `&mut fut`
// branch resumes the same future in each round of a loop (the tokio tutorial's "modifying a
// branch"), and `Pin::set` replaces it.
use std::time::Duration;
use tokio::sync::mpsc;

fn cond(name: &str, v: bool) -> bool {
    println!("precondition {} = {}", name, v);
    v
}

fn fut(name: &'static str) -> impl std::future::Future<Output = &'static str> {
    println!("future expression {}", name);
    async move {
        println!("polled {}", name);
        name
    }
}

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn action(input: Option<i32>) -> Option<String> {
    let i = match input {
        Some(input) => input,
        None => return None,
    };
    println!("action({}) starts", i);
    tokio::time::sleep(Duration::from_millis(300)).await;
    Some(format!("result of {}", i))
}

#[tokio::main]
async fn main() {
    let r = tokio::select! {
        biased;
        a = fut("a"), if cond("a", false) => a,
        b = fut("b"), if cond("b", true) => b,
        c = fut("c") => c,
    };
    println!("won {}", r);

    // All branches disabled: straight to `else`, the futures are made and dropped unpolled.
    let r = tokio::select! {
        a = fut("x"), if cond("x", false) => a,
        _ = async { let _n = Noisy("captured by y"); }, if cond("y", 1 > 2) => "y",
        else => "else",
    };
    println!("won {}", r);

    // A disabled branch is not polled even when its future would be ready at once.
    let mut hits = Vec::new();
    for round in 0..3 {
        let r = tokio::select! {
            biased;
            v = std::future::ready(round), if round % 2 == 1 => v * 10,
            v = async { round } => v,
        };
        hits.push(r);
    }
    println!("hits {:?}", hits);

    // The tokio tutorial's "modifying a branch".
    let (tx, mut rx) = mpsc::channel(128);
    let mut done = false;
    let operation = action(None);
    tokio::pin!(operation);
    tokio::spawn(async move {
        let _ = tx.send(1).await;
        let _ = tx.send(3).await;
        let _ = tx.send(2).await;
        let _ = tx.send(5).await;
    });
    loop {
        tokio::select! {
            biased;
            res = &mut operation, if !done => {
                done = true;
                println!("operation gave {:?}", res);
                if let Some(v) = res {
                    println!("GOT = {}", v);
                    return;
                }
            }
            Some(v) = rx.recv() => {
                println!("received {}", v);
                if v % 2 == 0 {
                    operation.set(action(Some(v)));
                    done = false;
                }
            }
        }
    }
}
