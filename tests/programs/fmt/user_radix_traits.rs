// `{:x}`, `{:X}`, `{:o}`, `{:b}`, `{:e}` of a program type call its own LowerHex, UpperHex,
// Octal, Binary, LowerExp impls (with the spec's width, fill, `#` and precision), and
// `format_args!` displays what it formats.
use std::fmt;

struct Id(u32);

impl fmt::LowerHex for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::LowerHex::fmt(&self.0, f)
    }
}

impl fmt::UpperHex for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "ID-{:X}", self.0)
    }
}

impl fmt::Octal for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "o{:o}", self.0)
    }
}

impl fmt::Binary for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let bits = format!("{:b}", self.0);
        f.pad_integral(true, "0b", &bits)
    }
}

struct Sci(f64);

impl fmt::LowerExp for Sci {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "sci[{:.*e}]", p, self.0),
            None => write!(f, "sci[{:e}]", self.0),
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

fn main() {
    let id = Id(255);
    println!("{:x} {:#010x} [{:>6x}] {}", id, id, Id(4096), id);
    println!("{:X} {:o} {:b} {:#b} [{:>8b}]", id, id, Id(5), Id(5), Id(6));
    println!("{:e} {:.2e}", Sci(1234.5), Sci(0.000123));
    let s = format!("{}", format_args!("{}-{:?}", id, "q"));
    println!("{s}");
    println!("{}", format_args!("{:>4}|{:<4}|", 1, 2));
}
