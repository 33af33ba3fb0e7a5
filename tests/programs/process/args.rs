use std::env;

fn main() {
    let args: Vec<String> = env::args().collect();
    println!("{} args after the program", args.len() - 1);
    for (i, a) in args.iter().enumerate().skip(1) {
        println!("{i}: {a}");
    }
    let nums: Vec<i64> = env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    println!("sum of numbers {}", nums.iter().sum::<i64>());
}
