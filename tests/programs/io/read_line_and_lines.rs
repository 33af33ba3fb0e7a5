use std::io::{self, BufRead, Read, Write};

fn sum_line(line: &str) -> i64 {
    line.split_whitespace().map(|w| w.parse::<i64>().unwrap()).sum()
}

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut first = String::new();
    let n = stdin.read_line(&mut first)?;
    let count: usize = first.trim().parse().expect("a number");
    println!("read {} bytes, count = {}", n, count);
    let mut lines = stdin.lock().lines();
    for i in 0..count {
        let line = lines.next().unwrap()?;
        println!("line {}: sum = {}", i, sum_line(&line));
    }
    drop(lines);
    let mut rest = String::new();
    let m = io::stdin().read_to_string(&mut rest)?;
    println!("rest: {} bytes, {:?}", m, rest);
    let mut again = String::new();
    println!("at eof: {:?} {:?}", io::stdin().read_line(&mut again)?, again);
    let all = io::read_to_string(io::stdin())?;
    println!("{:?}", all);
    let mut out = io::stdout().lock();
    writeln!(out, "done")?;
    out.flush()?;
    Ok(())
}
