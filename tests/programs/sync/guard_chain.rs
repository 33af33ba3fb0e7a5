// A guard that is a temporary in a chain of method calls is unlocked at the end of its
// statement.
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn main() {
    let m = Mutex::new(vec![3, 1, 2]);
    m.lock().unwrap().push(4);
    println!("push: try_lock ok = {}", m.try_lock().is_ok());
    let l = m.lock().unwrap().len();
    println!("len {}: try_lock ok = {}", l, m.try_lock().is_ok());
    m.lock().unwrap().iter().for_each(|x| print!("{} ", x));
    println!();
    println!("for_each: try_lock ok = {}", m.try_lock().is_ok());
    let s: i32 = m.lock().unwrap().iter().map(|x| x * 2).sum();
    println!("sum {}: try_lock ok = {}", s, m.try_lock().is_ok());
    let v: Vec<i32> = m.lock().unwrap().iter().filter(|x| **x > 1).cloned().collect();
    println!("collect {:?}: try_lock ok = {}", v, m.try_lock().is_ok());
    m.lock().unwrap().retain(|x| *x != 2);
    m.lock().unwrap().sort_by(|a, b| b.cmp(a));
    println!("retain, sort_by: try_lock ok = {}", m.try_lock().is_ok());
    m.lock().unwrap().extend(vec![7, 8]);
    *m.lock().unwrap() = vec![5];
    m.lock().unwrap()[0] += 1;
    let first = m.lock().unwrap().first().copied();
    println!("first {:?}: try_lock ok = {}", first, m.try_lock().is_ok());
    if m.lock().unwrap().is_empty() {
        println!("empty");
    }
    println!("if condition: try_lock ok = {}", m.try_lock().is_ok());

    let r = RwLock::new(String::from("a"));
    r.write().unwrap().push('b');
    let n = r.read().unwrap().len();
    println!("rwlock len {}: try_write ok = {}", n, r.try_write().is_ok());

    // Two threads push through chained temporaries.
    let shared = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for i in 0..2 {
        let s = Arc::clone(&shared);
        handles.push(thread::spawn(move || {
            for j in 0..3 {
                s.lock().unwrap().push(i * 10 + j);
                let _n = s.lock().unwrap().iter().map(|x| x + 1).count();
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let mut all = shared.lock().unwrap().clone();
    all.sort();
    println!("{:?}", all);
}
