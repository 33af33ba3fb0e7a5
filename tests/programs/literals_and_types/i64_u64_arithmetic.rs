fn main() {
    let a: i64 = 9_000_000_000;
    let b: i64 = -3;
    println!("{}", a * b);
    println!("{}", a / 7);
    println!("{}", a % 7);
    println!("{}", -a / 7);
    println!("{}", -a % 7);
    let u: u64 = 18_000_000_000_000_000_000;
    println!("{}", u / 3);
    println!("{}", u64::MAX - u);
    println!("{}", i64::MAX);
    println!("{}", i64::MIN);
    println!("{}", u64::MAX);
    let x: i32 = -17;
    println!("{} {}", x / 5, x % 5);
    println!("{}", 7 / 2);
    println!("{}", -7 / 2);
    println!("{}", 1u64 << 63);
    println!("{}", -16i32 >> 2);
    println!("{}", 0xF0u8 >> 4);
    println!("{}", 6 & 3);
    println!("{}", 6 | 3);
    println!("{}", 6 ^ 3);
    println!("{}", !0u8);
    println!("{}", !5i32);
}
