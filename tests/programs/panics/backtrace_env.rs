// Run with RUST_BACKTRACE=1 (see backtrace_env.env): after the panic message, rustc prints
// `stack backtrace:` and the frames; teras prints its own backtrace of TERAS frames.
fn level_two(v: &[u32]) -> u32 {
    v[3]
}

fn level_one(v: &[u32]) -> u32 {
    level_two(v) + 1
}

fn main() {
    let v = vec![1, 2, 3];
    println!("before");
    println!("{}", level_one(&v));
}
