trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> &'static str;
    fn new_unit() -> Self
    where
        Self: Sized;
}

struct Square(f64);
struct Circle(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn name(&self) -> &'static str {
        "square"
    }
    fn new_unit() -> Self {
        Square(1.0)
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.0 * self.0
    }
    fn name(&self) -> &'static str {
        "circle"
    }
    fn new_unit() -> Self {
        Circle(1.0)
    }
}

fn report<S: Shape>(s: &S) {
    println!("{} {:.2}", s.name(), s.area());
}

fn unit_area<S: Shape>() -> f64 {
    S::new_unit().area()
}

fn biggest<'a>(shapes: &'a [&'a dyn Shape]) -> &'a dyn Shape {
    let mut best = shapes[0];
    for s in shapes {
        if s.area() > best.area() {
            best = *s;
        }
    }
    best
}

fn main() {
    report(&Square(2.0));
    report(&Circle(1.5));
    println!("{} {}", unit_area::<Square>(), unit_area::<Circle>());
    let sq = Square(3.0);
    let ci = Circle(1.0);
    let list: [&dyn Shape; 2] = [&sq, &ci];
    println!("{}", biggest(&list).name());
}
