// A method name no type has (a typo) is rustc's E0599 when the program is compiled, with
// the similar name as help, even on a line that would never run.
struct Counter {
    count: u32,
}

impl Counter {
    fn bump(&mut self) {
        self.count += 1;
    }
}

fn main() {
    let mut c = Counter { count: 0 };
    c.bump();
    if c.count > 10 {
        c.bumpp();
    }
    let mut v = vec![String::from("a")];
    v.pushh(String::from("b"));
    println!("{} {:?}", c.count, v);
}
