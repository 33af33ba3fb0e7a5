// not-rust
effect Ask {
    fn ask() -> i32;
}

handler answer for Ask {
    ask() resume => resume(42),
}

fn main() {
    let ok = handle { Ask::ask() } with answer;
    let n = Ask::ask();
    println!("{ok} {n}");
}
