// Guard temporaries and early exits: a return and a break value made through a temporary
// guard release it; a thread panicking while a statement's temporary guard is alive
// poisons the lock (rustc's output).
use std::sync::{Arc, Mutex};
use std::thread;

fn len_of(m: &Mutex<Vec<i32>>) -> usize {
    return m.lock().unwrap().len();
}

fn boom(x: i32) -> i32 {
    if x > 0 {
        panic!("boom {x}");
    }
    x
}

fn first_over(m: &Mutex<Vec<i32>>, k: i32) -> i32 {
    let mut i = 0;
    loop {
        let x = m.lock().unwrap()[i];
        if x > k {
            break x + m.lock().unwrap().len() as i32;
        }
        i += 1;
    }
}

fn main() {
    let m = Mutex::new(vec![1, 2, 3]);
    println!("1 {} {}", len_of(&m), m.try_lock().is_ok());
    println!("2 {} {}", first_over(&m, 1), m.try_lock().is_ok());
    let shared = Arc::new(Mutex::new(vec![0]));
    let s2 = Arc::clone(&shared);
    let r = thread::spawn(move || {
        s2.lock().unwrap().push(boom(1));
    })
    .join();
    println!("3 {} {}", r.is_err(), shared.is_poisoned());
    let v = shared.lock().unwrap_or_else(|e| e.into_inner()).clone();
    println!("4 {:?} {}", v, shared.try_lock().is_err());
    let other = Mutex::new(0);
    let s3 = Arc::clone(&shared);
    let o = Arc::new(Mutex::new(5));
    let o2 = Arc::clone(&o);
    let r = thread::spawn(move || {
        let n = boom(*o2.lock().unwrap() - 5 + 2) + *o2.lock().unwrap();
        s3.lock().unwrap_or_else(|e| e.into_inner()).push(n);
    })
    .join();
    println!("5 {} {} {}", r.is_err(), o.is_poisoned(), o.try_lock().is_err());
    *other.lock().unwrap() += *o.lock().unwrap_or_else(|e| e.into_inner());
    println!("6 {}", other.lock().unwrap());
}
