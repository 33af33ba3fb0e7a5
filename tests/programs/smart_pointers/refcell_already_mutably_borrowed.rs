use std::cell::RefCell;

fn main() {
    let c = RefCell::new(String::from("x"));
    let mut w = c.borrow_mut();
    w.push('y');
    println!("writing");
    let r = c.borrow();
    println!("unreachable {}", r);
}
