// A lock guard made while computing a call's argument (`*m.lock().unwrap()`) lives to the end
// of the statement and then unlocks: the lock is free for the next statement and for other
// threads, whether the callee is a function, a method or a channel's `send`.
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

fn double(n: i32) -> i32 {
    n * 2
}

struct Log {
    seen: Vec<i32>,
}

impl Log {
    fn record(&mut self, n: i32, label: &str) {
        self.seen.push(n);
        println!("{label}: {n}");
    }
}

fn main() {
    let m = Mutex::new(2);
    let (tx, rx) = mpsc::channel();
    tx.send(*m.lock().unwrap()).unwrap();
    println!("{:?} received {}", m, rx.recv().unwrap());
    println!("doubled {}", double(*m.lock().unwrap()));
    let mut log = Log { seen: Vec::new() };
    log.record(*m.lock().unwrap() + 1, "method");
    let mut v = vec![0];
    v.push(*m.lock().unwrap());
    println!("{:?} {:?} free: {}", v, log.seen, m.try_lock().is_ok());
    // A temporary receiver, a closure call, a tuple and a boxed `dyn Fn` call.
    let biggest = (*m.lock().unwrap()).max(3);
    println!("max {biggest} free: {}", m.try_lock().is_ok());
    let triple = |x: i32| x * 3;
    println!("closure {} free: {}", triple(*m.lock().unwrap()), m.try_lock().is_ok());
    let pair = (*m.lock().unwrap(), 'p');
    println!("{:?} free: {}", pair, m.try_lock().is_ok());
    let inc: Box<dyn Fn(i32) -> i32> = Box::new(|x| x + 1);
    let bumped = inc(*m.lock().unwrap());
    println!("boxed {bumped} free: {}", m.try_lock().is_ok());
    // The guard lives to the end of its statement, through the later calls in it.
    println!("same statement {} free: {}", double(*m.lock().unwrap()), m.try_lock().is_ok());
    println!("next statement free: {}", m.try_lock().is_ok());

    let shared = Arc::new(Mutex::new(10));
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for i in 0..3 {
        let s = Arc::clone(&shared);
        let tx = tx.clone();
        handles.push(thread::spawn(move || {
            for _ in 0..20 {
                tx.send(*s.lock().unwrap() + i).unwrap();
                *s.lock().unwrap() += 1;
            }
        }));
    }
    drop(tx);
    for h in handles {
        h.join().unwrap();
    }
    let got: Vec<i32> = rx.iter().collect();
    println!("{} messages, final {}, free: {}", got.len(), *shared.lock().unwrap(), shared.try_lock().is_ok());
}
