// Input that is not UTF-8: read_line gives Err(InvalidData) and leaves the buffer as it was
// (the bad line is consumed); lines() yields the Err and goes on; `?` in main prints the
// error's Debug and exits with 1.
use std::io::{self, BufRead};

fn main() -> io::Result<()> {
    let mut s = String::from("before:");
    match io::stdin().read_line(&mut s) {
        Ok(n) => println!("ok {}", n),
        Err(e) => println!("err: {} / {:?} / {:?}", e, e.kind(), s),
    }
    for line in io::stdin().lock().lines().take(2) {
        match line {
            Ok(l) => println!("line {:?}", l),
            Err(e) => println!("line error: {}", e),
        }
    }
    let mut rest = String::new();
    io::stdin().read_line(&mut rest)?;
    println!("not reached {:?}", rest);
    Ok(())
}
