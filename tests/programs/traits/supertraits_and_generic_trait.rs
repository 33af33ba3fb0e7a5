use std::fmt;

trait OutlinePrint: fmt::Display {
    fn outline_print(&self) {
        let output = self.to_string();
        let len = output.len();
        println!("{}", "*".repeat(len + 4));
        println!("*{}*", " ".repeat(len + 2));
        println!("* {output} *");
        println!("*{}*", " ".repeat(len + 2));
        println!("{}", "*".repeat(len + 4));
    }
}

struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

impl OutlinePrint for Point {}

trait Container {
    type Item;
    fn get(&self, i: usize) -> Option<&Self::Item>;
    fn first(&self) -> Option<&Self::Item> {
        self.get(0)
    }
}

struct MyVec(Vec<String>);

impl Container for MyVec {
    type Item = String;
    fn get(&self, i: usize) -> Option<&String> {
        self.0.get(i)
    }
}

fn main() {
    Point { x: 1, y: 3 }.outline_print();
    let v = MyVec(vec!["a".to_string(), "b".to_string()]);
    println!("{:?} {:?} {:?}", v.first(), v.get(1), v.get(2));
}
