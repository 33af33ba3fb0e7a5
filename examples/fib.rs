// Recursion and integer arithmetic: `teras run examples/fib.rs 25`.
fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    for i in 0..=n {
        if i % 5 == 0 || i == n {
            println!("fib({i:>2}) = {}", fib(i));
        }
    }
}
