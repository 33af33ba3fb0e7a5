use std::sync::atomic::{AtomicUsize, AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Condvar, Mutex, Once, OnceLock, RwLock};
use std::thread;
// std's Debug and Display of the sync types: locked and poisoned mutexes, atomics, Condvar,
// Barrier, Once, OnceLock, PoisonError.
fn main() {
    let m = Mutex::new(5);
    {
        let _g = m.lock().unwrap();
        println!("{:?}", m);
    }
    println!("{:?}", m);
    let a = AtomicUsize::new(3);
    a.fetch_add(2, Ordering::SeqCst);
    println!("{:?} {:?}", a, AtomicBool::new(true));
    println!("{:?} {:?} {:?}", Condvar::new(), Barrier::new(2), Once::new());
    let o: OnceLock<i32> = OnceLock::new();
    println!("{:?}", o);
    o.set(4).unwrap();
    println!("{:?}", o);
    let p = Arc::new(Mutex::new(vec![1]));
    let p2 = Arc::clone(&p);
    let _ = thread::spawn(move || {
        let _g = p2.lock().unwrap();
        panic!("x");
    })
    .join();
    println!("{:?}", p);
    let e = p.lock().unwrap_err();
    println!("{}", e);
    println!("{:?}", e);
    let rw = RwLock::new("s");
    println!("{:?}", rw);
    println!("{:#?}", m);
}
