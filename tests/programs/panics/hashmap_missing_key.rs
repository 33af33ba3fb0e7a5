use std::collections::HashMap;

fn main() {
    let mut m = HashMap::new();
    m.insert("a", 1);
    println!("{}", m["a"]);
    let key = String::from("b");
    println!("{}", m[key.as_str()]);
}
