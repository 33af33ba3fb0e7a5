struct Counter {
    n: u32,
}

impl Counter {
    fn add(&mut self, k: u32) {
        self.n += k;
    }
}

fn main() {
    let mut c = Counter { n: 0 };
    c.add(1, 2);
    println!("{}", c.n);
}
