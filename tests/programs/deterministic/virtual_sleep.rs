// not-rust
// sleeps of several minutes finish at once under the deterministic scheduler's
// virtual clock, and threads wake in deadline order.
use std::thread;
use std::time::Duration;

fn main() {
    let mut hs = Vec::new();
    for (name, mins) in [("slow", 9u64), ("fast", 1), ("medium", 5)] {
        hs.push(thread::spawn(move || {
            thread::sleep(Duration::from_secs(60 * mins));
            println!("{name} woke after {mins} minutes");
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    thread::park_timeout(Duration::from_secs(3600));
    println!("an hour of park_timeout later");
}
