use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    let counter = Arc::new(RefCell::new(0));
    let mut handles = vec![];
    for _ in 0..2 {
        let c = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            *c.borrow_mut() += 1;
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("{}", counter.borrow());
}
