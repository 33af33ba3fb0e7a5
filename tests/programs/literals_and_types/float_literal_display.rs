fn main() {
    let f = 1.0;
    println!("{f}");
    let g: f32 = 2.0;
    println!("{g}");
    let h = 3.0 * 2.0;
    println!("{h}");
    let i = 1e3;
    println!("{i}");
    let j = 100.0 / 3.0;
    println!("{j}");
    let k = -0.5;
    println!("{k}");
    println!("{}", 1.0 + 2.0 == 3.0);
    println!("{:?}", 1.0 + 2.0);
}
