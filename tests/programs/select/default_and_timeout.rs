// not-rust
// select! with `default` (never waits) and `default(timeout)` (waits at most that long).
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let (tx, rx) = mpsc::channel::<i32>();
    let r = select! {
        recv(rx) -> msg => format!("got {:?}", msg),
        default => String::from("empty: default arm"),
    };
    println!("{r}");

    let start = Instant::now();
    select! {
        recv(rx) -> msg => println!("got {:?}", msg),
        default(Duration::from_millis(30)) => println!("timed out after at least 30ms: {}", start.elapsed() >= Duration::from_millis(30)),
    }

    let h = thread::spawn(move || {
        thread::sleep(Duration::from_millis(10));
        tx.send(7).unwrap();
    });
    select! {
        recv(rx) -> msg => println!("got {:?} before the timeout", msg),
        default(Duration::from_secs(5)) => println!("timed out"),
    }
    h.join().unwrap();
}
