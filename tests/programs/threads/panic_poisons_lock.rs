// A thread that panics while it holds a MutexGuard poisons the lock; join gives Err,
// the lock answers Err(PoisonError) whose into_inner still has the data.
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let data = Arc::new(Mutex::new(vec![1, 2, 3]));
    let d2 = Arc::clone(&data);
    let r = thread::spawn(move || {
        let mut v = d2.lock().unwrap();
        v.push(4);
        panic!("poisoning the lock");
    })
    .join();
    println!("thread failed: {}", r.is_err());
    println!("poisoned: {}", data.is_poisoned());
    match data.lock() {
        Ok(v) => println!("ok {:?}", *v),
        Err(e) => {
            let v = e.into_inner();
            println!("recovered {:?}", *v);
        }
    };
}
