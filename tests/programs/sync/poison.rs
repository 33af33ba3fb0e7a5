// A thread panics while it holds the lock: the mutex is poisoned, the data is still there.
use std::sync::{Arc, Mutex, TryLockError};
use std::thread;

fn main() {
    let data = Arc::new(Mutex::new(vec![1, 2, 3]));
    let d = Arc::clone(&data);
    let r = thread::spawn(move || {
        let mut g = d.lock().unwrap();
        g.push(4);
        panic!("boom while holding the lock");
    })
    .join();
    println!("thread failed: {}", r.is_err());
    println!("poisoned: {}", data.is_poisoned());
    match data.lock() {
        Ok(_) => println!("not poisoned?"),
        Err(e) => {
            println!("lock error: {:?}", e);
            println!("len via get_ref: {}", e.get_ref().len());
            let g = e.into_inner();
            println!("recovered: {:?}", *g);
        }
    }
    match data.try_lock() {
        Err(TryLockError::WouldBlock) => println!("unexpected"),
        Err(e) => println!("try_lock poisoned: {:?}", e),
        Ok(_) => println!("unexpected"),
    }
    {
        let e = data.try_lock().unwrap_err();
        println!("{:?}", e);
    }
    data.clear_poison();
    println!("poisoned after clear: {}", data.is_poisoned());
    println!("lock ok: {}", data.lock().is_ok());
    println!("data: {:?}", *data.lock().unwrap());
}
