// thread_local!: each thread gets its own value, initialized on first use.
use std::cell::{Cell, RefCell};
use std::thread;

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
    static NAMES: RefCell<Vec<String>> = RefCell::new(Vec::new());
    pub static DEPTH: RefCell<i32> = RefCell::new(10);
}

fn bump() -> u64 {
    COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

fn main() {
    bump();
    bump();
    println!("main counter: {}", bump());
    NAMES.with(|n| n.borrow_mut().push("main".to_string()));
    NAMES.with_borrow_mut(|n| n.push("again".to_string()));
    NAMES.with_borrow(|n| println!("main names: {:?}", n));

    let h = thread::spawn(|| {
        // A fresh value in this thread.
        println!("thread counter starts at {}", COUNTER.get());
        bump();
        COUNTER.set(COUNTER.get() + 40);
        NAMES.with_borrow_mut(|n| n.push("worker".to_string()));
        let names = NAMES.take();
        (COUNTER.get(), names, DEPTH.replace(99))
    });
    let (count, names, depth) = h.join().unwrap();
    println!("thread saw counter {}, names {:?}, depth {}", count, names, depth);

    // Main's values are untouched by the thread.
    println!("main counter still {}", COUNTER.get());
    NAMES.with_borrow(|n| println!("main names still {:?}", n));
    DEPTH.with(|d| *d.borrow_mut() += 1);
    println!("main depth {}", DEPTH.with_borrow(|d| *d));
    println!("replace gives {}", COUNTER.replace(7));
    println!("take gives {}, then {}", COUNTER.take(), COUNTER.get());

    // Several threads, each counting on its own.
    let handles: Vec<_> = (1..=3)
        .map(|i| {
            thread::spawn(move || {
                for _ in 0..i * 10 {
                    bump();
                }
                COUNTER.get()
            })
        })
        .collect();
    let counts: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("per-thread counts: {:?}", counts);
    println!("main counter at the end: {}", COUNTER.get());
}
