// not-rust
// Under the deterministic scheduler `Instant::now()` and `elapsed()` read the virtual clock:
// a 90-second sleep is exactly 90 s, and a timing loop spins the same number of times.
use std::thread;
use std::time::{Duration, Instant};
fn main() {
    let start = Instant::now();
    thread::sleep(Duration::from_secs(90));
    let e = start.elapsed();
    println!("slept at least 90 s: {}", e >= Duration::from_secs(90));
    println!("{:?}", e);
    let t0 = Instant::now();
    let mut n = 0u64;
    while t0.elapsed() < Duration::from_micros(50) { n += 1; }
    println!("spins {n}");
    println!("{:?}", Instant::now().duration_since(start));
}
