fn main() {
    let words = ["alpha", "beta"];
    let chars: String = words.iter().flat_map(|w| w.chars()).collect();
    println!("{chars}");
    let nested = vec![vec![1, 2], vec![], vec![3, 4, 5]];
    let flat: Vec<i32> = nested.iter().flatten().copied().collect();
    println!("{:?}", flat);
    let flat2: Vec<i32> = nested.into_iter().flatten().collect();
    println!("{:?}", flat2);
    let pairs: Vec<(i32, char)> = (1..=2).flat_map(|n| ['a', 'b'].into_iter().map(move |c| (n, c))).collect();
    println!("{:?}", pairs);
    let opts = [Some(1), None, Some(3)];
    println!("{:?}", opts.iter().flatten().collect::<Vec<_>>());
    let results: Vec<Result<i32, String>> = vec![Ok(1), Err("bad".into()), Ok(2)];
    println!("{:?}", results.into_iter().flatten().collect::<Vec<_>>());
    let lines = "a b\nc d e";
    let tokens: Vec<&str> = lines.lines().flat_map(|l| l.split(' ')).collect();
    println!("{:?}", tokens);
    let deep = vec![vec![vec![1], vec![2]], vec![vec![3]]];
    println!("{:?}", deep.into_iter().flatten().flatten().collect::<Vec<i32>>());
}
