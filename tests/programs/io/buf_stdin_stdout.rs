// Competitive-programming style I/O: a BufReader over stdin and a BufWriter over stdout.
use std::io::{self, BufRead, BufReader, BufWriter, Write};

fn main() {
    let stdin = io::stdin();
    let mut reader = BufReader::new(stdin.lock());
    let mut first = String::new();
    let n = reader.read_line(&mut first).unwrap();
    println!("first line: {:?} ({} bytes)", first, n);
    let count: usize = first.trim().parse().unwrap();

    let out = io::stdout();
    let mut w = BufWriter::new(out.lock());
    let mut total = 0i64;
    let mut lines = reader.lines();
    for i in 0..count {
        let line = lines.next().unwrap().unwrap();
        let nums: Vec<i64> = line.split_whitespace().map(|x| x.parse().unwrap()).collect();
        let s: i64 = nums.iter().sum();
        total += s;
        writeln!(w, "case {}: {:?} -> {}", i + 1, nums, s).unwrap();
    }
    write!(w, "total {}\n", total).unwrap();
    w.write_all(b"bytes\n").unwrap();
    w.flush().unwrap();
    drop(w);
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    println!("rest: {:?}", rest);

    let mut e = BufWriter::new(io::stderr());
    writeln!(e, "to stderr").unwrap();
}
