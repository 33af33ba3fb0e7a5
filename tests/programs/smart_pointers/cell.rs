use std::cell::Cell;

struct Counter {
    hits: Cell<u32>,
    name: String,
}

impl Counter {
    fn touch(&self) {
        self.hits.set(self.hits.get() + 1);
    }
}

fn main() {
    let c = Counter { hits: Cell::new(0), name: "c".to_string() };
    c.touch();
    c.touch();
    c.touch();
    println!("{} {}", c.name, c.hits.get());
    let x = Cell::new(5);
    let old = x.replace(10);
    println!("{old} {}", x.get());
    let taken = x.take();
    println!("{taken} {}", x.get());
    let flag = Cell::new(false);
    let check = || flag.set(!flag.get());
    check();
    println!("{}", flag.get());
    println!("{:?}", Cell::new(3));
    let y = Cell::new(1);
    y.swap(&x);
    println!("{} {}", x.get(), y.into_inner());
}
