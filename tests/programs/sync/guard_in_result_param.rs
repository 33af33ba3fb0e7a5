// A MutexGuard inside a `LockResult` (or `Result`) parameter, reached through an
// `Arc<Mutex>`: matched by value, by reference, passed on, returned, stored. The lock is
// free again once the owning function is done with it, as in Rust.
use std::sync::{Arc, LockResult, Mutex, MutexGuard, PoisonError};
use std::thread;

fn consume(r: LockResult<MutexGuard<i32>>) {
    let g = r.unwrap();
    println!("consume sees {}", *g);
}

fn pass_on(r: LockResult<MutexGuard<i32>>) {
    consume(r);
}

fn by_match(r: Result<MutexGuard<'_, i32>, PoisonError<MutexGuard<'_, i32>>>) -> i32 {
    match r {
        Ok(g) => *g + 1,
        Err(_) => -1,
    }
}

fn by_ref(r: LockResult<MutexGuard<i32>>) {
    if let Ok(g) = &r {
        println!("by_ref sees {}", **g);
    }
}

fn peek(r: LockResult<MutexGuard<i32>>) -> usize {
    let n = match &r {
        Ok(g) => **g as usize,
        Err(_) => 0,
    };
    n
}

fn give_back(r: LockResult<MutexGuard<i32>>) -> MutexGuard<i32> {
    match r {
        Ok(g) => g,
        Err(e) => e.into_inner(),
    }
}

fn stored(r: LockResult<MutexGuard<i32>>) {
    let v = vec![r];
    println!("stored {}", v.len());
}

fn free(m: &Mutex<i32>) -> bool {
    m.try_lock().is_ok()
}

fn main() {
    let m = Arc::new(Mutex::new(5));
    consume(m.lock());
    println!("after consume: {}", free(&m));
    pass_on(m.lock());
    println!("after pass_on: {}", free(&m));
    println!("by_match = {}", by_match(m.lock()));
    println!("after by_match: {}", free(&m));
    by_ref(m.lock());
    println!("after by_ref: {}", free(&m));
    println!("peek = {}", peek(m.lock()));
    println!("after peek: {}", free(&m));
    {
        let g = give_back(m.lock());
        println!("give_back holds {}: {}", *g, free(&m));
    }
    println!("after give_back: {}", free(&m));
    stored(m.lock());
    println!("after stored: {}", free(&m));
    {
        let r = m.lock();
        let r2 = r;
        println!("held in scope: {}", free(&m));
        let _ = &r2;
    }
    println!("after scope: {}", free(&m));

    let mut handles = Vec::new();
    for i in 0..3 {
        let m = Arc::clone(&m);
        handles.push(thread::spawn(move || {
            let _ = peek(m.lock());
            let before = by_match(m.lock());
            *m.lock().unwrap() += i;
            before
        }));
    }
    let mut seen: Vec<i32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    seen.sort();
    println!("threads saw {} values; final {}", seen.len(), *m.lock().unwrap());
}
