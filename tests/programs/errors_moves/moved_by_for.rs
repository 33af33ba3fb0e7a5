fn main() {
    let words = vec![String::from("one"), String::from("two")];
    for w in words {
        println!("{w}");
    }
    println!("{}", words.len());
}
