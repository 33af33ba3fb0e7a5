fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        println!("usage: prog NAME");
        std::process::exit(2);
    }
    println!("hello {}", args[0]);
}
