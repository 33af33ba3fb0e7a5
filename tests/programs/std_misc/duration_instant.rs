use std::time::{Duration, Instant};

fn main() {
    let d = Duration::from_millis(1500);
    println!("{} {} {}", d.as_secs(), d.as_millis(), d.subsec_millis());
    println!("{}", d.as_secs_f64());
    println!("{:?}", d);
    println!("{:?}", Duration::from_secs(2) + Duration::from_micros(250));
    println!("{:?}", Duration::from_nanos(1_000_123));
    println!("{:?}", Duration::from_secs(90).checked_sub(Duration::from_secs(100)));
    println!("{:?}", Duration::from_secs(3) * 2);
    println!("{}", Duration::from_secs(1) > Duration::from_millis(999));
    println!("{:?}", Duration::ZERO);
    let start = Instant::now();
    let mut x = 0u64;
    for i in 0..1000 {
        x += i;
    }
    let elapsed = start.elapsed();
    println!("{x} {}", elapsed < Duration::from_secs(60));
    let later = Instant::now();
    println!("{}", later >= start);
    println!("{}", later.duration_since(start) <= later.elapsed() + later.duration_since(start));
}
