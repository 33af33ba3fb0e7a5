fn shl(a: u32, b: u32) -> u32 {
    a << b
}

fn main() {
    println!("{}", shl(1, 31));
    println!("{}", shl(1, 32));
}
