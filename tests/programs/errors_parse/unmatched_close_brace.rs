fn main() {
    println!("one");
}
}
