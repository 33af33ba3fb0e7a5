// Where Rust ends a guard temporary's life: a for loop's iterator (the whole loop), if let
// and match scrutinees (the whole statement), a let with ?, loop with break in a match,
// while conditions, indexing assignments (rustc's output).
use std::sync::{Mutex, RwLock};
use std::collections::HashMap;

fn first_even(m: &Mutex<Vec<i32>>) -> Option<i32> {
    for x in m.lock().unwrap().iter() {
        if x % 2 == 0 {
            return Some(*x);
        }
    }
    None
}

fn get(m: &Mutex<HashMap<String, i32>>, k: &str) -> Result<i32, String> {
    let v = *m.lock().unwrap().get(k).ok_or(format!("no {k}"))?;
    Ok(v + m.try_lock().is_ok() as i32)
}

fn sum_until(m: &Mutex<Vec<i32>>, stop: i32) -> i32 {
    let mut s = 0;
    let mut i = 0;
    loop {
        let x = match m.lock().unwrap().get(i) {
            Some(&x) if x == stop => break,
            Some(&x) => x,
            None => break,
        };
        s += x;
        i += 1;
    }
    s + m.try_lock().is_ok() as i32 * 1000
}

fn main() {
    let v = Mutex::new(vec![1, 3, 4, 6]);
    println!("1 {:?} {}", first_even(&v), v.try_lock().is_ok());
    let mut h = HashMap::new();
    h.insert("a".to_string(), 5);
    let hm = Mutex::new(h);
    println!("2 {:?} {:?} {}", get(&hm, "a"), get(&hm, "b"), hm.try_lock().is_ok());
    println!("3 {} {}", sum_until(&v, 6), v.try_lock().is_ok());
    // for over a guard's iterator: held for the whole loop
    for x in v.lock().unwrap().iter().take(1) {
        println!("4 {} held={}", x, v.try_lock().is_err());
    }
    println!("5 {}", v.try_lock().is_ok());
    // if let on a temporary guard: held in the body (2021)
    if let Some(x) = v.lock().unwrap().first() {
        println!("6 {} held={}", x, v.try_lock().is_err());
    }
    println!("7 {}", v.try_lock().is_ok());
    // match on a guard's value
    let n = match v.lock().unwrap().len() {
        4 => v.try_lock().is_err() as i32,
        _ => -1,
    };
    println!("8 {} {}", n, v.try_lock().is_ok());
    // while let with break and continue
    let q = Mutex::new(vec![5, 4, 3, 2, 1]);
    let mut got = vec![];
    while let Some(x) = q.lock().unwrap().pop() {
        if x == 2 { continue; }
        if x == 4 { break; }
        got.push(x);
    }
    println!("9 {:?} {:?} {}", got, q.lock().unwrap(), q.try_lock().is_ok());
    // RwLock read in a condition, write in the body
    let rw = RwLock::new(0);
    while *rw.read().unwrap() < 3 {
        *rw.write().unwrap() += 1;
    }
    println!("10 {} {}", rw.read().unwrap(), rw.try_write().is_ok());
    // closure called twice in one statement, each locking
    let inc = || { let mut g = v.lock().unwrap(); g.push(0); g.len() };
    println!("11 {} {} {}", inc(), inc(), v.try_lock().is_ok());
    // a clone out of a guard, then lock again
    let c = v.lock().unwrap().clone();
    v.lock().unwrap().push(c.len() as i32);
    println!("12 {:?}", v.lock().unwrap());
    // assignment whose right side locks and left side indexes a locked vec
    let w = Mutex::new(vec![0; 3]);
    w.lock().unwrap()[1] = v.lock().unwrap().len() as i32;
    let idx = w.lock().unwrap().len() - 1;
    w.lock().unwrap()[idx] = *q.lock().unwrap().first().unwrap();
    println!("13 {:?} {} {}", w.lock().unwrap(), w.try_lock().is_ok(), q.try_lock().is_ok());
}
