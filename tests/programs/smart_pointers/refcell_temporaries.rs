// RefCell guards made as temporaries live to the end of their statement (a same-statement
// try_borrow_mut sees them, a match scrutinee's lives through the arms, a write! target
// with borrowing format arguments); borrowing mutably while a temporary borrow lives
// panics as in Rust (rustc's output).
use std::cell::RefCell;
use std::rc::Rc;
struct Node { v: RefCell<Vec<i32>> }
impl Node {
    fn add(&self, x: i32) -> usize { self.v.borrow_mut().push(x); self.v.borrow().len() }
}
fn main() {
    let c = RefCell::new(vec![1]);
    println!("1 {:?}", (c.borrow().len(), c.try_borrow_mut().is_err()));
    println!("2 {}", c.try_borrow_mut().is_ok());
    let n = Rc::new(Node { v: RefCell::new(vec![]) });
    let l = n.v.borrow().len() as i32;
    let k = n.add(l);
    println!("3 {} {:?} {}", k, n.v.borrow(), n.v.try_borrow_mut().is_ok());
    match c.borrow().first() {
        Some(x) => println!("4 {} {}", x, c.try_borrow_mut().is_err()),
        None => {}
    }
    println!("5 {}", c.try_borrow_mut().is_ok());
    let s = c.borrow().iter().sum::<i32>() + c.borrow().len() as i32;
    c.borrow_mut().push(s);
    println!("6 {:?}", c.borrow());
    let cell = RefCell::new(String::new());
    use std::fmt::Write;
    write!(cell.borrow_mut(), "{}{}", c.borrow().len(), c.try_borrow_mut().is_err()).unwrap();
    println!("7 {} {}", cell.borrow(), cell.try_borrow_mut().is_ok());
    c.borrow_mut().push(c.borrow().len() as i32);
}
