fn main() {
    println!("before");
    let reason = "disk full";
    panic!("fatal error: {} (code {})", reason, 28);
}
