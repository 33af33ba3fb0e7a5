fn id<T>(x: T) -> T {
    x
}

fn halve(x: f32) -> f32 {
    x / 2.0
}

fn main() {
    let a = id(255u8);
    println!("{}", a.wrapping_add(1));
    let b: i8 = id(-128);
    println!("{}", b.wrapping_neg());
    println!("{}", halve(1.0));
    let f = 1.0 / 3.0;
    let g: f32 = f;
    println!("{} {}", f, g);
    let h = 0.1 + 0.2f32;
    println!("{h}");
    let m = [1u16, 2, 3];
    let s: u16 = m.iter().sum();
    println!("{}", s.pow(2));
    let t = (1, 2.0);
    println!("{:?}", t);
    let c = 7 as f32 / 2.0;
    println!("{c}");
    let big = 2u64.pow(40) + 0;
    println!("{big}");
    let neg = -(5i64);
    println!("{}", neg.pow(3));
}
