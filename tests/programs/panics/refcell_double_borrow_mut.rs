use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let shared = Rc::new(RefCell::new(0));
    let other = Rc::clone(&shared);
    let mut a = shared.borrow_mut();
    *a += 1;
    println!("first borrow ok");
    let mut b = other.borrow_mut();
    *b += 1;
}
