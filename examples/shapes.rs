// Traits, trait objects, derives and formatting.
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        String::from("shape")
    }
}

#[derive(Debug)]
struct Circle {
    center: Point,
    radius: f64,
}

#[derive(Debug)]
struct Rect {
    corner: Point,
    w: f64,
    h: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }
    fn name(&self) -> String {
        format!("circle at ({}, {})", self.center.x, self.center.y)
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "<{:.1}, {:.1}>", self.x, self.y)
    }
}

fn main() {
    let origin = Point { x: 0.0, y: 0.0 };
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle { center: origin, radius: 1.5 }),
        Box::new(Rect { corner: Point { x: 1.0, y: 2.0 }, w: 3.0, h: 4.5 }),
    ];
    for s in shapes.iter() {
        println!("{:<24} area {:>8.3}", s.name(), s.area());
    }
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total area: {total:.2}");
    println!("origin is {origin} and {:?}", origin);
    let r = Rect { corner: origin, w: 1.0, h: 2.0 };
    println!("{:#?}", r);
}
