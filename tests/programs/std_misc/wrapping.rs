// `std::num::Wrapping`: arithmetic that wraps instead of panicking on overflow; `Display`
// and `Debug` show the number (formatting flags apply to it).
use std::num::Wrapping;

fn hash(s: &str) -> Wrapping<u32> {
    let mut h = Wrapping(2166136261u32);
    for b in s.bytes() {
        h ^= Wrapping(b as u32);
        h *= Wrapping(16777619);
    }
    h
}

fn main() {
    let a = Wrapping(250u8);
    let b = Wrapping(10u8);
    println!("{} {} {} {}", a + b, a - Wrapping(251), a * b, a / b);
    println!("{:?} {}", a % Wrapping(7), (a + b).0);
    let mut c = Wrapping(i32::MAX);
    c += Wrapping(1);
    println!("{} [{:>14}] [{:<14?}] {}", c, c, c, -Wrapping(i32::MIN));
    c -= Wrapping(1);
    println!("{}", c);
    let mut d = Wrapping(3u64);
    d *= Wrapping(u64::MAX);
    println!("{}", d);
    println!("{}", (Wrapping(3u32) - Wrapping(5)).0);
    println!("{} {} {}", !Wrapping(0u16), Wrapping(0b1100u8) & Wrapping(0b1010), Wrapping(0b1100u8) | Wrapping(0b1010));
    println!("{}", Wrapping(0b1100u8) ^ Wrapping(0b1010));
    println!("{:08x} {:x}", hash("teras").0, hash("").0);
    let mut v = vec![Wrapping(3i8), Wrapping(-128), Wrapping(127)];
    v.sort();
    println!("{:?} {}", v, Wrapping(5) == Wrapping(5));
    let s: Wrapping<u8> = v.iter().map(|w| Wrapping(w.0 as u8)).fold(Wrapping(0), |acc, x| acc + x);
    println!("{}", s);
}
