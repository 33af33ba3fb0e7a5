fn main() {
    let config: Option<&str> = None;
    let value = config.expect("config must be set");
    println!("{value}");
}
