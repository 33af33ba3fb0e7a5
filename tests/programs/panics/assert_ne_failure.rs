fn main() {
    let s = String::from("same");
    assert_ne!(s, "other");
    println!("ne ok");
    assert_ne!(s.as_str(), "same");
}
