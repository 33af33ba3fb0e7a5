use std::fmt;

struct P(i32, i32);

impl fmt::Display for P {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.0, self.1)
    }
}

struct Padded(&'static str);

impl fmt::Display for Padded {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:>6}", self.0)
    }
}

fn main() {
    // write! inside Display ignores the caller's width: Rust prints no padding here.
    println!("[{:>12}]", P(1, 2));
    println!("[{:<12}]", P(1, 2));
    // Padding the string form works.
    println!("[{:>12}]", P(1, 2).to_string());
    println!("[{}]", Padded("ab"));
    println!("[{:<10}]", Padded("ab"));
    let s = format!("{:^9}", format!("{}", P(0, 0)));
    println!("[{s}]");
}
