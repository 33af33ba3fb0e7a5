// A warm `c.lock().unwrap()` site (its lock plan taken: the common case runs first) meeting
// every case its fast attempt leaves to the full path: a mutex held by another thread for a
// while (the waiter spins, then blocks, then is woken), a poisoned mutex read through
// `lock()`'s `Err` at another site, the same warm site again once the poison is cleared, a
// site reached with two different mutexes, an `Arc<RwLock<_>>` at a warm write site, and an
// overflow of `*c.lock().unwrap() += 1` at a warm site (the add and the guard's release are
// one step there: the overflow panics with the guard held, which poisons the lock).
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

fn bump(c: &Arc<Mutex<u64>>) -> u64 {
    *c.lock().unwrap() += 1;
    *c.lock().unwrap()
}

fn main() {
    let c = Arc::new(Mutex::new(0u64));
    for _ in 0..3 {
        bump(&c);
    }
    // Held by another thread for 30 ms while the warm site asks for it.
    let (tx, rx) = mpsc::channel();
    let c2 = Arc::clone(&c);
    let h = thread::spawn(move || {
        let mut g = c2.lock().unwrap();
        tx.send(()).unwrap();
        thread::sleep(Duration::from_millis(30));
        *g += 100;
    });
    rx.recv().unwrap();
    println!("after the holder: {}", bump(&c));
    h.join().unwrap();

    // Two threads on the warm site at once.
    let hs: Vec<_> = (0..2)
        .map(|_| {
            let c = Arc::clone(&c);
            thread::spawn(move || {
                for _ in 0..2000 {
                    bump(&c);
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("two threads: {}", *c.lock().unwrap());

    // Poisoned: the `Err` at another site, then cleared, and the warm site again.
    let c3 = Arc::clone(&c);
    let r = thread::spawn(move || {
        let _g = c3.lock().unwrap();
        panic!("poison it");
    })
    .join();
    println!("panicked: {}, poisoned: {}", r.is_err(), c.is_poisoned());
    match c.lock() {
        Ok(_) => println!("not poisoned"),
        Err(e) => println!("poisoned, holds {}", *e.into_inner()),
    }
    c.clear_poison();
    println!("cleared: {}", bump(&c));

    // The same site with another mutex.
    let d = Arc::new(Mutex::new(7u64));
    println!("another mutex: {} {}", bump(&d), bump(&c));

    // A warm write site on an `RwLock`.
    let rw = Arc::new(RwLock::new(0u64));
    for _ in 0..4 {
        *rw.write().unwrap() += 1;
    }
    println!("rwlock: {}", *rw.read().unwrap());

    let small = Arc::new(Mutex::new(250u8));
    let s2 = Arc::clone(&small);
    let r = thread::spawn(move || {
        for _ in 0..10 {
            *s2.lock().unwrap() += 1;
        }
    })
    .join();
    let left = *small.lock().unwrap_or_else(|e| e.into_inner());
    println!("overflowed: {}, poisoned: {}, holds {}", r.is_err(), small.is_poisoned(), left);
}
