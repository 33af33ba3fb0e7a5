fn main() {
    let total = [1u8, 2, 3].iter().map(|&x| x as u32).sum::<u32>();
    println!("{total}");
    let v: Vec<i64> = vec![1 << 40, 1 << 41];
    let s: i64 = v.iter().sum();
    println!("{s}");
    let avg = v.iter().sum::<i64>() as f64 / v.len() as f64;
    println!("{avg}");
    let c = (0..10).filter(|n| n % 3 == 0).count();
    println!("{c}");
    let lens: usize = ["ab", "cde"].iter().map(|s| s.len()).sum();
    println!("{lens}");
    let p = (1..=5).map(|x| x as f64).product::<f64>();
    println!("{p}");
}
