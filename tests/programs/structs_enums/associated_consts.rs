struct Circle {
    r: f64,
}

impl Circle {
    const PI: f64 = 3.14159;
    const UNIT: Circle = Circle { r: 1.0 };

    fn area(&self) -> f64 {
        Self::PI * self.r * self.r
    }
}

trait Animal {
    const LEGS: u32;
    fn name(&self) -> String;
    fn describe(&self) -> String {
        format!("{} has {} legs", self.name(), Self::LEGS)
    }
}

struct Dog;
struct Bird;

impl Animal for Dog {
    const LEGS: u32 = 4;
    fn name(&self) -> String {
        "dog".to_string()
    }
}

impl Animal for Bird {
    const LEGS: u32 = 2;
    fn name(&self) -> String {
        "bird".to_string()
    }
}

fn main() {
    println!("{}", Circle::PI);
    println!("{}", Circle::UNIT.area());
    println!("{}", Circle { r: 2.0 }.area());
    println!("{}", Dog.describe());
    println!("{}", Bird.describe());
    println!("{}", Dog::LEGS + Bird::LEGS);
}
