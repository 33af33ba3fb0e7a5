use std::process;

fn main() {
    println!("about to exit");
    process::exit(3);
}
