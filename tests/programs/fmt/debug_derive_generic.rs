#[derive(Debug, Clone, PartialEq)]
enum Tree {
    Leaf(i32),
    Node(Box<Tree>, Box<Tree>),
}

#[derive(Debug)]
struct Pair<T> {
    a: T,
    b: T,
}

#[derive(Debug)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    ChangeColor(i32, i32, i32),
}

fn main() {
    let t = Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Node(Box::new(Tree::Leaf(2)), Box::new(Tree::Leaf(3)))));
    println!("{:?}", t);
    println!("{:#?}", Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Leaf(2))));
    println!("{:?}", Pair { a: 1.5, b: 2.0 });
    println!("{:?}", Pair { a: "x", b: "y" });
    let msgs = [
        Message::Quit,
        Message::Move { x: 1, y: 2 },
        Message::Write(String::from("hi")),
        Message::ChangeColor(0, 160, 255),
    ];
    for m in &msgs {
        println!("{:?}", m);
    }
    println!("{:#?}", msgs[1]);
}
