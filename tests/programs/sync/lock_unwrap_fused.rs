// `lock()`, `write()` and `read()` of an `Arc<Mutex<_>>`/`Arc<RwLock<_>>` unwrapped at once
// (a fused call once its site is warm): the guard lives to the statement's end or in its
// binding, and a poisoned lock makes the warm site's `unwrap` panic with Rust's message at
// its own line (rustc's output).
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn bump(m: &Arc<Mutex<i32>>) -> bool {
    *m.lock().unwrap() += 1;
    m.try_lock().is_ok()
}

fn main() {
    let m = Arc::new(Mutex::new(0));
    let rw = Arc::new(RwLock::new(0));
    for i in 0..3 {
        *m.lock().unwrap() += 1;
        *rw.write().unwrap() += 2;
        let r = *rw.read().unwrap() + i;
        println!("{} {} {} {}", m.lock().unwrap(), r, m.try_lock().is_ok(), rw.try_write().is_ok());
        let both = *m.lock().unwrap() + *rw.read().unwrap();
        println!("{} {}", both, m.try_lock().is_err());
    }
    for _ in 0..3 {
        let g = m.lock().unwrap();
        println!("held {} {}", *g, m.try_lock().is_err());
        drop(g);
        println!("free {}", m.try_lock().is_ok());
    }
    let hs: Vec<_> = (0..2)
        .map(|_| {
            let m = Arc::clone(&m);
            thread::spawn(move || {
                for _ in 0..500 {
                    bump(&m);
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let n = *m.lock().unwrap();
    println!("{} {}", n, bump(&m));
    let m2 = Arc::clone(&m);
    let r = thread::spawn(move || {
        let _g = m2.lock().unwrap();
        panic!("boom");
    })
    .join();
    println!("{} {}", r.is_err(), m.is_poisoned());
    bump(&m);
    println!("unreachable");
}
