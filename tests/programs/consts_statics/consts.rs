const THREE_HOURS_IN_SECONDS: u32 = 60 * 60 * 3;
const GREETING: &str = "hello";
const PRIMES: [u32; 5] = [2, 3, 5, 7, 11];
const MAX_POINTS: u64 = 100_000;
const ORIGIN: (i32, i32) = (0, 0);

const fn square(x: u32) -> u32 {
    x * x
}

const AREA: u32 = square(12);

fn main() {
    println!("{THREE_HOURS_IN_SECONDS}");
    println!("{} {}", GREETING, GREETING.len());
    println!("{:?} {}", PRIMES, PRIMES.iter().sum::<u32>());
    println!("{}", MAX_POINTS * 2);
    println!("{:?}", ORIGIN);
    println!("{AREA}");
    const LOCAL: i8 = -3;
    println!("{}", LOCAL * 2);
    for p in PRIMES.iter().filter(|&&p| p > 4) {
        print!("{p} ");
    }
    println!();
}
