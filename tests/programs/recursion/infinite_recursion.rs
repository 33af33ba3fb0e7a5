// not-rust
// rustc's binary dies of SIGSEGV/SIGABRT on stack overflow; teras must end with a TERAS
// stack-overflow error and a nonzero exit code instead of crashing.
fn forever(n: u64) -> u64 {
    forever(n + 1) + 1
}

fn main() {
    println!("start");
    println!("{}", forever(0));
}
