// Threads benchmark 1: spawn N threads (10^4 by default), each returning a small value,
// then join them all and print the sum. Measures thread creation, start-up and join.
// The count is read at run time (first argument).
use std::thread;

fn arg_or(default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<u64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(10_000);
    let mut handles = Vec::new();
    for i in 0..n {
        handles.push(thread::spawn(move || i * 2 + 1));
    }
    let mut sum: u64 = 0;
    for h in handles {
        sum += h.join().unwrap();
    }
    println!("threads_spawn({}) = {}", n, sum);
}
