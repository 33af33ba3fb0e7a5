use std::rc::Rc;

struct Res(&'static str);

impl Drop for Res {
    fn drop(&mut self) {
        println!("free {}", self.0);
    }
}

fn main() {
    let a = Rc::new(Res("shared"));
    let b = Rc::clone(&a);
    println!("count {}", Rc::strong_count(&a));
    drop(a);
    println!("a dropped, count {}", Rc::strong_count(&b));
    drop(b);
    println!("b dropped");
    let mut slot = Some(Res("slot"));
    println!("taking");
    let taken = slot.take();
    println!("taken {}", taken.is_some());
    drop(taken);
    slot = Some(Res("refill"));
    println!("{}", slot.is_some());
}
