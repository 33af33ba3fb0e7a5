// A lock guard moved into a closure is dropped with the closure, or where the closure's body
// moves it out.
use std::sync::{Arc, Mutex};
use std::thread;

fn run<F: FnOnce() -> usize>(f: F) -> usize {
    f()
}

fn twice<F: Fn() -> usize>(f: F) -> usize {
    f() + f()
}

fn main() {
    let m = Mutex::new(vec![1, 2]);
    {
        let g = m.lock().unwrap();
        let f = move || g.len();
        println!("closure sees {}", f());
        println!("closure alive: try_lock ok = {}", m.try_lock().is_ok());
    }
    println!("closure out of scope: try_lock ok = {}", m.try_lock().is_ok());

    let g = m.lock().unwrap();
    let f = move || g.len();
    println!("closure sees {}", f());
    drop(f);
    println!("drop(closure): try_lock ok = {}", m.try_lock().is_ok());

    let g = m.lock().unwrap();
    println!("run {}", run(move || g.len()));
    println!("after run: try_lock ok = {}", m.try_lock().is_ok());

    let g = m.lock().unwrap();
    println!("twice {}", twice(move || g.len()));
    println!("after twice: try_lock ok = {}", m.try_lock().is_ok());

    let g = m.lock().unwrap();
    let push = move || {
        let mut inner = g;
        inner.push(3);
        inner.len()
    };
    println!("push gives {}", push());
    println!("after FnOnce call: try_lock ok = {}", m.try_lock().is_ok());

    // In a thread: the guard moves into a closure that the thread calls once.
    let shared = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for i in 1..=2 {
        let s = Arc::clone(&shared);
        handles.push(thread::spawn(move || {
            for _ in 0..50 {
                let guard = s.lock().unwrap();
                let add = move |k: i32| {
                    let mut held = guard;
                    *held += k;
                };
                add(i);
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("shared = {}, try_lock ok = {}", *shared.lock().unwrap(), shared.try_lock().is_ok());
}
