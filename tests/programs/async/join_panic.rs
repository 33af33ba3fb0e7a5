// not-rust
// A panic inside a future of `join!` is reported once, by the task that awaits it (here
// main), at the panic's own location: the futures of a join! run inside the awaiting task.
// The unwinding drops the panicking future's values, then the other futures of the join!,
// then main's.
use std::time::Duration;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} (panicking: {})", self.0, std::thread::panicking());
    }
}

async fn boom(ms: u64) -> i32 {
    let _g = Noisy("boom's guard");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    panic!("boom in a joined future after {ms} ms")
}

async fn slow() -> i32 {
    let _g = Noisy("slow's guard");
    tokio::time::sleep(Duration::from_secs(5)).await;
    2
}

#[tokio::main]
async fn main() {
    let _m = Noisy("main's guard");
    let (a, b) = tokio::join!(slow(), boom(10));
    println!("never {a} {b}");
}
