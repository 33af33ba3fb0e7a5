fn add(a: i32, b) -> i32 {
    a + b
}

fn main() {
    println!("{}", add(1, 2));
}
