// A BufWriter over a File buffers: the file stays empty until the buffer is flushed
// (flush, a write that does not fit, into_inner, the writer's drop); a write at least as
// large as the capacity goes straight to the file; buffer() and capacity() report it.
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};

fn main() {
    let dir = std::env::temp_dir().join(format!("teras_bufwriter_buffers_{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.txt");
    let mut w = BufWriter::new(File::create(&path).unwrap());
    writeln!(w, "hello").unwrap();
    write!(w, "world").unwrap();
    println!("before flush: {:?}", fs::read_to_string(&path).unwrap());
    println!("buffered: {}, capacity: {}", w.buffer().len(), w.capacity());
    w.flush().unwrap();
    println!("after flush: {:?}, buffered: {}", fs::read_to_string(&path).unwrap(), w.buffer().len());
    {
        let mut w2 = BufWriter::with_capacity(4, File::create(&path).unwrap());
        w2.write_all(b"ab").unwrap();
        println!("small: {:?}", fs::read_to_string(&path).unwrap());
        w2.write_all(b"cd").unwrap();
        println!("fills the capacity: {:?}", fs::read_to_string(&path).unwrap());
        w2.write_all(b"e").unwrap();
        println!("one more: {:?} ({} buffered)", fs::read_to_string(&path).unwrap(), w2.buffer().len());
        let n = w2.write(b"fghij").unwrap();
        println!("large write of {n}: {:?}", fs::read_to_string(&path).unwrap());
        w2.write_all(b"k").unwrap();
    }
    println!("after drop: {:?}", fs::read_to_string(&path).unwrap());
    let r = BufReader::new(File::open(&path).unwrap());
    for l in r.lines() {
        println!("line {:?}", l.unwrap());
    }
    let mut w3 = BufWriter::new(File::create(&path).unwrap());
    w3.write_all(b"xyz").unwrap();
    let f = w3.into_inner().unwrap();
    println!("into_inner flushed: {:?}", fs::read_to_string(&path).unwrap());
    drop(f);
    fs::remove_dir_all(&dir).unwrap();
}
