fn main() {
    let x = 3;
    assert!(x > 1);
    assert!(x < 10, "x should be small");
    println!("asserts passed");
    assert!(x % 2 == 0, "x = {} is odd", x);
}
