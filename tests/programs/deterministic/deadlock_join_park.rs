// not-rust
// every thread blocked for good. Rust would hang; the deterministic scheduler
// reports what each thread waits on, where, and exits with code 101.
use std::thread;

fn main() {
    println!("start");
    let h = thread::Builder::new()
        .name("sleeper".into())
        .spawn(|| {
            thread::park();
        })
        .unwrap();
    h.join().unwrap();
    println!("never printed");
}
