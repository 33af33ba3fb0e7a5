use std::fmt;

struct Celsius(f64);

impl fmt::Display for Celsius {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(p) = f.precision() {
            write!(f, "{:.*}°C", p, self.0)
        } else {
            write!(f, "{}°C", self.0)
        }
    }
}

struct Name(&'static str);

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.pad(self.0)
    }
}

fn main() {
    println!("{}", Celsius(21.456));
    println!("{:.1}", Celsius(21.456));
    println!("[{:>8}]", Name("bob"));
    println!("[{:<8}]", Name("bob"));
    println!("[{:^8}]", Name("bob"));
    println!("[{}]", Name("bob"));
    println!("[{:.2}]", Name("bobby"));
}
