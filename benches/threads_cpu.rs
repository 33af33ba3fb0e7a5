// Threads benchmark 2: a CPU-bound job (int_loop's sum modulo a prime over 0..N, N = 2*10^7
// by default) split into T equal parts run on T threads (first argument N, second T). The
// printed result does not depend on T; comparing T = 1 and T = 2 shows the parallel
// speedup (teras has no global lock: two threads should take about half the time).
use std::thread;

const P: u64 = 1_000_000_007;

fn part(lo: u64, hi: u64) -> u64 {
    let mut acc: u64 = 0;
    for i in lo..hi {
        acc += i % 1000 * 3 + 1;
        if acc >= P {
            acc -= P;
        }
    }
    acc
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = if args.len() > 1 { args[1].parse::<u64>().unwrap() } else { 20_000_000 };
    let t: u64 = if args.len() > 2 { args[2].parse::<u64>().unwrap() } else { 2 };
    let mut handles = Vec::new();
    for k in 0..t {
        let lo = n * k / t;
        let hi = n * (k + 1) / t;
        handles.push(thread::spawn(move || part(lo, hi)));
    }
    let mut total: u64 = 0;
    for h in handles {
        total = (total + h.join().unwrap()) % P;
    }
    println!("threads_cpu({}) = {}", n, total);
}
