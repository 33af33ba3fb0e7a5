struct Point {
    x: i32,
    y: i32,
}

fn print_coordinates(&(x, y): &(i32, i32)) {
    println!("Current location: ({x}, {y})");
}

fn norm1(Point { x, y }: Point) -> i32 {
    x.abs() + y.abs()
}

fn main() {
    let point = (3, 5);
    print_coordinates(&point);
    println!("{}", norm1(Point { x: -3, y: 4 }));
    let add = |(a, b): (i32, i32)| a + b;
    println!("{}", add((2, 3)));
    let pts = vec![(1, 2), (3, 4)];
    let sums: Vec<i32> = pts.iter().map(|(a, b)| a * b).collect();
    println!("{:?}", sums);
    let _ = 5;
    let (_, second) = (1, 2);
    println!("{second}");
}
