use std::cell::RefCell;
use std::thread;

fn main() {
    let total = RefCell::new(0);
    thread::scope(|s| {
        s.spawn(|| {
            *total.borrow_mut() += 1;
        });
    });
    println!("{}", total.borrow());
}
