// Vec<u8> as an io::Write: write!, write_all, write, a generic W: Write, BufWriter over a Vec and into_inner.
use std::io::{BufWriter, Write};
fn render<W: Write>(out: &mut W, rows: &[(&str, i32)]) -> std::io::Result<()> {
    for (name, n) in rows {
        writeln!(out, "{:<6}|{:>4}", name, n)?;
    }
    out.flush()
}
fn main() {
    let mut buf: Vec<u8> = Vec::new();
    writeln!(buf, "x={}", 1).unwrap();
    buf.write_all(b"yz").unwrap();
    let n = buf.write(b"!\n").unwrap();
    println!("{} {:?}", n, String::from_utf8(buf.clone()).unwrap());
    let mut table = Vec::new();
    render(&mut table, &[("ab", 1), ("cde", 22)]).unwrap();
    print!("{}", String::from_utf8_lossy(&table));
    let mut w = BufWriter::new(Vec::new());
    write!(w, "buffered {}", 3).unwrap();
    w.write_all(b" bytes").unwrap();
    let inner = w.into_inner().unwrap();
    println!("{:?}", String::from_utf8(inner).unwrap());
}
