use std::io::ErrorKind;
use std::time::{Duration, Instant};

fn open(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

fn main() {
    let a = Duration::from_millis(1500);
    let b = Duration::from_millis(250);
    println!("{:?}", a + b);
    println!("{:?}", a - b);
    println!("{:?}", a * 3);
    println!("{:?}", 2 * b);
    println!("{:?}", a / 2);
    println!("{}", a == Duration::from_secs_f64(1.5));
    println!("{}", a != b);
    println!("{} {}", a > b, a <= b);
    let t0 = Instant::now();
    let t1 = Instant::now();
    let d = t1 - t0;
    println!("{}", d < Duration::from_secs(60));
    println!("{}", t0 + Duration::from_secs(1) > t1);
    match open("/definitely/not/here.txt") {
        Ok(_) => println!("found"),
        Err(e) => {
            println!("{}", e.kind() == ErrorKind::NotFound);
            println!("{}", e.kind() != ErrorKind::PermissionDenied);
        }
    }
    let v: Vec<u8> = "ab".into();
    println!("{:?}", v);
    let s: String = 'x'.into();
    println!("{s}");
    let w: u64 = 7u32.into();
    println!("{w}");
}
