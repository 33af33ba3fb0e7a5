// Writing to stdout and stderr through their handles and locks, interleaved with print!,
// and reading an empty stdin (end of input at once).
use std::io::{self, BufRead, Read, Write};

fn report<W: Write>(w: &mut W, name: &str, n: i32) -> io::Result<()> {
    write!(w, "{}=", name)?;
    writeln!(w, "{:>4}", n)
}

fn main() {
    print!("a");
    io::stdout().flush().unwrap();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    write!(out, "b{}", 1).unwrap();
    writeln!(out, "c").unwrap();
    drop(out);
    let n = io::stdout().write(b"xy").unwrap();
    io::stdout().write_all(b"\n").unwrap();
    println!("wrote {}", n);
    report(&mut io::stdout(), "count", 42).unwrap();
    report(&mut io::stdout().lock(), "more", -7).unwrap();
    writeln!(io::stderr(), "to stderr {}", 1).unwrap();
    let mut err = io::stderr().lock();
    writeln!(err, "locked stderr").unwrap();
    err.flush().unwrap();

    let mut s = String::from("kept");
    let r = io::stdin().read_line(&mut s).unwrap();
    println!("{} {:?}", r, s);
    println!("{}", io::stdin().lock().lines().count());
    let mut bytes = Vec::new();
    println!("{:?} {:?}", io::stdin().read_to_end(&mut bytes).unwrap(), bytes);
    println!("{:?}", io::read_to_string(io::stdin()).unwrap());
}
