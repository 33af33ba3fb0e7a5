// A lock guard passed by value into a function is dropped (unlocked) when that function ends.
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockWriteGuard};
use std::thread;

fn consume(g: MutexGuard<'_, Vec<i32>>) -> usize {
    g.len()
}

fn add_one(mut g: MutexGuard<'_, i32>) {
    *g += 1;
}

fn append(mut w: RwLockWriteGuard<'_, String>, s: &str) {
    w.push_str(s);
}

fn main() {
    let m = Mutex::new(vec![1, 2]);

    let n = consume(m.lock().unwrap());
    println!("temporary guard: len {}, try_lock ok after = {}", n, m.try_lock().is_ok());

    let g = m.lock().unwrap();
    let n = consume(g);
    println!("local guard: len {}, try_lock ok after = {}", n, m.try_lock().is_ok());

    let r = RwLock::new(String::from("a"));
    append(r.write().unwrap(), "b");
    let w = r.write().unwrap();
    append(w, "c");
    println!("rwlock: {}, try_write ok after = {}", r.read().unwrap(), r.try_write().is_ok());

    // Two threads hand their guard to a function, 100 times each: nothing stays locked.
    let counter = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for _ in 0..2 {
        let c = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            for _ in 0..100 {
                add_one(c.lock().unwrap());
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("counter = {}, try_lock ok = {}", *counter.lock().unwrap(), counter.try_lock().is_ok());
}
