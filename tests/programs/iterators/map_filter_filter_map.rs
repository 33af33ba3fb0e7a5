fn main() {
    let v = vec![1, 2, 3, 4, 5, 6];
    let doubled: Vec<i32> = v.iter().map(|x| x * 2).collect();
    println!("{:?}", doubled);
    let evens: Vec<&i32> = v.iter().filter(|x| *x % 2 == 0).collect();
    println!("{:?}", evens);
    let strs = ["1", "two", "3", "four", "5"];
    let nums: Vec<i32> = strs.iter().filter_map(|s| s.parse().ok()).collect();
    println!("{:?}", nums);
    let halves: Vec<i32> = v.iter().filter_map(|&x| if x % 2 == 0 { Some(x / 2) } else { None }).collect();
    println!("{:?}", halves);
    let chained: Vec<String> = v.iter().filter(|&&x| x > 2).map(|x| format!("<{x}>")).collect();
    println!("{:?}", chained);
    let lazy = v.iter().map(|x| {
        println!("visiting {x}");
        x + 1
    });
    println!("nothing yet");
    let firsts: Vec<i32> = lazy.take(2).collect();
    println!("{:?}", firsts);
    let owned: Vec<String> = vec!["a".to_string(), "b".to_string()];
    let lens: Vec<usize> = owned.into_iter().map(|s| s.len()).collect();
    println!("{:?}", lens);
}
