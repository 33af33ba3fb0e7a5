fn square(x: i64) -> i64 {
    x * x
}

fn main() {
    println!("{}", square(3_000_000_000));
    println!("{}", square(4_000_000_000));
}
