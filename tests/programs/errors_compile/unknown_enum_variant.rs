#[derive(Debug)]
enum Color {
    Red,
    Green,
}

fn main() {
    let c = Color::Purple;
    println!("{:?} {:?}", c, Color::Green);
    let _ = Color::Red;
}
