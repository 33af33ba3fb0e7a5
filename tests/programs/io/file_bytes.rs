// Read::bytes of a File.
use std::fs::{self, File};
use std::io::Read;
fn main() {
    let p = std::env::temp_dir().join(format!("teras_bytes_{}", std::process::id()));
    fs::write(&p, "hi!\n").unwrap();
    let f = File::open(&p).unwrap();
    let v: Vec<u8> = f.bytes().map(|b| b.unwrap()).collect();
    println!("{:?}", v);
    let n = File::open(&p).unwrap().bytes().filter(|b| *b.as_ref().unwrap() == b'!').count();
    println!("{}", n);
    fs::remove_file(&p).unwrap();
}
