fn main() {
    let a: f32 = 0.1;
    println!("{a}");
    println!("{}", a + 0.2);
    println!("{:?}", a);
    let b = 1.0f32 / 3.0;
    println!("{b}");
    println!("{}", b as f64);
    let c: f32 = 16777216.0;
    println!("{}", c + 1.0);
    println!("{}", 2.0f32.sqrt());
    println!("{}", 1e10f32);
    println!("{}", f32::MIN_POSITIVE);
    println!("{:?}", 3.0f32);
    println!("{:.3}", std::f32::consts::PI);
    let v: Vec<f32> = vec![1.5, 2.25, -0.125];
    println!("{:?}", v);
    let sum: f32 = v.iter().sum();
    println!("{sum}");
}
