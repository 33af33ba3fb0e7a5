use std::io::{self, Write};

fn prompt(msg: &str) -> Option<String> {
    print!("{}", msg);
    io::stdout().flush().unwrap();
    let mut s = String::new();
    match io::stdin().read_line(&mut s) {
        Ok(0) => None,
        Ok(_) => Some(s.trim().to_string()),
        Err(e) => {
            println!("error: {} ({:?})", e, e.kind());
            Some(String::new())
        }
    }
}

fn main() {
    let mut total = 0;
    while let Some(answer) = prompt("Number? ") {
        match answer.parse::<i32>() {
            Ok(n) => total += n,
            Err(e) => println!("not a number: {:?} ({})", answer, e),
        }
    }
    println!();
    println!("total = {}", total);
    let words: Vec<String> = io::stdin().lines().map(|l| l.unwrap()).collect();
    println!("{:?}", words);
    eprintln!("to stderr");
    let mut err = io::stderr().lock();
    writeln!(err, "locked {}", 1).unwrap();
}
