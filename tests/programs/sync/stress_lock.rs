// Bounded stress: 8 threads x 2,000 lock-protected increments; nothing is lost.
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let threads = 8;
    let per = 2_000;
    let total = Arc::new(Mutex::new(0u64));
    let log = Arc::new(Mutex::new(Vec::new()));
    let hs: Vec<_> = (0..threads)
        .map(|t| {
            let total = Arc::clone(&total);
            let log = Arc::clone(&log);
            thread::spawn(move || {
                for _ in 0..per {
                    *total.lock().unwrap() += 1;
                }
                log.lock().unwrap().push(t);
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let mut done = log.lock().unwrap().clone();
    done.sort();
    println!("total {} (expected {})", *total.lock().unwrap(), threads * per);
    println!("finished {:?}", done);
}
