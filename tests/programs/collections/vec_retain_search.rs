fn main() {
    let mut v: Vec<i32> = (1..=10).collect();
    v.retain(|&x| x % 3 != 0);
    println!("{:?}", v);
    let sorted = vec![1, 3, 5, 7, 9, 11];
    println!("{:?}", sorted.binary_search(&7));
    println!("{:?}", sorted.binary_search(&4));
    println!("{:?}", sorted.binary_search(&100));
    println!("{:?}", sorted.binary_search_by(|p| p.cmp(&1)));
    println!("{:?}", sorted.binary_search_by_key(&18, |&x| x * 2));
    let pos = sorted.binary_search(&6).unwrap_or_else(|e| e);
    println!("insert at {pos}");
    println!("{}", sorted.contains(&9));
    println!("{:?}", sorted.iter().position(|&x| x > 4));
    println!("{:?}", sorted.iter().rposition(|&x| x < 4));
    println!("{}", sorted.starts_with(&[1, 3]));
    println!("{}", sorted.ends_with(&[11]));
    println!("{:?}", sorted.iter().max());
    println!("{:?}", sorted.iter().min());
    let mut names = vec![String::from("x"), String::from("yy"), String::from("zzz")];
    names.retain(|n| n.len() != 2);
    println!("{:?}", names);
    let mut nums = vec![1, 2, 3, 4];
    nums.retain_mut(|x| {
        *x *= 10;
        *x > 15
    });
    println!("{:?}", nums);
}
