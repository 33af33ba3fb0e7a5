fn main() {
    let mut it = vec![1, 2, 3, 4, 5].into_iter();
    let first_two: Vec<i32> = it.by_ref().take(2).collect();
    let rest: Vec<i32> = it.collect();
    println!("{:?} {:?}", first_two, rest);
    let mut chars = "12+34".chars().peekable();
    let mut num = 0;
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() { num = num * 10 + c.to_digit(10).unwrap(); chars.next(); } else { break; }
    }
    println!("{} {:?}", num, chars.collect::<String>());
    let mut words = "a b c".split(' ');
    println!("{:?} {:?}", words.next(), words.collect::<Vec<_>>());
    println!("{}", (0..10).any(|x| x == 7));
    println!("{:?}", (1..=4).map(|x| x * 2).filter(|x| x % 3 != 0).last());
    let v = vec![3, 1, 4];
    let mut sorted = v.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?} {:?}", v, sorted);
    let s: std::collections::HashSet<char> = "hello".chars().collect();
    println!("{}", s.len());
    let total: usize = vec!["ab", "cde"].iter().map(|s| s.len()).sum();
    println!("{}", total);
    let mut it2 = (1..=3).into_iter();
    while let Some(x) = it2.next() { print!("{} ", x); }
    println!();
    let pos = [1, 5, 9].iter().position(|&x| x > 4).map(|i| i + 100);
    println!("{:?}", pos);
}
