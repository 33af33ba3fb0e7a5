fn main() {
    let input = "12a";
    match input.parse::<i32>() {
        Ok(n) => println!("{n}"),
        Err(e) => {
            eprintln!("error: could not parse {input:?}: {e}");
            std::process::exit(1);
        }
    }
}
