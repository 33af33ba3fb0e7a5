// Threads return values through `join`; results collected in spawn order.
use std::thread;

fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    let handles: Vec<thread::JoinHandle<(u64, u64)>> = (10..16)
        .map(|n| thread::spawn(move || (n, fib(n))))
        .collect();
    for h in handles {
        let (n, f) = h.join().unwrap();
        println!("fib({n}) = {f}");
    }
    let words = vec!["alpha".to_string(), "beta".to_string(), "gamma".to_string()];
    let lens: Vec<usize> = words
        .into_iter()
        .map(|w| thread::spawn(move || w.len()))
        .map(|h| h.join().unwrap())
        .collect();
    println!("{:?}", lens);
    let h = thread::spawn(|| String::from("done"));
    println!("finished before join? {}", { let r = h.join().unwrap(); r == "done" });
}
