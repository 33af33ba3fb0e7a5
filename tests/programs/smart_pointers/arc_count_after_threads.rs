// Arc counts after threads that took their clone by `move` have been joined: each thread's
// closure owned its clone and dropped it when the thread ended (the Book's chapter 16
// counter, then `strong_count` and `try_unwrap`).
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut handles = vec![];
    for _ in 0..10 {
        let counter = Arc::clone(&counter);
        let handle = thread::spawn(move || {
            let mut num = counter.lock().unwrap();
            *num += 1;
        });
        handles.push(handle);
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("Result: {}", *counter.lock().unwrap());
    println!("strong_count after joins: {}", Arc::strong_count(&counter));
    match Arc::try_unwrap(counter) {
        Ok(m) => println!("try_unwrap: Ok({})", m.into_inner().unwrap()),
        Err(_) => println!("try_unwrap: still shared"),
    }

    // Scoped threads borrow; a moved clone is dropped at the thread's end.
    let data = Arc::new(vec![1, 2, 3]);
    thread::scope(|s| {
        for i in 0..3 {
            let d = Arc::clone(&data);
            s.spawn(move || {
                let _ = d[i];
            });
        }
    });
    println!("after scope: {}", Arc::strong_count(&data));

    // A thread that returns its capture hands it to the joiner.
    let shared = Arc::new(String::from("hello"));
    let s2 = Arc::clone(&shared);
    let h = thread::spawn(move || s2);
    let back = h.join().unwrap();
    println!("returned: {} count {}", back, Arc::strong_count(&shared));
    drop(back);
    println!("after drop: {}", Arc::strong_count(&shared));

    // A thread that only reads its clone, and one that drops it early.
    let a = Arc::new(5);
    let a1 = Arc::clone(&a);
    let a2 = Arc::clone(&a);
    let t1 = thread::spawn(move || *a1 + 1);
    let t2 = thread::spawn(move || {
        drop(a2);
        7
    });
    println!("{} {}", t1.join().unwrap(), t2.join().unwrap());
    println!("count at end: {}", Arc::strong_count(&a));
}
