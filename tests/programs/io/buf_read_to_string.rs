// The whole of stdin through a BufReader, then parsed; output through a BufWriter.
use std::io::{self, BufReader, BufWriter, Read, Write};

fn main() {
    let mut input = String::new();
    BufReader::new(io::stdin()).read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let v: Vec<u64> = (0..n).map(|_| it.next().unwrap().parse().unwrap()).collect();
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, x) in v.iter().enumerate() {
        write!(out, "{}{}", if i > 0 { " " } else { "" }, x * x).unwrap();
    }
    writeln!(out).unwrap();
    writeln!(out, "max {:?}", v.iter().max()).unwrap();
}
