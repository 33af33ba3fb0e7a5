fn rem(a: u64, b: u64) -> u64 {
    a % b
}

fn main() {
    println!("{}", rem(10, 4));
    println!("{}", rem(1, 0));
}
