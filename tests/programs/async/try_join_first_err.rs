// not-rust
// try_join! stops at the first Err in completion order (not argument order): the futures
// still running are cancelled and dropped (their Drop impls run) before it returns, and
// those that had not finished print nothing more.
use std::time::Duration;

struct Noisy(u64);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop check({})", self.0);
    }
}

async fn check(n: u64) -> Result<u64, String> {
    let _g = Noisy(n);
    tokio::time::sleep(Duration::from_millis(n * 40)).await;
    println!("check({n}) done");
    if n == 2 {
        Err(format!("bad {n}"))
    } else {
        Ok(n)
    }
}

#[tokio::main]
async fn main() {
    let r = tokio::try_join!(check(9), check(2), check(1));
    println!("{r:?}");
    let r = tokio::try_join!(check(1), check(3));
    println!("{r:?}");
    let r: Result<((), u64), String> = tokio::try_join!(async { Err("at once".to_string()) }, check(4));
    println!("{r:?}");
}
