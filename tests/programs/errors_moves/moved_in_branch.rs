fn consume(v: Vec<String>) -> usize {
    v.len()
}

fn main() {
    let names = vec![String::from("a"), String::from("b")];
    let flag = std::env::args().count() > 5;
    if flag {
        println!("{}", consume(names));
    } else {
        println!("kept");
    }
    println!("{}", names.len());
}
