fn main() {
    println!("{} {}", i8::MIN, i8::MAX);
    println!("{} {}", u8::MIN, u8::MAX);
    println!("{} {}", i16::MIN, i16::MAX);
    println!("{} {}", u16::MIN, u16::MAX);
    println!("{} {}", i32::MIN, i32::MAX);
    println!("{} {}", u32::MIN, u32::MAX);
    println!("{} {}", i64::MIN, i64::MAX);
    println!("{} {}", u64::MIN, u64::MAX);
    println!("{} {}", i128::MIN, i128::MAX);
    println!("{}", u128::MAX);
    println!("{} {}", usize::MIN, usize::MAX);
    println!("{} {}", isize::MIN, isize::MAX);
    println!("{} {}", f64::MAX, f64::MIN);
    println!("{}", f64::EPSILON);
    println!("{}", f32::MAX);
    println!("{:?}", f64::MIN_POSITIVE);
    println!("{} {}", f64::INFINITY, f64::NEG_INFINITY);
    println!("{}", f64::NAN);
    println!("{}", std::f64::consts::PI);
    println!("{}", std::f64::consts::E);
    println!("{}", u32::BITS);
    println!("{}", char::MAX as u32);
}
