#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

fn main() {
    let name = String::from("Ada");
    let p = Person { name, age: 36 };
    println!("{:?}", p);
    println!("{}", name.len());
}
