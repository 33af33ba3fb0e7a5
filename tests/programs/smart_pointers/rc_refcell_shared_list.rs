use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug)]
enum List {
    Cons(Rc<RefCell<i32>>, Rc<List>),
    Nil,
}

use List::{Cons, Nil};

#[derive(Debug)]
struct Account {
    balance: i64,
}

fn main() {
    let value = Rc::new(RefCell::new(5));
    let a = Rc::new(Cons(Rc::clone(&value), Rc::new(Nil)));
    let b = Cons(Rc::new(RefCell::new(3)), Rc::clone(&a));
    let c = Cons(Rc::new(RefCell::new(4)), Rc::clone(&a));
    *value.borrow_mut() += 10;
    println!("a after = {a:?}");
    println!("b after = {b:?}");
    println!("c after = {c:?}");
    let acct = Rc::new(RefCell::new(Account { balance: 100 }));
    let handles: Vec<Rc<RefCell<Account>>> = (0..3).map(|_| Rc::clone(&acct)).collect();
    for (i, h) in handles.iter().enumerate() {
        h.borrow_mut().balance -= 10 * (i as i64 + 1);
    }
    println!("{} {}", acct.borrow().balance, Rc::strong_count(&acct));
}
