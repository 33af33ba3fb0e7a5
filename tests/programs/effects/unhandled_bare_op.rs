// not-rust
// An unhandled operation performed by its bare name (`ask()`) inside a closure: the panic
// points at the call of the operation, not at its declaration.

effect Ask {
    fn ask() -> i32;
}

fn main() {
    let f = |x: i32| {
        println!("asking for {x}");
        x + ask()
    };
    println!("{}", f(1));
}
