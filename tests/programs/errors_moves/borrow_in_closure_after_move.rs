fn main() {
    let text = String::from("abc");
    drop(text);
    let len = || text.len();
    println!("{}", len());
}
