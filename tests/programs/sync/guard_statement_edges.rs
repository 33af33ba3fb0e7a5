// The end of a statement whose temporaries hold a lock guard, and `*g += n` through a guard
// or a `&mut` to a field, on their fused paths (a guard and a droppable temporary of one
// statement, `*g += 1` on integers of several widths, a field, a boxed local, a vector
// element, a float) and their edges: the guard is released before an earlier temporary's
// `Drop` runs, and an overflowing `*g += 1` panics with Rust's message at its line, poisoning
// the lock (rustc's output).
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

struct Noisy<'a> {
    name: &'static str,
    m: &'a Mutex<u8>,
}

impl Drop for Noisy<'_> {
    fn drop(&mut self) {
        println!("drop {} (lock free: {})", self.name, self.m.try_lock().is_ok());
    }
}

fn noisy<'a>(name: &'static str, m: &'a Mutex<u8>) -> Noisy<'a> {
    Noisy { name, m }
}

struct Counter {
    n: i64,
    hits: u16,
}

fn main() {
    let m = Arc::new(Mutex::new(240u8));
    let w = Arc::new(Mutex::new(i64::MAX - 3));
    let rw = Arc::new(RwLock::new(-5i32));
    let names = Arc::new(Mutex::new(Vec::new()));
    for i in 0..3 {
        *m.lock().unwrap() += 1;
        *w.lock().unwrap() += 1;
        *rw.write().unwrap() += 2;
        names.lock().unwrap().push(format!("n{i}"));
        let sum = noisy("first", &m).name.len() as u8 + *m.lock().unwrap();
        println!("{} {} {} {} {:?}", sum, *w.lock().unwrap(), *rw.read().unwrap(), m.try_lock().is_ok(), names.lock().unwrap());
    }
    let mut c = Counter { n: -2, hits: 65534 };
    let mut local = 7i32;
    let mut v = vec![1u64, 2, 3];
    let mut f = 1.5f64;
    for _ in 0..2 {
        let r = &mut c.n;
        *r += 1;
        let h = &mut c.hits;
        *h += 0;
        let l = &mut local;
        *l += 3;
        let e = &mut v[1];
        *e += 10;
        let g = &mut f;
        *g += 1.0;
    }
    println!("{} {} {} {:?} {}", c.n, c.hits, local, v, f);
    let m2 = Arc::clone(&m);
    let r = thread::spawn(move || {
        for _ in 0..20 {
            *m2.lock().unwrap() += 1;
            println!("now {}", *m2.lock().unwrap());
        }
    })
    .join();
    println!("{} {}", r.is_err(), m.is_poisoned());
    match m.lock() {
        Ok(g) => println!("ok {}", *g),
        Err(e) => println!("poisoned, still {}", *e.into_inner()),
    }
    *m.lock().unwrap() += 1;
    println!("unreachable");
}
