// Benchmark: start-up. The program does nearly nothing, so its time is the interpreter's
// start-up (for teras: parsing, checking and compiling the prelude and the program).
fn main() {
    let n: u32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    println!("startup {n}");
}
