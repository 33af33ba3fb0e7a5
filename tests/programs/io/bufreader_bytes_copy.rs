// BufReader over bytes (&[u8], str.as_bytes()), io::copy from a file to stdout and to a file, Box<dyn Write> over a File.
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Write};
fn count_words<R: BufRead>(r: R) -> usize {
    r.lines().map(|l| l.unwrap().split_whitespace().count()).sum()
}
fn main() -> io::Result<()> {
    let text = "one two\nthree\n\nfour five six\n";
    println!("{}", count_words(BufReader::new(text.as_bytes())));
    let bytes: Vec<u8> = b"a\nb\r\nc".to_vec();
    let lines: Vec<String> = BufReader::new(&bytes[..]).lines().map(|l| l.unwrap()).collect();
    println!("{:?}", lines);
    let mut r = BufReader::new("xyz\nrest".as_bytes());
    let mut first = String::new();
    r.read_line(&mut first)?;
    let mut two = [0u8; 2];
    r.read_exact(&mut two)?;
    let mut rest = String::new();
    r.read_to_string(&mut rest)?;
    println!("{:?} {:?} {:?}", first, two, rest);

    let p = std::env::temp_dir().join(format!("teras_mem_{}", std::process::id()));
    fs::write(&p, "copied text\n")?;
    let mut src = File::open(&p)?;
    let n = io::copy(&mut src, &mut io::stdout())?;
    println!("{} bytes", n);
    let q = p.with_extension("copy");
    let mut dst = File::create(&q)?;
    let mut src = BufReader::new(File::open(&p)?);
    io::copy(&mut src, &mut dst)?;
    println!("{:?}", fs::read_to_string(&q)?);
    let mut out: Box<dyn Write> = Box::new(File::create(&q)?);
    writeln!(out, "boxed")?;
    drop(out);
    println!("{:?}", fs::read_to_string(&q)?);
    fs::remove_file(&p)?;
    fs::remove_file(&q)?;
    Ok(())
}
