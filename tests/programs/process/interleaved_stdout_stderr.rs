fn main() {
    for i in 0..3 {
        println!("out {i}");
        eprintln!("err {i}");
    }
    print!("tail");
}
