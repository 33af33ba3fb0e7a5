fn takes_u64(x: u64) -> u64 {
    x
}

fn add_u8(a: u8, b: u8) -> u8 {
    a + b
}

fn main() {
    // `total` is u64 because of a later use, so this does not overflow i32.
    let mut total = 0;
    let big: u64 = 3_000_000_000;
    total += big;
    total += big;
    println!("{total}");
    // The literal's type comes from the function it is later passed to.
    let n = 4_000_000_000;
    println!("{}", takes_u64(n) + 1);
    // The vector's element type comes from a later push.
    let mut v = Vec::new();
    v.push(200u8);
    let s = v[0].wrapping_add(100);
    println!("{s}");
    // The element type of a collected vector comes from the annotation.
    let w: Vec<i64> = (0..3).map(|x| x * 3_000_000_000).collect();
    println!("{:?}", w);
    // `x` becomes u8 from its use as an argument; the sum overflows u8.
    let x = 200;
    println!("{}", add_u8(x, 50));
    println!("{}", add_u8(x, 56));
}
