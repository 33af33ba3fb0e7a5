use std::ops::{Add, AddAssign, Mul, Neg, Sub, Index};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Add for Point {
    type Output = Point;
    fn add(self, other: Point) -> Point {
        Point { x: self.x + other.x, y: self.y + other.y }
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, other: Point) -> Point {
        Point { x: self.x - other.x, y: self.y - other.y }
    }
}

impl Mul<i32> for Point {
    type Output = Point;
    fn mul(self, k: i32) -> Point {
        Point { x: self.x * k, y: self.y * k }
    }
}

impl Neg for Point {
    type Output = Point;
    fn neg(self) -> Point {
        Point { x: -self.x, y: -self.y }
    }
}

impl AddAssign for Point {
    fn add_assign(&mut self, other: Point) {
        self.x += other.x;
        self.y += other.y;
    }
}

struct Poly(Vec<i32>);

impl Index<usize> for Poly {
    type Output = i32;
    fn index(&self, i: usize) -> &i32 {
        &self.0[i]
    }
}

fn main() {
    let a = Point { x: 1, y: 0 };
    let b = Point { x: 2, y: 3 };
    println!("{:?}", a + b);
    println!("{:?}", a - b);
    println!("{:?}", b * 3);
    println!("{:?}", -b);
    let mut c = a;
    c += b;
    c += b;
    println!("{:?}", c);
    println!("{}", a + b == Point { x: 3, y: 3 });
    let p = Poly(vec![5, 6, 7]);
    println!("{}", p[1] + p[2]);
}
