fn main() {
    let list = vec![1, 2, 3];
    let first = move || list.len();
    let second = move || list.len();
    println!("{} {}", first(), second());
}
