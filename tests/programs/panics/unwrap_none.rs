fn main() {
    let v: Vec<i32> = Vec::new();
    println!("len {}", v.len());
    let first = v.first().unwrap();
    println!("{first}");
}
