struct D;

impl Drop for D {
    fn drop(&mut self) {
        println!("drop runs");
    }
}

fn main() {
    let _d = D;
    println!("exiting");
    std::process::exit(42);
}
