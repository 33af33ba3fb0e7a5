// Thread programs rustc accepts: what the Send/Sync and E0373 checks must let through.
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

struct Wrapper {
    ptr: *const i32,
}

// The programmer vouches for it.
unsafe impl Send for Wrapper {}

#[derive(Debug, Clone, Copy)]
struct Pos {
    x: i32,
}

fn main() {
    // The Book's counter.
    let counter = Arc::new(Mutex::new(0));
    let mut handles = vec![];
    for _ in 0..4 {
        let counter = Arc::clone(&counter);
        let handle = thread::spawn(move || {
            let mut num = counter.lock().unwrap();
            *num += 1;
        });
        handles.push(handle);
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("Result: {}", *counter.lock().unwrap());

    // Move closures over Copy values and owned data.
    let n = 5;
    let label = "static str";
    let pos = Pos { x: 3 };
    let data = vec![1, 2, 3];
    let h = thread::spawn(move || {
        println!("{n} {label} {:?} {:?} {}", pos, data, pos.x);
        data.len()
    });
    println!("joined {}", h.join().unwrap());
    println!("{n} {label} {:?}", pos);

    // Scoped threads borrow locals, even mutably.
    let mut total = 0;
    let words = vec![String::from("a"), String::from("bb")];
    thread::scope(|s| {
        s.spawn(|| {
            println!("len {}", words.len());
        });
        s.spawn(|| {
            total += 10;
        });
    });
    println!("{total} {:?}", words);

    // A Mutex and an RwLock shared through Arc.
    let hits = Arc::new(Mutex::new(0));
    let table = Arc::new(RwLock::new(vec![1]));
    let workers: Vec<_> = (0..3)
        .map(|i| {
            let hits = Arc::clone(&hits);
            let table = Arc::clone(&table);
            thread::spawn(move || {
                *hits.lock().unwrap() += 1;
                let t = table.read().unwrap();
                t.len() + i
            })
        })
        .collect();
    let sum: usize = workers.into_iter().map(|h| h.join().unwrap()).sum();
    println!("{} {}", hits.lock().unwrap(), sum);

    // A raw pointer inside a type with `unsafe impl Send`.
    let value = 7;
    let w = Wrapper { ptr: &value as *const i32 };
    let h = thread::spawn(move || {
        let w = w;
        let _p = w.ptr;
        true
    });
    println!("{}", h.join().unwrap());

    // A named thread through the builder, with a move closure.
    let msg = String::from("from builder");
    let h = thread::Builder::new()
        .name("named".to_string())
        .spawn(move || msg.len())
        .unwrap();
    println!("{}", h.join().unwrap());
}
