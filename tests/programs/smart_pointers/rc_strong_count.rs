use std::rc::Rc;

#[derive(Debug)]
enum List {
    Cons(i32, Rc<List>),
    Nil,
}

use List::{Cons, Nil};

fn main() {
    let a = Rc::new(Cons(5, Rc::new(Cons(10, Rc::new(Nil)))));
    println!("count after creating a = {}", Rc::strong_count(&a));
    let _b = Cons(3, Rc::clone(&a));
    println!("count after creating b = {}", Rc::strong_count(&a));
    {
        let _c = Cons(4, Rc::clone(&a));
        println!("count after creating c = {}", Rc::strong_count(&a));
    }
    println!("count after c goes out of scope = {}", Rc::strong_count(&a));
    let s = Rc::new(String::from("shared"));
    let t = s.clone();
    println!("{} {} {}", s, t.len(), Rc::ptr_eq(&s, &t));
    drop(t);
    println!("{}", Rc::strong_count(&s));
    let v = Rc::new(vec![1, 2, 3]);
    let total: i32 = v.iter().sum();
    println!("{total}");
    println!("{:?}", a);
    let owned = Rc::try_unwrap(s);
    println!("{:?}", owned);
}
