struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("dropping {}", self.0);
    }
}

fn inner() {
    let _i = Loud("inner");
    panic!("inner failed");
}

fn main() {
    let _a = Loud("outer");
    println!("calling");
    inner();
    println!("unreachable");
}
