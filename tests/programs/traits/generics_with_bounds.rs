use std::fmt::{Debug, Display};

fn largest<T: PartialOrd + Copy>(list: &[T]) -> T {
    let mut largest = list[0];
    for &item in list {
        if item > largest {
            largest = item;
        }
    }
    largest
}

fn describe<T>(item: T) -> String
where
    T: Display + Clone,
{
    format!("<{}>", item.clone())
}

fn print_all<T: Debug>(items: &[T]) {
    for (i, it) in items.iter().enumerate() {
        println!("{i}: {:?}", it);
    }
}

struct Pair<T> {
    x: T,
    y: T,
}

impl<T: Display + PartialOrd> Pair<T> {
    fn cmp_display(&self) {
        if self.x >= self.y {
            println!("The largest member is x = {}", self.x);
        } else {
            println!("The largest member is y = {}", self.y);
        }
    }
}

fn sum_all<T: std::ops::Add<Output = T> + Copy + Default>(xs: &[T]) -> T {
    let mut acc = T::default();
    for &x in xs {
        acc = acc + x;
    }
    acc
}

fn main() {
    println!("{}", largest(&[34, 50, 25, 100, 65]));
    println!("{}", largest(&['y', 'm', 'a', 'q']));
    println!("{}", largest(&[1.5, -2.0]));
    println!("{}", describe(5));
    println!("{}", describe("text"));
    print_all(&["a", "b"]);
    print_all(&[Some(1), None]);
    Pair { x: 3, y: 9 }.cmp_display();
    Pair { x: "b", y: "a" }.cmp_display();
    println!("{}", sum_all(&[1, 2, 3]));
    println!("{}", sum_all(&[0.5, 0.25]));
}
