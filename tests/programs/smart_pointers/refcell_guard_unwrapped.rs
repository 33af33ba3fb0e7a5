// A `RefCell` guard taken out of `try_borrow`/`try_borrow_mut` (with `unwrap`, `expect`, `?`,
// `if let`, `match`, returned from a function, kept in a struct or a closure) keeps its
// borrow until the guard dies, not until the `Result` that held it does.
use std::cell::{RefCell, RefMut};
use std::rc::Rc;

#[derive(Debug)]
struct Busy;

fn push_nine(c: &RefCell<Vec<i32>>) -> Result<usize, Busy> {
    let mut g = c.try_borrow_mut().map_err(|_| Busy)?;
    g.push(9);
    println!("  inside ?: shared borrow fails {}", c.try_borrow().is_err());
    Ok(g.len())
}

fn hold(c: &RefCell<Vec<i32>>) -> RefMut<'_, Vec<i32>> {
    c.try_borrow_mut().unwrap()
}

struct Holder<'a> {
    g: RefMut<'a, Vec<i32>>,
}

fn main() {
    let c = RefCell::new(vec![1, 2]);
    {
        let b = c.try_borrow_mut().unwrap();
        println!("unwrap {:?}: mut fails {}, shared fails {}", *b, c.try_borrow_mut().is_err(), c.try_borrow().is_err());
    }
    println!("after: {}", c.try_borrow_mut().is_ok());
    println!("{:?}", push_nine(&c));
    println!("after ?: {}", c.try_borrow_mut().is_ok());
    {
        let g = c.try_borrow().expect("shared");
        println!("expect {:?}: mut fails {}, shared ok {}", *g, c.try_borrow_mut().is_err(), c.try_borrow().is_ok());
    }
    if let Ok(mut g) = c.try_borrow_mut() {
        g.push(3);
        println!("if let: shared fails {}", c.try_borrow().is_err());
    }
    match c.try_borrow_mut() {
        Ok(g) => println!("match {:?}: shared fails {}", *g, c.try_borrow().is_err()),
        Err(_) => println!("busy"),
    }
    {
        let g = hold(&c);
        println!("returned guard {:?}: shared fails {}", *g, c.try_borrow().is_err());
        drop(g);
        println!("dropped: shared ok {}", c.try_borrow().is_ok());
    }
    {
        let h = Holder { g: c.try_borrow_mut().unwrap() };
        println!("in a struct {:?}: shared fails {}", *h.g, c.try_borrow().is_err());
    }
    println!("struct gone: {}", c.try_borrow_mut().is_ok());

    let shared = Rc::new(RefCell::new(0));
    let s2 = Rc::clone(&shared);
    let bump = move || {
        let mut g = s2.try_borrow_mut().unwrap();
        *g += 1;
        *g
    };
    println!("closure {} {}", bump(), bump());
    let g = shared.try_borrow_mut().unwrap();
    println!("held outside: shared fails {}", shared.try_borrow().is_err());
    drop(g);
    let v: Vec<i32> = (0..3).map(|i| *shared.try_borrow().unwrap() + i).collect();
    println!("{:?} {}", v, shared.try_borrow_mut().is_ok());

    let a = c.try_borrow().unwrap();
    let b = c.try_borrow().unwrap();
    drop(a);
    println!("one shared left: mut fails {}", c.try_borrow_mut().is_err());
    drop(b);
    println!("none left: mut ok {}", c.try_borrow_mut().is_ok());
}
