// Benchmark 1: naive recursive Fibonacci (function calls, integer add, compare).
// A TERAS program in the supported subset, and valid Rust: `rustc -O` builds the
// native oracle from this same file. The argument is read at run time so that
// the optimizer of native Rust cannot fold the result into a constant.

fn fib(n: i64) -> i64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn arg_or(default: i64) -> i64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<i64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(32);
    println!("fib({}) = {}", n, fib(n));
}
