// Arc and Rc pointers moved into closures: counted down when the closure is dropped or
// consumed, in Rust's order (a consumed `FnOnce` drops its captures at the end of the call).
use std::rc::Rc;
use std::sync::Arc;
use std::thread;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn call_fn<F: Fn() -> usize>(f: &F) -> usize {
    f()
}

fn call_once<F: FnOnce()>(f: F) {
    println!("call_once: before the call");
    f();
    println!("call_once: after the call");
}

fn main() {
    // An Fn closure called in a scope, dropped at the scope's end.
    let a = Arc::new(vec![1, 2, 3]);
    {
        let a2 = Arc::clone(&a);
        let f = move || a2.len();
        println!("len {} count {}", call_fn(&f), Arc::strong_count(&a));
        println!("again {} count {}", f(), Arc::strong_count(&a));
    }
    println!("after scope: {}", Arc::strong_count(&a));

    // A consumed FnOnce drops its capture at the end of the call.
    let n = Noisy("captured");
    call_once(move || {
        let m = n;
        println!("inside: {}", m.0);
    });
    // An Fn closure given by value and dropped by its new owner at that owner's end.
    let n2 = Noisy("captured, not consumed");
    let keep = move || {
        let r = &n2;
        println!("inside: {}", r.0.len())
    };
    keep();
    keep();
    drop(keep);
    println!("after drop(keep)");

    // Rc with an explicit drop of the closure.
    let r = Rc::new(String::from("rc"));
    let r2 = Rc::clone(&r);
    let g = move || r2.len();
    println!("g {} count {}", g(), Rc::strong_count(&r));
    drop(g);
    println!("after drop(g): {}", Rc::strong_count(&r));

    // A vector of boxed closures, each owning a clone.
    let shared = Arc::new(10);
    let mut fs: Vec<Box<dyn Fn() -> i32>> = Vec::new();
    for i in 0..3 {
        let s = Arc::clone(&shared);
        fs.push(Box::new(move || *s + i));
    }
    let total: i32 = fs.iter().map(|f| f()).sum();
    println!("total {} count {}", total, Arc::strong_count(&shared));
    fs.pop();
    println!("after pop: {}", Arc::strong_count(&shared));
    drop(fs);
    println!("after drop(fs): {}", Arc::strong_count(&shared));

    // try_unwrap succeeds once every closure is gone.
    let v = Arc::new(vec![String::from("x")]);
    let v2 = Arc::clone(&v);
    let h = thread::spawn(move || v2.len());
    println!("joined {}", h.join().unwrap());
    match Arc::try_unwrap(v) {
        Ok(inner) => println!("unwrapped {:?}", inner),
        Err(_) => println!("still shared"),
    }
}
