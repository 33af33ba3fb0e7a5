#[derive(Debug)]
enum IpAddr {
    V4(u8, u8, u8, u8),
    V6(String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Coin {
    Penny,
    Nickel,
    Dime,
    Quarter,
}

impl Coin {
    fn value_in_cents(self) -> u8 {
        match self {
            Coin::Penny => {
                println!("Lucky penny!");
                1
            }
            Coin::Nickel => 5,
            Coin::Dime => 10,
            Coin::Quarter => 25,
        }
    }
}

enum Shape {
    Circle { r: f64 },
    Rect { w: f64, h: f64 },
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { r } => 3.0 * r * r,
            Shape::Rect { w, h } => w * h,
        }
    }
}

fn main() {
    let home = IpAddr::V4(127, 0, 0, 1);
    let loopback = IpAddr::V6(String::from("::1"));
    println!("{:?} {:?}", home, loopback);
    let coins = [Coin::Penny, Coin::Dime, Coin::Quarter, Coin::Nickel];
    let total: u32 = coins.iter().map(|c| c.value_in_cents() as u32).sum();
    println!("total {total}");
    println!("{}", coins[1] == Coin::Dime);
    println!("{}", Coin::Quarter as i32);
    let shapes = vec![Shape::Circle { r: 2.0 }, Shape::Rect { w: 3.0, h: 4.5 }];
    for s in &shapes {
        println!("{}", s.area());
    }
}
