use std::cell::RefCell;
use std::rc::Rc;

trait Messenger {
    fn send(&self, msg: &str);
}

struct MockMessenger {
    sent_messages: RefCell<Vec<String>>,
}

impl Messenger for MockMessenger {
    fn send(&self, message: &str) {
        self.sent_messages.borrow_mut().push(String::from(message));
    }
}

fn main() {
    let m = MockMessenger { sent_messages: RefCell::new(vec![]) };
    m.send("hello");
    m.send("world");
    println!("{}", m.sent_messages.borrow().len());
    println!("{:?}", m.sent_messages.borrow());
    let shared = Rc::new(RefCell::new(5));
    let a = Rc::clone(&shared);
    let b = Rc::clone(&shared);
    *a.borrow_mut() += 10;
    *b.borrow_mut() *= 2;
    println!("{}", shared.borrow());
    println!("{:?}", shared);
    {
        let r1 = shared.borrow();
        let r2 = shared.borrow();
        println!("{} {}", *r1, *r2);
        println!("{:?}", shared.try_borrow_mut().is_err());
    }
    println!("{:?}", shared.try_borrow_mut().is_ok());
    let cell = RefCell::new(vec![1, 2]);
    cell.borrow_mut().push(3);
    let len = cell.borrow().len();
    println!("{len}");
    let old = cell.replace(vec![9]);
    println!("{:?} {:?}", old, cell.into_inner());
}
