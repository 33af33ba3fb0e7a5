// Benchmark 3: a float loop, the Leibniz series for pi over 10^7 terms
// (float divide, multiply, add, int-to-float conversion). Every language does
// the same IEEE-754 operations in the same order, so the printed digits agree.

fn arg_or(default: i64) -> i64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<i64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(10_000_000);
    let mut sum: f64 = 0.0;
    let mut sign: f64 = 1.0;
    for k in 0..n {
        sum += sign / (2.0 * (k as f64) + 1.0);
        sign = -sign;
    }
    println!("float_loop({}) = {:.12}", n, 4.0 * sum);
}
