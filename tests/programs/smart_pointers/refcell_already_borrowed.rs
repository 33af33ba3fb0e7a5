use std::cell::RefCell;

fn main() {
    let c = RefCell::new(vec![1]);
    let first = c.borrow();
    println!("first borrow: {:?}", first);
    let mut second = c.borrow_mut();
    second.push(2);
    println!("unreachable");
}
