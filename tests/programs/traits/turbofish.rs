use std::collections::HashSet;

fn make<T: Default + std::fmt::Debug>() -> T {
    T::default()
}

fn convert<T: From<u8>>(b: u8) -> T {
    T::from(b)
}

fn main() {
    let n = "42".parse::<u64>().unwrap();
    println!("{}", n * 1_000_000_000_000);
    let v = Vec::<i32>::with_capacity(3);
    println!("{:?}", v);
    let s = [1, 2, 2, 3].iter().copied().collect::<HashSet<i32>>();
    println!("{}", s.len());
    println!("{:?} {:?} {:?}", make::<i32>(), make::<String>(), make::<Vec<u8>>());
    println!("{}", convert::<u32>(200) * 1000);
    println!("{}", convert::<f64>(3) / 2.0);
    println!("{}", std::mem::size_of::<u64>());
    let total = (1..=3).map(|x| x as f32).sum::<f32>();
    println!("{total}");
    let words = "b a c".split(' ').collect::<Vec<_>>();
    println!("{:?}", words);
    println!("{:?}", i64::from_str_radix("zz", 36));
    println!("{:?}", None::<u8>.unwrap_or(7));
}
