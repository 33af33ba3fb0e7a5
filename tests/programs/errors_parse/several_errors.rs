fn first() -> i32 {
    let a = 1 + ;
    a
}

struct Point {
    x: i32,
    y
}

fn third() {
    let c = 'xy';
    println!("{c}");
}

fn main() {
    first();
    third();
}
