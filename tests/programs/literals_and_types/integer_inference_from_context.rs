fn takes_u64(x: u64) -> u64 {
    x * 3
}

struct Point {
    x: i16,
    y: i16,
}

fn main() {
    // The literal takes its type from the parameter.
    let a = takes_u64(4_000_000_000);
    println!("{a}");
    // From a field type.
    let p = Point { x: 30000, y: -30000 };
    println!("{} {}", p.x, p.y);
    // From the other operand.
    let big: i64 = 3_000_000_000;
    let sum = big + 2_000_000_000;
    println!("{sum}");
    // From the return type.
    fn make() -> u32 {
        4_000_000_000
    }
    println!("{}", make());
    // Default is i32.
    let d = 2147483647;
    println!("{}", d);
    let v: Vec<u8> = vec![200, 100, 55];
    let total: u32 = v.iter().map(|&b| b as u32).sum();
    println!("{total}");
}
