fn main() {
    let mut buf = String::from("x");
    let flag = std::env::args().count() > 3;
    let taken = buf;
    if flag {
        buf = String::from("y");
    }
    println!("{taken} {buf}");
}
