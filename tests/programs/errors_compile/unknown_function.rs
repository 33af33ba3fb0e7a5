fn greet() -> String {
    "hi".to_string()
}

fn main() {
    println!("{}", greet());
    println!("{}", gret());
}
