fn main() {
    println!("to stdout");
    eprintln!("to stderr {}", 1);
    eprint!("partial ");
    eprintln!("line");
    println!("done");
}
