// std::panic::catch_unwind: a panic inside the closure unwinds its frames (their Drop impls
// run), the default hook prints the message, and the caller gets Err(payload) and goes on.
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::thread;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} (panicking: {})", self.0, thread::panicking());
    }
}

fn deep(n: u32) -> u32 {
    let _g = Noisy("deep");
    if n == 0 {
        panic!("bottom reached");
    }
    deep(n - 1) + 1
}

fn add(a: u8, b: u8) -> u8 {
    a + b
}

fn main() {
    let ok = panic::catch_unwind(|| 40 + 2);
    println!("ok: {:?}", ok.is_ok());
    println!("value: {}", ok.unwrap());

    let r = panic::catch_unwind(|| {
        let _a = Noisy("outer");
        deep(0)
    });
    match r {
        Ok(v) => println!("returned {v}"),
        Err(e) => println!("caught: {:?}", e.downcast_ref::<&str>()),
    }

    let who = "formatted";
    let r = panic::catch_unwind(|| -> i32 { panic!("a {} message", who) });
    let e = r.unwrap_err();
    println!("is &str: {}, String: {:?}", e.is::<&str>(), e.downcast_ref::<String>());

    let r = panic::catch_unwind(|| add(200, 100));
    println!("overflow caught: {:?}", r.map_err(|e| e.downcast_ref::<&str>().map(|s| s.to_string())));

    let v: Vec<i32> = vec![1, 2, 3];
    let r = panic::catch_unwind(|| v[7]);
    println!("index caught: {}", r.is_err());

    let mut count = 0;
    let r = panic::catch_unwind(AssertUnwindSafe(|| {
        count += 5;
        if count > 3 {
            panic!("too many");
        }
        count
    }));
    println!("count after: {count}, err: {}", r.is_err());

    // A lock held by the closure is poisoned by the unwinding.
    let m = Arc::new(Mutex::new(0));
    let m2 = m.clone();
    let r = panic::catch_unwind(move || {
        let mut g = m2.lock().unwrap();
        *g += 1;
        panic!("while locked");
    });
    println!("poisoned: {}, err: {}", m.is_poisoned(), r.is_err());
    let v = match m.lock() {
        Ok(g) => *g,
        Err(p) => *p.into_inner(),
    };
    println!("value under poison: {v}");

    // Nested: the inner catch stops the panic, the outer sees Ok.
    let r = panic::catch_unwind(|| {
        let inner = panic::catch_unwind(|| {
            let _n = Noisy("inner");
            panic!("inner panic");
        });
        println!("inner err: {}", inner.is_err());
        7
    });
    println!("outer: {:?}", r.ok());

    // In a spawned thread, then the thread goes on and returns.
    let h = thread::spawn(|| {
        let r = panic::catch_unwind(|| {
            panic!("in thread");
        });
        if r.is_err() { 1 } else { 0 }
    });
    println!("thread result: {}", h.join().unwrap());
    println!("end");
}
