use std::iter;

fn main() {
    let zeros: Vec<i32> = iter::repeat(0).take(3).collect();
    println!("{:?}", zeros);
    let with_once: Vec<i32> = iter::once(-1).chain(1..=3).chain(iter::once(99)).collect();
    println!("{:?}", with_once);
    let powers: Vec<u64> = iter::successors(Some(1u64), |&x| if x < 500 { Some(x * 3) } else { None }).collect();
    println!("{:?}", powers);
    let mut state = 1;
    let doubling: Vec<i32> = iter::from_fn(|| {
        state *= 2;
        if state < 100 { Some(state) } else { None }
    })
    .collect();
    println!("{:?}", doubling);
    let empty: Vec<u8> = iter::empty().collect();
    println!("{:?}", empty);
    let short: Vec<(i32, char)> = (1..10).zip("abc".chars()).collect();
    println!("{:?}", short);
    for (i, x) in [10, 20, 30].iter().rev().enumerate() {
        print!("{i}:{x} ");
    }
    println!();
    let cycled: String = "ab".chars().cycle().take(5).collect();
    println!("{cycled}");
    let total: f32 = [0.5f32, 0.25].iter().sum();
    println!("{total}");
    let mut it = (1..=3).into_iter();
    let first = it.next();
    let rest: Vec<_> = it.collect();
    println!("{:?} {:?}", first, rest);
    let sum_sq: i32 = (1..=3).map(|x| x * x).rev().sum();
    println!("{sum_sq}");
    println!("{}", (1..=5).filter(|n| n % 2 == 1).map(|n| n.to_string()).collect::<Vec<_>>().join(","));
}
