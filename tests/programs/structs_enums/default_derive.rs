#[derive(Debug, Default)]
struct Config {
    name: String,
    verbose: bool,
    level: u8,
    ratio: f64,
    tags: Vec<String>,
    extra: Option<i32>,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Default)]
enum Mode {
    #[default]
    Fast,
    Slow,
}

struct Manual {
    n: i32,
}

impl Default for Manual {
    fn default() -> Self {
        Manual { n: 42 }
    }
}

fn main() {
    let c = Config::default();
    println!("{:?}", c);
    let c2 = Config { name: "x".to_string(), level: 3, ..Default::default() };
    println!("{:#?}", c2);
    let p: Point = Default::default();
    println!("{:?} {}", p, p == Point { x: 0, y: 0 });
    println!("{:?}", Mode::default());
    let _ = Mode::Slow;
    println!("{}", Manual::default().n);
    let v: Vec<i32> = Default::default();
    let s: String = Default::default();
    println!("{:?} {:?} {} {}", v, s, i32::default(), bool::default());
}
