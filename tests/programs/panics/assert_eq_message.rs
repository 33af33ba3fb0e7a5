#[derive(Debug, PartialEq)]
struct P {
    x: i32,
}

fn main() {
    assert_eq!(P { x: 1 }, P { x: 2 }, "points differ by {}", 1);
}
