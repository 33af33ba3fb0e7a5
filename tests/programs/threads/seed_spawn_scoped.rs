// not-rust
// The seed's concurrency vocabulary (H-01, H-07): a free `spawn(closure)` and structured
// `scoped(|s| ...)` whose threads may borrow locals and are all joined when it returns.
use std::sync::{Arc, Mutex};

fn process(data: Vec<i32>) -> i32 {
    data.iter().sum()
}

fn main() {
    let data = vec![1, 2, 3, 4];
    let handle = spawn(move || process(data));
    println!("sum {}", handle.join().unwrap());

    let counter = Arc::new(Mutex::new(0));
    let counter2 = counter.clone();
    let h1 = spawn(move || {
        let mut c = counter.lock().unwrap();
        *c += 1;
    });
    let h2 = spawn(move || {
        let mut c = counter2.lock().unwrap();
        *c += 1;
    });
    h1.join().unwrap();
    h2.join().unwrap();

    let items: Vec<u32> = (1..=10).collect();
    let total = Mutex::new(0);
    scoped(|s| {
        for chunk in items.chunks(3) {
            s.spawn(|| {
                let part: u32 = chunk.iter().sum();
                *total.lock().unwrap() += part;
            });
        }
    });
    println!("chunks total {}", total.into_inner().unwrap());
    let n = scoped(|s| {
        let h = s.spawn(|| items.len());
        h.join().unwrap()
    });
    println!("len {n}");
}
