use std::fs;
use std::io;

fn load(path: &str) -> Result<String, io::Error> {
    let s = fs::read_to_string(path)?;
    Ok(s)
}

fn main() {
    match load("/definitely/not/here.txt") {
        Ok(s) => println!("read {}", s.len()),
        Err(e) => println!("error kind {:?}", e.kind()),
    }
    let r = load("/definitely/not/here.txt").map(|s| s.len()).unwrap_or(0);
    println!("{r}");
}
