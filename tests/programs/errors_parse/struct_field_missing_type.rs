struct Point {
    x: i32,
    y
}

fn main() {}
