// RwLock: shared readers, one writer, try_read/try_write, poisoning by a writer.
use std::sync::{Arc, RwLock};
use std::thread;

fn main() {
    let lock = RwLock::new(5);
    {
        let r1 = lock.read().unwrap();
        let r2 = lock.read().unwrap();
        println!("readers see {} and {}", *r1, *r2);
        println!("try_write while read: {}", lock.try_write().is_err());
        println!("try_read while read: {}", lock.try_read().is_ok());
    }
    {
        let mut w = lock.write().unwrap();
        *w += 1;
        println!("try_read while written: {}", lock.try_read().is_err());
        println!("{:?}", lock.try_write().err());
    }
    println!("after: {}", *lock.read().unwrap());

    let shared = Arc::new(RwLock::new(vec![0; 4]));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let s = Arc::clone(&shared);
            thread::spawn(move || {
                s.write().unwrap()[i] = i * 10;
                let r = s.read().unwrap();
                let sum: usize = r.iter().sum();
                sum >= i * 10
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
    println!("{:?}", *shared.read().unwrap());

    let s = Arc::clone(&shared);
    let _ = thread::spawn(move || {
        let _w = s.write().unwrap();
        panic!("writer panics");
    })
    .join();
    println!("poisoned: {}", shared.is_poisoned());
    println!("read after poison is err: {}", shared.read().is_err());
    let v = shared.read().unwrap_or_else(|e| e.into_inner());
    println!("still readable: {:?}", *v);
    drop(v);
    let mut l = RwLock::new(String::from("a"));
    l.get_mut().unwrap().push('b');
    println!("{:?}", l.into_inner().unwrap());
}
