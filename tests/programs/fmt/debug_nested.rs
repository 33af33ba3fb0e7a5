#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug)]
enum Shape {
    Circle { center: Point, radius: f64 },
    Rect(Point, Point),
    Empty,
}

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Wrapper(i32, String);

#[derive(Debug)]
struct Scene {
    name: String,
    shapes: Vec<Shape>,
    tag: Option<&'static str>,
    pair: (u8, char),
}

fn main() {
    let p = Point { x: 1, y: -2 };
    println!("{:?}", p);
    println!("{:#?}", p);
    let scene = Scene {
        name: String::from("demo"),
        shapes: vec![
            Shape::Circle { center: Point { x: 0, y: 0 }, radius: 1.5 },
            Shape::Rect(Point { x: 1, y: 2 }, Point { x: 3, y: 4 }),
            Shape::Empty,
        ],
        tag: Some("t"),
        pair: (7, 'z'),
    };
    println!("{:?}", scene);
    println!("{:#?}", scene);
    println!("{:?} {:?}", Unit, Wrapper(3, "w".to_string()));
    println!("{:#?}", Wrapper(3, "w".to_string()));
}
