// Edges of pointers moved into closures: a closure kept in a struct, nested `move` closures,
// a closure never called, a boxed FnOnce, Rc with Weak, and captures a panic unwinds through.
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::thread;

struct Holder<F: Fn() -> usize> {
    f: F,
}

struct Noisy(String);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    // A closure kept in a struct lives as long as the struct.
    let a = Arc::new(1);
    let h = {
        let a2 = Arc::clone(&a);
        Holder { f: move || Arc::strong_count(&a2) }
    };
    println!("held: {} {}", (h.f)(), Arc::strong_count(&a));
    drop(h);
    println!("after drop(h): {}", Arc::strong_count(&a));

    // Nested move closures: the inner one takes the outer one's capture.
    let b = Arc::new(String::from("nested"));
    let b2 = Arc::clone(&b);
    let outer = move || {
        let inner = move || b2.len();
        inner()
    };
    println!("outer() = {} count {}", outer(), Arc::strong_count(&b));
    println!("after drop(outer): {}", Arc::strong_count(&b));

    // A closure that is never called still owns its capture.
    let c = Arc::new(3);
    {
        let c2 = Arc::clone(&c);
        let _unused = move || *c2;
        println!("unused alive: {}", Arc::strong_count(&c));
    }
    println!("unused gone: {}", Arc::strong_count(&c));

    // A boxed FnOnce called once.
    let d = Arc::new(Noisy(String::from("boxed once")));
    let d2 = Arc::clone(&d);
    let once: Box<dyn FnOnce() -> usize> = Box::new(move || {
        let mine = d2;
        Arc::strong_count(&mine)
    });
    println!("once() = {}", once());
    println!("after once: {}", Arc::strong_count(&d));
    drop(d);
    println!("d dropped");

    // Rc and Weak: the closure's clone keeps the value alive until it goes.
    let e = Rc::new(Noisy(String::from("rc value")));
    let w: Weak<Noisy> = Rc::downgrade(&e);
    let e2 = Rc::clone(&e);
    let show = move || e2.0.len();
    drop(e);
    println!("alive through the closure: {} {}", show(), w.strong_count());
    drop(show);
    println!("after drop(show): {}", w.strong_count());

    // Threads: each owns its clone; one panics, and its clone is still dropped.
    let f = Arc::new(Noisy(String::from("shared by threads")));
    let f1 = Arc::clone(&f);
    let f2 = Arc::clone(&f);
    let ok = thread::spawn(move || f1.0.len());
    let bad = thread::spawn(move || {
        if f2.0.len() > 3 {
            panic!("boom");
        }
        0
    });
    println!("ok: {}", ok.join().unwrap());
    println!("bad is err: {}", bad.join().is_err());
    println!("count after both: {}", Arc::strong_count(&f));
    match Arc::try_unwrap(f) {
        Ok(n) => println!("sole owner of {}", n.0),
        Err(_) => println!("still shared"),
    }
    println!("end");
}
