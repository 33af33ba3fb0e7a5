//! Parser tests: every construct parses to the expected tree shape.

use super::*;
use crate::ast::*;

/// Parse a file that must have no diagnostics.
pub(super) fn file(src: &str) -> SourceFile {
    let (f, d) = parse_file(src);
    assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:#?}");
    f
}

/// Parse one expression that must have no diagnostics.
pub(super) fn expr(src: &str) -> Expr {
    let (e, d) = parse_expr(src);
    assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:#?}");
    e.expect("an expression")
}

#[test]
fn smoke_program() {
    let f = file(
        r#"
use std::collections::HashMap;
#[derive(Debug, Clone)]
struct Point { x: i32, y: i32 }
enum Shape { Circle(f64), Rect { w: f64, h: f64 }, Empty }
impl Point {
    fn new(x: i32, y: i32) -> Self { Point { x, y } }
    fn dist(&self) -> f64 { ((self.x * self.x + self.y * self.y) as f64).sqrt() }
}
trait Area { fn area(&self) -> f64; fn twice(&self) -> f64 { self.area() * 2.0 } }
impl Area for Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle(r) => 3.14 * r * r,
            Shape::Rect { w, h } => w * h,
            Shape::Empty => 0.0,
        }
    }
}
fn main() {
    let mut m: HashMap<String, Vec<i32>> = HashMap::new();
    let v = vec![1, 2, 3];
    for (i, x) in v.iter().enumerate() {
        if let Some(y) = m.get(&i.to_string()) { println!("{} {:?}", x, y); }
    }
    let total: i32 = v.iter().map(|x| x * 2).filter(|&x| x > 2).sum();
    let mut n = 0;
    while n < 10 { n += 1; }
    let r = loop { break 5; };
    let p = Point::new(1, 2);
    println!("{total} {r} {}", p.dist());
    let c = move || n + 1;
    assert_eq!(c(), 11, "closure {}", n);
}
"#,
    );
    assert_eq!(f.items.len(), 7);
}
