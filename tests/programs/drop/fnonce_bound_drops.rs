// Closures called through an `FnOnce` bound are consumed by the call: what they own is
// dropped at the end of the call (Rust's `FnOnce::call_once` takes the closure by value),
// even when the closure itself would be `Fn`.
use std::sync::Arc;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn call_once<F: FnOnce()>(f: F) {
    println!("call_once: before");
    f();
    println!("call_once: after");
}

fn call_where<F>(f: F) -> usize
where
    F: FnOnce() -> usize,
{
    let n = f();
    println!("call_where: got {}", n);
    n
}

fn call_impl(f: impl FnOnce(i32) -> i32) -> i32 {
    let r = f(1);
    println!("call_impl: after");
    r
}

fn call_boxed(f: Box<dyn FnOnce()>) {
    f();
    println!("call_boxed: after");
}

fn call_fn<F: Fn()>(f: F) {
    f();
    f();
    println!("call_fn: after the calls");
}

fn main() {
    let n = Noisy("plain");
    call_once(move || {
        let r = &n;
        println!("inside {}", r.0);
    });

    let a = Arc::new(5);
    let a2 = Arc::clone(&a);
    let got = call_where(move || Arc::strong_count(&a2));
    println!("got {} now {}", got, Arc::strong_count(&a));

    let m = Noisy("impl");
    println!("{}", call_impl(move |x| {
        let r = &m;
        x + r.0.len() as i32
    }));

    let b = Noisy("boxed");
    call_boxed(Box::new(move || {
        let r = &b;
        println!("boxed sees {}", r.0);
    }));

    // An Fn bound: the closure lives to the callee's end.
    let c = Noisy("fn bound");
    call_fn(move || {
        let r = &c;
        println!("fn sees {}", r.0);
    });

    // A consumed FnOnce that moves its capture out.
    let d = Noisy("moved out");
    call_once(move || {
        let mine = d;
        println!("took {}", mine.0);
    });
    println!("end");
}
