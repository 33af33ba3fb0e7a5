#[derive(Debug)]
struct Rectangle {
    width: u32,
    height: u32,
}

impl Rectangle {
    fn new(width: u32, height: u32) -> Self {
        Self { width, height }
    }

    fn square(size: u32) -> Rectangle {
        Rectangle { width: size, height: size }
    }

    fn area(&self) -> u32 {
        self.width * self.height
    }

    fn can_hold(&self, other: &Rectangle) -> bool {
        self.width > other.width && self.height > other.height
    }

    fn scale(&mut self, k: u32) {
        self.width *= k;
        self.height *= k;
    }

    fn into_tuple(self) -> (u32, u32) {
        (self.width, self.height)
    }
}

impl Rectangle {
    fn width(&self) -> bool {
        self.width > 0
    }
}

fn main() {
    let mut rect1 = Rectangle::new(30, 50);
    let rect2 = Rectangle { width: 10, height: 40 };
    let rect3 = Rectangle::square(60);
    println!("area {}", rect1.area());
    println!("{} {}", rect1.can_hold(&rect2), rect1.can_hold(&rect3));
    rect1.scale(2);
    println!("{:?}", rect1);
    if rect1.width() {
        println!("width {}", rect1.width);
    }
    println!("{}", Rectangle::area(&rect2));
    let t = rect3.into_tuple();
    println!("{:?}", t);
}
