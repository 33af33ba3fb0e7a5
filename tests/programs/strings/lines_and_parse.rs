fn main() {
    let text = "3\n14\n-15\n\nnot a number\n92";
    let mut total = 0;
    for (i, line) in text.lines().enumerate() {
        match line.trim().parse::<i32>() {
            Ok(n) => total += n,
            Err(e) => println!("line {}: {:?}: {}", i + 1, line, e),
        }
    }
    println!("total {total}");
    let f: f64 = "2.5".parse().unwrap();
    println!("{}", f * 2.0);
    let b: bool = "true".parse().unwrap();
    println!("{b}");
    let c: char = "x".parse().unwrap();
    println!("{c}");
    println!("{:?}", "256".parse::<u8>());
    println!("{:?}", "-1".parse::<u32>());
    println!("{:?}", "".parse::<i32>());
    println!("{:?}", " 5".parse::<i32>());
    println!("{:?}", "+7".parse::<i64>());
    println!("{:?}", "1e3".parse::<f64>());
    println!("{:?}", "abc".parse::<f64>().is_err());
    let nums: Result<Vec<i32>, _> = "1,2,3".split(',').map(str::parse::<i32>).collect();
    println!("{:?}", nums);
    let bad: Result<Vec<i32>, _> = "1,x,3".split(',').map(|s| s.parse::<i32>()).collect();
    println!("{:?}", bad.is_err());
    if let Err(e) = "x".parse::<i32>() {
        println!("{e}");
    }
    if let Err(e) = "999999999999".parse::<i32>() {
        println!("{e}");
    }
}
