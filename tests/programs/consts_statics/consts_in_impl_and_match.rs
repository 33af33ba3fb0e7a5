const LOW: i32 = 10;
const HIGH: i32 = 20;

struct Limits;

impl Limits {
    const MIN: i32 = -5;
    const MAX: i32 = 5;

    fn clamp(v: i32) -> i32 {
        v.clamp(Self::MIN, Self::MAX)
    }
}

fn bucket(n: i32) -> &'static str {
    match n {
        LOW => "exactly low",
        HIGH => "exactly high",
        LOW..=HIGH => "between",
        _ => "outside",
    }
}

fn main() {
    for n in [10, 15, 20, 25] {
        println!("{n}: {}", bucket(n));
    }
    println!("{} {} {}", Limits::clamp(-9), Limits::clamp(3), Limits::clamp(100));
    println!("{}", i32::MAX - Limits::MAX);
}
