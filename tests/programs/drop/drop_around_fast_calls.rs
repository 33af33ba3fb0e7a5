// Drops around calls and returns that the VM completes on its fast paths in a program with
// drop glue: a function returning an integer with only scalars in its registers, a native
// method that discards elements (`clear`, `truncate`), a method returning one of its
// droppable arguments, an `unwrap` of a temporary holding a `Drop` value, and a value that
// dies inside a callee.
use std::rc::Rc;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Holder {
    items: Vec<Noisy>,
}

impl Holder {
    fn count(&self) -> usize {
        self.items.len()
    }
    fn keep_first(&mut self) {
        self.items.truncate(1);
    }
    fn pick(&self, a: Noisy, b: Noisy) -> Noisy {
        if self.items.is_empty() { a } else { b }
    }
}

fn add(a: i32, b: i32) -> i32 {
    let c = a * 2;
    c + b
}

fn consume(n: Noisy) -> usize {
    println!("consume {}", n.0);
    n.0.len()
}

fn maybe(name: &'static str) -> Option<Noisy> {
    Some(Noisy(name))
}

fn main() {
    let shared = Rc::new(Noisy("shared"));
    let mut h = Holder { items: vec![Noisy("a"), Noisy("b"), Noisy("c")] };
    let mut total = 0;
    for i in 0..3 {
        total += add(i, 1);
    }
    println!("total {}", total);
    println!("count {}", h.count());
    h.keep_first();
    println!("after truncate {}", h.count());
    let kept = h.pick(Noisy("x"), Noisy("y"));
    println!("picked {}", kept.0);
    println!("len {}", consume(Noisy("arg")));
    let m = maybe("opt").unwrap();
    println!("unwrapped {}", m.0);
    println!("rc {}", Rc::strong_count(&shared));
    h.items.clear();
    println!("cleared {}", h.count());
    let s2 = Rc::clone(&shared);
    drop(shared);
    println!("rc after drop {}", Rc::strong_count(&s2));
}
