// not-rust
// the classic lock-order deadlock, forced in every schedule: main holds `a` and
// wants `b`; the worker holds `b` and wants `a`. The deterministic scheduler reports it.
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let a = Arc::new(Mutex::new(1));
    let b = Arc::new(Mutex::new(2));
    let main_thread = thread::current();
    let guard_a = a.lock().unwrap();
    let (a2, b2) = (a.clone(), b.clone());
    let worker = thread::spawn(move || {
        let held_b = b2.lock().unwrap();
        main_thread.unpark();
        let held_a = a2.lock().unwrap();
        println!("worker got both: {} {}", *held_a, *held_b);
    });
    thread::park();
    let guard_b = b.lock().unwrap();
    println!("main got both: {} {}", *guard_a, *guard_b);
    worker.join().unwrap();
}
