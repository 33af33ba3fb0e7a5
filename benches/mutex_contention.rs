// Sync benchmark: two threads contend for one mutex, each adding 1 to the shared counter N
// times (5 * 10^6 by default), locking and unlocking around every increment. Measures an
// uncontended-to-contended lock/unlock pair plus the critical section. The count is read at
// run time (first argument).
use std::sync::{Arc, Mutex};
use std::thread;

fn arg_or(default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<u64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(5_000_000);
    let counter = Arc::new(Mutex::new(0u64));
    let mut handles = Vec::new();
    for _ in 0..2 {
        let c = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            let mut i = 0;
            while i < n {
                *c.lock().unwrap() += 1;
                i += 1;
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("mutex_contention({}) = {}", n, *counter.lock().unwrap());
}
