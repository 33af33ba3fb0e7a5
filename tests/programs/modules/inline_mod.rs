mod geometry {
    pub struct Rect {
        pub w: f64,
        pub h: f64,
    }

    impl Rect {
        pub fn area(&self) -> f64 {
            self.w * self.h
        }
    }

    pub fn unit() -> Rect {
        Rect { w: 1.0, h: 1.0 }
    }

    pub mod shapes {
        pub fn describe(r: &super::Rect) -> String {
            format!("{}x{}", r.w, r.h)
        }
    }

    fn private_helper() -> i32 {
        7
    }

    pub fn uses_private() -> i32 {
        private_helper() * 6
    }
}

use geometry::shapes::describe;
use geometry::Rect;

fn main() {
    let r = Rect { w: 2.0, h: 3.5 };
    println!("{}", r.area());
    println!("{}", describe(&r));
    println!("{}", geometry::unit().area());
    println!("{}", geometry::uses_private());
    println!("{}", geometry::shapes::describe(&geometry::unit()));
}
