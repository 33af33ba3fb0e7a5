// A field name no struct has (a typo) is rustc's E0609 when the program is compiled; the
// receiver's own fields come first as the suggestion.
struct Point {
    x: i32,
    y: i32,
}

struct Size {
    width: u32,
}

fn main() {
    let p = Point { x: 1, y: 2 };
    let s = Size { width: 3 };
    println!("{}", p.xx + p.y);
    println!("{}", s.widht);
}
