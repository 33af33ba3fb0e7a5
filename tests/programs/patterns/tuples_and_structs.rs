struct Point {
    x: i32,
    y: i32,
}

struct Point3(i32, i32, i32);

fn main() {
    let p = Point { x: 0, y: 7 };
    let Point { x: a, y: b } = p;
    println!("{a} {b}");
    let Point { x, y } = p;
    println!("{x} {y}");
    for p in [Point { x: 0, y: 7 }, Point { x: 3, y: 0 }, Point { x: 1, y: 1 }] {
        match p {
            Point { x, y: 0 } => println!("On the x axis at {x}"),
            Point { x: 0, y } => println!("On the y axis at {y}"),
            Point { x, y } => println!("On neither axis: ({x}, {y})"),
        }
    }
    let t = (1, (2, 3), [4, 5]);
    let (a, (b, c), [d, e]) = t;
    println!("{a}{b}{c}{d}{e}");
    match (1, "x") {
        (0, _) => println!("zero"),
        (n, "x") => println!("x with {n}"),
        _ => println!("other"),
    }
    let Point3(q, _, r) = Point3(1, 2, 3);
    println!("{q} {r}");
    let origin = Point { x: 5, y: 6 };
    match origin {
        Point { x, .. } => println!("x is {x}"),
    }
    let numbers = (2, 4, 8, 16, 32);
    match numbers {
        (first, .., last) => println!("Some numbers: {first}, {last}"),
    }
    let ((feet, inches), Point { x, y }) = ((3, 10), Point { x: 3, y: -10 });
    println!("{feet} {inches} {x} {y}");
}
