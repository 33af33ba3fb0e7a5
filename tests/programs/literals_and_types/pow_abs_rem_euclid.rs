fn main() {
    println!("{}", 2i32.pow(10));
    println!("{}", 3u64.pow(20));
    println!("{}", (-2i64).pow(3));
    println!("{}", (-5i32).abs());
    println!("{}", 5i32.abs());
    println!("{}", (-7i32).rem_euclid(3));
    println!("{}", 7i32.rem_euclid(-3));
    println!("{}", (-7i32).div_euclid(3));
    println!("{}", -7 % 3);
    println!("{}", (-7.5f64).rem_euclid(2.0));
    println!("{}", (-5i32).signum());
    println!("{}", 0i32.signum());
    println!("{}", 10u32.min(3));
    println!("{}", 10i32.max(30));
    println!("{}", 15i32.clamp(0, 10));
    println!("{}", 12u32.count_ones());
    println!("{}", 1u32.leading_zeros());
    println!("{}", 8u32.trailing_zeros());
    println!("{}", 17u64.is_power_of_two());
    println!("{}", 16u64.is_power_of_two());
    println!("{}", 5u32.next_power_of_two());
    println!("{}", (-9i32).unsigned_abs());
    println!("{}", 10i32.abs_diff(-5));
    println!("{}", i32::from_str_radix("-ff", 16).unwrap());
    println!("{}", u8::from_str_radix("101", 2).unwrap());
}
