#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

impl List {
    fn sum(&self) -> i32 {
        match self {
            Cons(v, rest) => v + rest.sum(),
            Nil => 0,
        }
    }

    fn push_front(self, v: i32) -> List {
        Cons(v, Box::new(self))
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{:?}", list);
    println!("{}", list.sum());
    let longer = list.push_front(0);
    println!("{}", longer.sum());
    if let Cons(head, tail) = &longer {
        println!("{head} {:?}", tail);
    }
}
