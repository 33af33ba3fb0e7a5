fn main() {
    let v = vec![5, 3, 8, 1, 9, 2];
    let doubled: Vec<i32> = v.iter().map(|x| x * 2).collect();
    println!("{:?}", doubled);
    let evens: Vec<&i32> = v.iter().filter(|x| **x % 2 == 0).collect();
    println!("{:?}", evens);
    println!("{}", v.iter().sum::<i32>());
    let total: i32 = v.iter().sum();
    println!("{}", total);
    println!("{}", v.iter().product::<i32>());
    println!("{}", v.iter().count());
    println!("{:?} {:?}", v.iter().max(), v.iter().min());
    println!("{:?}", v.iter().position(|&x| x == 8));
    println!("{}", v.iter().any(|&x| x > 8));
    println!("{}", v.iter().all(|&x| x > 0));
    println!("{:?}", v.iter().find(|&&x| x > 5));
    for (i, x) in v.iter().enumerate().skip(1).step_by(2) {
        print!("{}:{} ", i, x);
    }
    println!();
    let s: String = vec!["a", "b", "c"].into_iter().rev().collect();
    println!("{}", s);
    let z: Vec<(i32, char)> = (1..4).zip("xyz".chars()).collect();
    println!("{:?}", z);
    let c: Vec<i32> = (0..3).chain(7..9).collect();
    println!("{:?}", c);
    let fm: Vec<i32> = vec!["1", "x", "3"].iter().filter_map(|s| s.parse().ok()).collect();
    println!("{:?}", fm);
    let flat: Vec<i32> = vec![vec![1, 2], vec![3]].into_iter().flatten().collect();
    println!("{:?}", flat);
    let fm2: Vec<char> = vec!["ab", "c"].iter().flat_map(|s| s.chars()).collect();
    println!("{:?}", fm2);
    println!("{}", (1..=10).fold(0, |a, b| a + b));
    println!("{:?}", (1..5).rev().collect::<Vec<_>>());
    let tw: Vec<i32> = v.iter().cloned().take_while(|&x| x != 1).collect();
    println!("{:?}", tw);
    let sw: Vec<i32> = v.iter().copied().skip_while(|&x| x != 1).collect();
    println!("{:?}", sw);
    let mut pk = v.iter().peekable();
    while let Some(x) = pk.next() {
        if let Some(&&n) = pk.peek() { print!("{}<{} ", x, n); }
    }
    println!();
    let (small, big): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x < 5);
    println!("{:?} {:?}", small, big);
    println!("{:?}", v.iter().max_by_key(|&&x| (x as i32 - 4).abs()));
    println!("{:?}", v.iter().min_by(|a, b| a.cmp(b)));
    println!("{:?}", v.iter().last());
    println!("{:?}", v.iter().nth(2));
    let words = vec!["apple", "bob", "kiwi"];
    println!("{:?}", words.iter().map(|w| w.len()).collect::<Vec<usize>>());
    let sc: Vec<i32> = (1..5).scan(0, |acc, x| { *acc += x; Some(*acc) }).collect();
    println!("{:?}", sc);
    println!("{:?}", (1..4).map(|x| x * x).reduce(|a, b| a + b));
    let (a, b): (Vec<i32>, Vec<char>) = vec![(1, 'a'), (2, 'b')].into_iter().unzip();
    println!("{:?} {:?}", a, b);
    println!("{}", (1..4).map(|x| x.to_string()).collect::<Vec<_>>().join("-"));
    let cy: Vec<i32> = [1, 2].iter().cycle().take(5).cloned().collect();
    println!("{:?}", cy);
    let r: Result<Vec<i32>, String> = vec!["1", "2"].iter().map(|s| s.parse::<i32>().map_err(|e| e.to_string())).collect();
    println!("{:?}", r);
    let o: Option<Vec<i32>> = vec![Some(1), None].into_iter().collect();
    println!("{:?}", o);
    println!("{:?}", (1..=3).try_fold(0i32, |acc, x| acc.checked_add(x)));
    println!("{}", vec![1.5f64, 2.25].iter().sum::<f64>());
}
