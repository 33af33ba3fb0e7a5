// A mutex keeps the place of its last dead guard and hands it to the next `lock`: every guard
// still holds the lock on its own, however it was made (`lock().unwrap()`, `lock()` matched,
// `try_lock()`), moved, kept in a struct or a Vec, released early with `drop`, left stale by a
// moved-out copy, given to a `Condvar`, or poisoned; a dropped mutex takes its spare with it.
// Printed as rustc's binary prints it.
use std::sync::{Arc, Condvar, Mutex, TryLockError};
use std::thread;

struct Held<'a> {
    g: std::sync::MutexGuard<'a, Vec<u32>>,
    tag: &'static str,
}

fn bump(m: &Mutex<u64>, n: u64) -> u64 {
    let mut g = m.lock().unwrap();
    *g += n;
    *g
}

fn take_and_give(g: std::sync::MutexGuard<'_, u64>) -> std::sync::MutexGuard<'_, u64> {
    g
}

fn main() {
    // Reuse in a loop: each statement's guard is gone before the next lock.
    let m = Mutex::new(0u64);
    for i in 0..5 {
        *m.lock().unwrap() += i;
        println!("sum {} try {}", *m.lock().unwrap(), m.try_lock().is_ok());
    }

    // A guard held across a try_lock: the reused place must not unlock twice.
    {
        let g = m.lock().unwrap();
        println!("held {} try_lock busy {}", *g, matches!(m.try_lock(), Err(TryLockError::WouldBlock)));
        drop(g);
        println!("after drop try_lock ok {}", m.try_lock().is_ok());
    }

    // A guard moved through a function and into a binding, then released at scope end.
    {
        let g = m.lock().unwrap();
        let mut g2 = take_and_give(g);
        *g2 += 100;
        println!("moved guard {} busy {}", *g2, m.try_lock().is_err());
    }
    println!("after scope {}", bump(&m, 1));

    // Guards kept in a struct and in a Vec (two mutexes), released in a chosen order.
    let a = Mutex::new(vec![1u32]);
    let b = Mutex::new(vec![2u32]);
    {
        let mut ha = Held { g: a.lock().unwrap(), tag: "a" };
        ha.g.push(10);
        let mut all = vec![b.lock().unwrap()];
        all[0].push(20);
        println!("{} {:?} busy a={} b={}", ha.tag, *ha.g, a.try_lock().is_err(), b.try_lock().is_err());
        drop(ha);
        println!("a free {} b busy {}", a.try_lock().is_ok(), b.try_lock().is_err());
        all.clear();
        println!("b free {}", b.try_lock().is_ok());
    }
    println!("{:?} {:?}", a.lock().unwrap(), b.lock().unwrap().len());

    // A matched `lock()` and a `try_lock()` guard, each reused by the next lock.
    for round in 0..3 {
        match m.lock() {
            Ok(mut g) => *g += 1,
            Err(_) => println!("poisoned"),
        }
        if let Ok(mut g) = m.try_lock() {
            *g *= 2;
            println!("round {} value {} busy {}", round, *g, m.try_lock().is_err());
        }
    }

    // A Condvar gives the guard back re-locked; the old guard's place is let go.
    let pair = Arc::new((Mutex::new(0u32), Condvar::new()));
    let p2 = Arc::clone(&pair);
    let t = thread::spawn(move || {
        for _ in 0..3 {
            let (lock, cv) = &*p2;
            let mut g = lock.lock().unwrap();
            *g += 1;
            cv.notify_one();
            drop(g);
        }
    });
    {
        let (lock, cv) = &*pair;
        let mut g = lock.lock().unwrap();
        while *g < 3 {
            g = cv.wait(g).unwrap();
        }
        println!("condvar saw {}", *g);
    }
    t.join().unwrap();
    println!("after condvar {} try {}", *pair.0.lock().unwrap(), pair.0.try_lock().is_ok());

    // Poisoning: a thread panics holding the lock; later locks see it, guards still work.
    let pm = Arc::new(Mutex::new(7i32));
    let pm2 = Arc::clone(&pm);
    let r = thread::spawn(move || {
        let mut g = pm2.lock().unwrap();
        *g += 1;
        panic!("boom");
    })
    .join();
    println!("thread panicked {}", r.is_err());
    for _ in 0..2 {
        match pm.lock() {
            Ok(g) => println!("ok {}", *g),
            Err(e) => {
                let mut g = e.into_inner();
                *g += 10;
                println!("poisoned, value {}", *g);
            }
        }
    }
    pm.clear_poison();
    *pm.lock().unwrap() += 1;
    println!("cleared {} poisoned {}", *pm.lock().unwrap(), pm.is_poisoned());

    // Many short-lived mutexes: each one's spare goes with it.
    let mut total = 0u64;
    for i in 0..50u64 {
        let tmp = Mutex::new(i);
        *tmp.lock().unwrap() += 1;
        total += *tmp.lock().unwrap();
        total += tmp.into_inner().unwrap();
    }
    println!("total {}", total);

    // Two threads alternating on one counter through every kind of guard.
    let c = Arc::new(Mutex::new(0u64));
    let hs: Vec<_> = (0..2)
        .map(|_| {
            let c = Arc::clone(&c);
            thread::spawn(move || {
                for _ in 0..500 {
                    *c.lock().unwrap() += 1;
                    {
                        let mut g = c.lock().unwrap();
                        *g += 1;
                    }
                    loop {
                        if let Ok(mut g) = c.try_lock() {
                            *g += 1;
                            break;
                        }
                        thread::yield_now();
                    }
                    {
                        let g = c.lock().unwrap();
                        let mut moved = g;
                        *moved += 1;
                        drop(moved);
                    }
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("counter {}", *c.lock().unwrap());
}
