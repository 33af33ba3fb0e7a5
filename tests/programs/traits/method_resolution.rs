use std::cell::RefCell;
use std::rc::Rc;

trait Pilot {
    fn fly(&self) -> String;
    fn name() -> String;
}

trait Wizard {
    fn fly(&self) -> String;
    fn name() -> String;
}

struct Human;

impl Pilot for Human {
    fn fly(&self) -> String {
        "This is your captain speaking.".to_string()
    }
    fn name() -> String {
        "pilot".to_string()
    }
}

impl Wizard for Human {
    fn fly(&self) -> String {
        "Up!".to_string()
    }
    fn name() -> String {
        "wizard".to_string()
    }
}

impl Human {
    fn fly(&self) -> String {
        "*waving arms furiously*".to_string()
    }
    fn name() -> String {
        "human".to_string()
    }
}

struct Counter {
    n: u32,
}

impl Counter {
    fn get(&self) -> u32 {
        self.n
    }
    fn inc(&mut self) {
        self.n += 1;
    }
}

fn main() {
    let person = Human;
    println!("{}", person.fly());
    println!("{}", Pilot::fly(&person));
    println!("{}", Wizard::fly(&person));
    println!("{}", Human::name());
    println!("{}", <Human as Pilot>::name());
    println!("{}", <Human as Wizard>::name());

    let boxed = Box::new(Counter { n: 1 });
    let rc = Rc::new(Counter { n: 2 });
    let r = &&Counter { n: 3 };
    println!("{} {} {}", boxed.get(), rc.get(), r.get());
    let shared = Rc::new(RefCell::new(Counter { n: 10 }));
    shared.borrow_mut().inc();
    println!("{}", shared.borrow().get());
    let mut b2 = Box::new(Counter { n: 0 });
    b2.inc();
    b2.inc();
    println!("{}", b2.get());
    let v = vec![-3i32, 4];
    let first = &v[0];
    println!("{} {}", first.abs(), first.pow(2));
    let total: i32 = v.iter().map(|x| x.abs() * 2).sum();
    println!("{total}");
    let vr = &v;
    println!("{} {:?}", vr.len(), vr.iter().max());
    let s = &&String::from("deref");
    println!("{} {}", s.len(), s.to_uppercase());
}
