fn main() {
    let values = [1e20, -1e20, f64::NAN, 255.9, -0.9];
    for v in values {
        println!("{} {} {}", v as u8, v as i32, v as i64);
    }
    let x: f64 = 0.0;
    println!("{}", 1.0 / x);
    println!("{}", -1.0 / x);
    println!("{}", x / x);
}
