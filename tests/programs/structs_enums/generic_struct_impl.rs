#[derive(Debug)]
struct Point<T> {
    x: T,
    y: T,
}

impl<T> Point<T> {
    fn x(&self) -> &T {
        &self.x
    }
}

impl Point<f32> {
    fn distance_from_origin(&self) -> f32 {
        (self.x.powi(2) + self.y.powi(2)).sqrt()
    }
}

#[derive(Debug)]
struct Mixed<X1, Y1> {
    x: X1,
    y: Y1,
}

impl<X1, Y1> Mixed<X1, Y1> {
    fn mixup<X2, Y2>(self, other: Mixed<X2, Y2>) -> Mixed<X1, Y2> {
        Mixed { x: self.x, y: other.y }
    }
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T: std::fmt::Debug> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, t: T) {
        self.items.push(t);
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

fn main() {
    let p = Point { x: 5, y: 10 };
    println!("p.x = {}", p.x());
    let f = Point { x: 3.0f32, y: 4.0 };
    println!("{}", f.distance_from_origin());
    let p1 = Mixed { x: 5, y: 10.4 };
    let p2 = Mixed { x: "Hello", y: 'c' };
    let p3 = p1.mixup(p2);
    println!("p3.x = {}, p3.y = {}", p3.x, p3.y);
    let mut s: Stack<&str> = Stack::new();
    s.push("a");
    s.push("b");
    println!("{:?} {}", s.peek(), s.len());
    println!("{:?} {:?} {:?} {}", s.pop(), s.pop(), s.pop(), s.is_empty());
}
