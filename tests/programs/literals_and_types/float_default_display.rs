fn main() {
    let f = 1.0;
    println!("{f}");
    let g = 2.5;
    println!("{}", f + g);
    let h = 10.0 / 4.0;
    println!("{h}");
    let big = 1e21;
    println!("{big}");
    let small = 1e-7;
    println!("{small}");
    let third = 1.0 / 3.0;
    println!("{third}");
    println!("{}", 0.1 + 0.2);
    println!("{:?}", 1.0);
    println!("{:?}", 0.5f64);
    println!("{}", -0.0f64);
    println!("{:?}", -0.0f64);
}
