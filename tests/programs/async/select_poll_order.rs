// not-rust
// tokio's select! polls its futures inside the awaiting task. With `biased;` they are
// polled in order: when the first is ready at once it wins and the others never start;
// a branch that is pending (yield_now) lets the next one be polled. The branches not
// taken are dropped before the winning branch's body runs. `timeout` polls its future
// before its deadline: a future ready at once is `Ok` even with a zero timeout.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[tokio::main]
async fn main() {
    for _ in 0..3 {
        let n = tokio::select! {
            biased;
            a = async { println!("branch 0 runs"); 1 } => a,
            b = async { println!("branch 1 runs"); 2 } => b,
        };
        println!("biased: {n}");
    }
    let n = tokio::select! {
        biased;
        a = async {
            let _g = Noisy("branch 0's guard");
            tokio::task::yield_now().await;
            println!("branch 0 after yield");
            1
        } => a,
        b = async {
            let _g = Noisy("branch 1's guard");
            println!("branch 1 runs");
            2
        } => {
            println!("branch 1's body");
            b
        }
    };
    println!("biased: {n}");
    let t = tokio::time::timeout(Duration::ZERO, async { 7 }).await;
    println!("{t:?}");
    let t = tokio::time::timeout(Duration::from_millis(5), tokio::time::sleep(Duration::from_secs(60))).await;
    println!("{t:?}");
}
