// not-rust
// An op performed with no handler of its effect in scope (in a function that the static
// check cannot see through) is a panic naming the effect and the op.

effect Ask {
    fn ask() -> i32;
}

fn helper() -> i32 {
    Ask::ask() + 1
}

fn main() {
    println!("before");
    let n = helper();
    println!("{n}");
}
