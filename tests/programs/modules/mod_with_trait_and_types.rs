mod shapes {
    pub trait Area {
        fn area(&self) -> f64;
    }

    pub struct Sq(pub f64);

    impl Area for Sq {
        fn area(&self) -> f64 {
            self.0 * self.0
        }
    }

    pub type Scalar = f64;

    pub fn total(items: &[Box<dyn Area>]) -> Scalar {
        items.iter().map(|i| i.area()).sum()
    }
}

use shapes::{Area, Sq};

type Pair = (i32, i32);

fn swap(p: Pair) -> Pair {
    (p.1, p.0)
}

fn main() {
    let items: Vec<Box<dyn Area>> = vec![Box::new(Sq(2.0)), Box::new(Sq(3.0))];
    println!("{}", shapes::total(&items));
    println!("{}", Sq(1.5).area());
    let s: shapes::Scalar = 2.5;
    println!("{s}");
    println!("{:?}", swap((1, 2)));
}
