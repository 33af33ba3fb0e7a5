// Benchmark 2: a tight integer loop of 10^8 iterations: a sum modulo a prime,
// reduced by compare-and-subtract (multiply, add, compare, branch per iteration;
// no division, so the time measures the interpreter, not the divider). The
// accumulator stays below 2^31, so Lua 5.4 integers, LuaJIT doubles, Python ints
// and Rust i64 all compute exactly the same value. The iteration count is read
// at run time so that native Rust cannot fold the loop into a constant.

fn arg_or(default: i64) -> i64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<i64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(100_000_000);
    let mut acc: i64 = 0;
    for i in 0..n {
        acc += i * 3 + 1;
        if acc >= 1_000_000_007 {
            acc -= 1_000_000_007;
        }
    }
    println!("int_loop({}) = {}", n, acc);
}
