fn main() {
    print!("no newline before exit");
    std::process::exit(4);
}
