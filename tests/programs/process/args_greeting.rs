fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "world".to_string());
    let times: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    for _ in 0..times {
        println!("hello, {name}");
    }
}
