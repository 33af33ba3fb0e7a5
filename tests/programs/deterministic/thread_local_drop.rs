// thread_local! values under the deterministic scheduler: a thread's values are dropped
// when it ends (before `join` returns, last initialised first), main's after `main`.
use std::cell::{Cell, RefCell};
use std::thread;

struct Noisy(&'static str, u32);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} {}", self.0, self.1);
    }
}

thread_local! {
    static A: RefCell<Noisy> = RefCell::new(Noisy("A", 0));
    static B: Noisy = Noisy("B", 0);
    static COUNT: Cell<u32> = const { Cell::new(0) };
}

fn main() {
    A.with(|a| a.borrow_mut().1 = 1);
    let h = thread::spawn(|| {
        B.with(|b| println!("thread sees B {}", b.1));
        A.with(|a| a.borrow_mut().1 = 2);
        COUNT.set(5);
        println!("thread body done");
    });
    h.join().unwrap();
    println!("joined");
    let h = thread::Builder::new()
        .name("worker".into())
        .spawn(|| {
            A.with(|a| a.borrow_mut().1 = 3);
            if COUNT.get() == 0 {
                panic!("boom");
            }
        })
        .unwrap();
    println!("join is_err: {}", h.join().is_err());
    let h = thread::spawn(|| COUNT.get());
    println!("untouched thread: {}", h.join().unwrap());
    println!("main end, main's A is {}", A.with(|a| a.borrow().1));
}
