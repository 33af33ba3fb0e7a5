fn main() {
    let values = [0.0, 1.0, -1.0, 1.5, 100.0, 1e15, 1e16, 1e17, 123456789.0, 1e-5, 0.3, 2.0 / 3.0, 1e300, 5e-324];
    for v in values {
        println!("{} {:?}", v, v);
    }
    println!("{}", f64::MAX);
    println!("{:?}", f64::MAX);
    println!("{:?}", f64::NAN);
    println!("{:?}", -f64::INFINITY);
    println!("{:?}", 1e7f32);
    println!("{:?}", 1e16f32);
    println!("{}", 1e16f32);
    println!("{:?}", 0.1f32 + 0.2f32);
    println!("{:.3?}", 1.0);
    println!("{:?}", vec![0.1, 1.0]);
    println!("{:?}", (1.0f64, 2f32));
}
