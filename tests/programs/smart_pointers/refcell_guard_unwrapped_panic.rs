// `borrow_mut` while a guard taken with `try_borrow().unwrap()` is alive panics.
use std::cell::RefCell;

fn main() {
    let c = RefCell::new(1);
    let g = c.try_borrow().unwrap();
    println!("shared {}", *g);
    let m = c.borrow_mut();
    println!("unreachable {}", *m);
}
