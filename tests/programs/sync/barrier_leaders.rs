// Barrier: exactly one leader per generation, reusable across generations.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

fn main() {
    let n = 5;
    let rounds = 3;
    let barrier = Arc::new(Barrier::new(n));
    let leaders = Arc::new(AtomicUsize::new(0));
    let arrived = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let b = Arc::clone(&barrier);
            let l = Arc::clone(&leaders);
            let a = Arc::clone(&arrived);
            thread::spawn(move || {
                for round in 0..rounds {
                    a.fetch_add(1, Ordering::SeqCst);
                    let r = b.wait();
                    // Everybody of this round arrived before anybody passed.
                    assert!(a.load(Ordering::SeqCst) >= (round + 1) * n);
                    if r.is_leader() {
                        l.fetch_add(1, Ordering::SeqCst);
                    }
                    b.wait();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    println!("leaders: {} for {} rounds", leaders.load(Ordering::SeqCst), rounds);
    let one = Barrier::new(1);
    let r = one.wait();
    println!("{:?} {}", r, r.is_leader());
}
