fn main() {
    let v = vec![1, 2, 3, 4];
    let s: i32 = v.iter().sum();
    let p: i32 = v.iter().product();
    println!("{s} {p} {}", v.iter().count());
    let f: f64 = [0.5, 1.5, 2.0].iter().sum();
    println!("{f}");
    let fact: u64 = (1..=20).product();
    println!("{fact}");
    let folded = v.iter().fold(0, |acc, x| acc * 10 + x);
    println!("{folded}");
    let s = v.iter().fold(String::new(), |mut acc, x| {
        if !acc.is_empty() {
            acc.push('-');
        }
        acc.push_str(&x.to_string());
        acc
    });
    println!("{s}");
    let r = v.iter().rev().fold(Vec::new(), |mut acc, &x| {
        acc.push(x * x);
        acc
    });
    println!("{:?}", r);
    println!("{}", (1..=4).rfold(0, |acc, x| acc * 2 + x));
    let empty: Vec<i32> = vec![];
    println!("{} {}", empty.iter().sum::<i32>(), empty.iter().product::<i32>());
    println!("{:?}", (1..=5).reduce(|a, b| a.max(b)));
    println!("{:?}", (1..=5).try_fold(0i8, |acc, x| acc.checked_add(x * 30)));
    println!("{:?}", (1..=3).scan(0, |st, x| {
        *st += x;
        Some(*st)
    }).collect::<Vec<_>>());
    let mut seen = Vec::new();
    (1..4).for_each(|x| seen.push(x * 100));
    println!("{:?}", seen);
    println!("{}", "a b c".split(' ').count());
}
