// TryLockError's Display is std's: "try_lock failed because the operation would block", and
// the poisoned message; Debug stays "WouldBlock" / "Poisoned(..)".
use std::sync::{Arc, Mutex, RwLock, TryLockError};
use std::thread;

fn main() {
    let m = Mutex::new(1);
    let g = m.lock().unwrap();
    if let Err(e) = m.try_lock() {
        println!("{}", e);
        println!("{:?}", e);
        println!("{}", e.to_string());
        println!("[{:>55}]", e);
    }
    drop(g);

    let rw = RwLock::new(0);
    let r = rw.read().unwrap();
    if let Err(e) = rw.try_write() {
        println!("rwlock: {e}");
    }
    drop(r);

    let m = Arc::new(Mutex::new(0));
    let m2 = Arc::clone(&m);
    let _ = thread::spawn(move || {
        let _g = m2.lock().unwrap();
        panic!("poison it");
    })
    .join();
    match m.try_lock() {
        Err(TryLockError::Poisoned(e)) => {
            let text = e.to_string();
            let again = TryLockError::Poisoned(e);
            println!("poisoned: {} / {} / {:?}", text, again, again);
        }
        Err(e) => println!("other {}", e),
        Ok(_) => println!("ok"),
    }
    let r = m.try_lock().map(|_| ());
    if let Err(e) = r {
        println!("{e} | {e:?}");
    }
}
