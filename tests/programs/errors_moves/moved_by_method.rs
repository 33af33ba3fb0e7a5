fn main() {
    let maybe = Some(String::from("value"));
    let inner = maybe.unwrap();
    println!("{inner}");
    if maybe.is_some() {
        println!("still here");
    }
}
