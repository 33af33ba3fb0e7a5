// A method call whose receiver is a local, parameter or capture and whose result is
// unwrapped at once (`c.lock().unwrap()`): the receiver is read in place for a lock behind an
// `Arc` (no handle copied), and copied as before for everything else. Handle counts, guard
// lifetimes, a lock that blocks (the call runs again when woken), locks that are not
// `Mutex`es, and receivers that are no lock at all, all as rustc's binary prints them.
use std::rc::Rc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

struct Counter {
    hits: Arc<Mutex<u32>>,
}

impl Counter {
    fn hit(&self, n: u32) -> u32 {
        let h = &self.hits;
        *h.lock().unwrap() += n;
        *h.lock().unwrap()
    }
}

fn add(m: &Arc<Mutex<Vec<i32>>>, x: i32) -> usize {
    m.lock().unwrap().push(x);
    m.lock().unwrap().len()
}

fn main() {
    // Counts: the borrowed receiver neither gains nor loses a handle.
    let c = Arc::new(Mutex::new(0u64));
    let c2 = Arc::clone(&c);
    for _ in 0..10 {
        *c.lock().unwrap() += 1;
        *c2.lock().unwrap() += 10;
    }
    println!("{} strong={} try={}", *c.lock().unwrap(), Arc::strong_count(&c), c.try_lock().is_ok());

    // The guard as a receiver, a parameter as the lock's receiver, a reassigned local.
    let v = Arc::new(Mutex::new(Vec::new()));
    for i in 0..4 {
        println!("len {}", add(&v, i * i));
    }
    let mut w = Arc::new(Mutex::new(vec![100]));
    w.lock().unwrap().push(1);
    w = Arc::clone(&v);
    w.lock().unwrap().push(-1);
    let last = *w.lock().unwrap().last().unwrap();
    println!("{:?} {} strong={}", v.lock().unwrap(), last, Arc::strong_count(&v));

    // A field read into a local, a closure capturing the lock by reference.
    let k = Counter { hits: Arc::new(Mutex::new(0)) };
    println!("hit {} {}", k.hit(2), k.hit(3));
    let bump = |n: u32| *k.hits.lock().unwrap() += n;
    let hits = Arc::clone(&k.hits);
    let peek = || *hits.lock().unwrap();
    bump(5);
    println!("peek {}", peek());

    // RwLock: write and read through the borrowed receiver.
    let rw = Arc::new(RwLock::new(String::from("a")));
    for s in ["b", "c"] {
        rw.write().unwrap().push_str(s);
        let n = rw.read().unwrap().len();
        println!("rw {} {}", rw.read().unwrap(), n);
    }

    // Receivers that are no lock: the call runs with the receiver copied in, as before.
    let nums = Arc::new(vec![3, 1, 2]);
    let text = Arc::new(String::from("42"));
    let shared = Rc::new(vec![7, 8]);
    for _ in 0..2 {
        println!("{} {} {} {}", nums.first().unwrap(), text.parse::<i32>().unwrap(), shared.last().unwrap(), Rc::strong_count(&shared));
    }
    let m = Arc::new(Mutex::new(1));
    for _ in 0..2 {
        *m.try_lock().unwrap() += 1;
    }
    println!("try_lock {}", *m.lock().unwrap());

    // A lock that is held elsewhere: the call blocks, and runs again when woken.
    let held = Arc::new(Mutex::new(0u32));
    let h2 = Arc::clone(&held);
    let (tx, rx) = std::sync::mpsc::channel();
    let t = thread::spawn(move || {
        let mut g = h2.lock().unwrap();
        tx.send(()).unwrap();
        thread::sleep(Duration::from_millis(20));
        *g += 100;
    });
    rx.recv().unwrap();
    for _ in 0..3 {
        *held.lock().unwrap() += 1;
    }
    t.join().unwrap();
    println!("held {}", *held.lock().unwrap());

    // Two threads contending through borrowed receivers.
    let total = Arc::new(Mutex::new(0u64));
    let hs: Vec<_> = (0..2)
        .map(|_| {
            let t = Arc::clone(&total);
            thread::spawn(move || {
                for _ in 0..2000 {
                    *t.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("total {}", *total.lock().unwrap());
}
