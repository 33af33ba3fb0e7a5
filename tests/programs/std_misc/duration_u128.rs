use std::time::Duration;

fn main() {
    let d = Duration::from_secs(u64::MAX);
    println!("{} {} {}", d.as_millis(), d.as_micros(), d.as_nanos());
    let small = Duration::from_millis(1500);
    let ms: u128 = small.as_millis();
    println!("{ms} {} {}", small.as_micros() * 2, small.as_nanos() / 3);
    println!("{}", small.as_millis() as u64 + 1);
    println!("{:?}", small.as_nanos().checked_mul(u128::MAX));
    let total: u128 = [small, d].iter().map(|x| x.as_nanos()).sum();
    println!("{total}");
}
