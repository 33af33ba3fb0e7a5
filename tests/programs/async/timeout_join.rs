// not-rust
// timeout (elapsed: the inner future is cancelled and dropped; in time: Ok), join!,
// try_join!, join_all, sleep.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn slow(ms: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    ms
}

async fn check(n: i32) -> Result<i32, String> {
    if n > 2 {
        Err(format!("too big: {n}"))
    } else {
        Ok(n)
    }
}

#[tokio::main]
async fn main() {
    let t = tokio::time::timeout(Duration::from_millis(10), async {
        let _g = Noisy("timed-out future");
        tokio::time::sleep(Duration::from_secs(5)).await;
        1
    })
    .await;
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("{:?}", t);
    match tokio::time::timeout(Duration::from_millis(500), slow(5)).await {
        Ok(v) => println!("in time: {v}"),
        Err(e) => println!("late: {e}"),
    }
    let (a, b, c) = tokio::join!(slow(30), slow(10), async { "x" });
    println!("join: {a} {b} {c}");
    println!("{:?}", tokio::try_join!(check(1), check(2)));
    let r: Result<(i32, i32), String> = tokio::try_join!(check(1), check(5));
    println!("{:?}", r);
    let v = futures::future::join_all(vec![slow(3), slow(1), slow(2)]).await;
    println!("{:?}", v);
}
