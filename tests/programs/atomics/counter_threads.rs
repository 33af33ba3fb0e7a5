// Atomic counters shared by threads: nothing is lost, a spin flag publishes data.
use std::sync::atomic::{compiler_fence, fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

fn main() {
    let count = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let c = Arc::clone(&count);
            thread::spawn(move || {
                for _ in 0..2_000 {
                    c.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("count {}", count.load(Ordering::SeqCst));

    let data = Arc::new(AtomicU64::new(0));
    let ready = Arc::new(AtomicBool::new(false));
    let (d, r) = (Arc::clone(&data), Arc::clone(&ready));
    let producer = thread::spawn(move || {
        d.store(42, Ordering::Relaxed);
        fence(Ordering::Release);
        r.store(true, Ordering::Relaxed);
    });
    while !ready.load(Ordering::Acquire) {
        std::hint::spin_loop();
        thread::yield_now();
    }
    compiler_fence(Ordering::SeqCst);
    println!("data {}", data.load(Ordering::Relaxed));
    producer.join().unwrap();

    let max = Arc::new(AtomicU64::new(0));
    let hs: Vec<_> = (1..=5u64)
        .map(|i| {
            let m = Arc::clone(&max);
            thread::spawn(move || {
                m.fetch_max(i * 7, Ordering::SeqCst);
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("max {}", max.load(Ordering::SeqCst));
}
