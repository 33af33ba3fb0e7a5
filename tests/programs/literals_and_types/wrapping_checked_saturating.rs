fn main() {
    let x: u8 = 250;
    println!("{}", x.wrapping_add(10));
    println!("{}", x.wrapping_mul(2));
    println!("{}", 5u8.wrapping_sub(10));
    println!("{}", i32::MAX.wrapping_add(1));
    println!("{}", i32::MIN.wrapping_neg());
    println!("{:?}", x.checked_add(5));
    println!("{:?}", x.checked_add(6));
    println!("{:?}", 5u32.checked_sub(6));
    println!("{:?}", 10i32.checked_div(0));
    println!("{:?}", 10i32.checked_div(3));
    println!("{:?}", i64::MAX.checked_mul(2));
    println!("{}", x.saturating_add(10));
    println!("{}", 5u8.saturating_sub(10));
    println!("{}", i8::MIN.saturating_sub(1));
    println!("{}", i16::MAX.saturating_mul(2));
    let (v, o) = x.overflowing_add(10);
    println!("{v} {o}");
    let (v, o) = 100i8.overflowing_add(20);
    println!("{v} {o}");
    match 200u8.checked_add(100) {
        Some(n) => println!("sum {n}"),
        None => println!("overflow detected"),
    }
}
