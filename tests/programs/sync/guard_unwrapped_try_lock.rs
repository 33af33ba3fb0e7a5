// A lock guard taken out of its `Result` (`unwrap`, `expect`, `if let`, `match`) holds the
// lock until the binding dies, not until the `Result` temporary does: `try_lock` in the
// meantime is `WouldBlock` (a second `lock()` would deadlock).
use std::sync::{Mutex, RwLock, TryLockError};

fn state<T>(r: &Result<T, TryLockError<T>>) -> &'static str {
    match r {
        Ok(_) => "Ok",
        Err(TryLockError::WouldBlock) => "WouldBlock",
        Err(TryLockError::Poisoned(_)) => "Poisoned",
    }
}

fn locked_len(m: &Mutex<Vec<i32>>) -> Result<usize, String> {
    let g = m.lock().map_err(|e| e.to_string())?;
    println!("  via ?: {}", state(&m.try_lock()));
    Ok(g.len())
}

fn main() {
    let m = Mutex::new(5);
    {
        let g = m.lock().unwrap();
        println!("unwrap: {} {}", *g, state(&m.try_lock()));
    }
    println!("after: {}", state(&m.try_lock()));
    {
        let g = m.lock().expect("lock");
        println!("expect: {} {}", *g, state(&m.try_lock()));
    }
    if let Ok(g) = m.lock() {
        println!("if let: {} {}", *g, state(&m.try_lock()));
    }
    match m.lock() {
        Ok(g) => println!("match: {} {}", *g, state(&m.try_lock())),
        Err(_) => println!("poisoned"),
    }
    {
        let g = m.try_lock().unwrap();
        println!("try_lock().unwrap(): {} {}", *g, state(&m.try_lock()));
        drop(g);
        println!("dropped: {}", state(&m.try_lock()));
    }
    let v = Mutex::new(vec![1, 2, 3]);
    println!("{:?} then {}", locked_len(&v), state(&v.try_lock()));

    let rw = RwLock::new(1);
    {
        let r = rw.read().unwrap();
        println!("read {}: write free {}, read free {}", *r, rw.try_write().is_ok(), rw.try_read().is_ok());
    }
    {
        let w = rw.write().unwrap();
        println!("write {}: read free {}", *w, rw.try_read().is_ok());
    }
    println!("end: {}", rw.try_write().is_ok());
}
