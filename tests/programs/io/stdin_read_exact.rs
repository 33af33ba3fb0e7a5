// Read and read_exact on stdin, directly and through a BufReader.
use std::io::{self, BufRead, BufReader, Read};

fn main() {
    let mut header = [0u8; 4];
    io::stdin().read_exact(&mut header).unwrap();
    println!("magic {:?}", std::str::from_utf8(&header).unwrap());

    let mut reader = BufReader::new(io::stdin());
    let mut len = [0u8; 2];
    reader.read_exact(&mut len).unwrap();
    let n: usize = std::str::from_utf8(&len).unwrap().parse().unwrap();
    let mut body = vec![0u8; n];
    reader.read_exact(&mut body).unwrap();
    println!("body {:?}", String::from_utf8(body).unwrap());

    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    println!("line {:?}", line);

    let mut buf = [0u8; 3];
    let mut chunks = Vec::new();
    loop {
        let got = reader.read(&mut buf).unwrap();
        if got == 0 {
            break;
        }
        chunks.push(String::from_utf8_lossy(&buf[..got]).into_owned());
        if chunks.len() == 2 {
            break;
        }
    }
    println!("chunks {:?}", chunks);

    let mut rest = String::new();
    reader.read_to_string(&mut rest).unwrap();
    println!("rest {:?}", rest);

    let mut more = [0u8; 5];
    let e = io::stdin().lock().read_exact(&mut more).unwrap_err();
    println!("at end: {:?} {}", e.kind(), e);
    println!("read at end: {}", io::stdin().read(&mut more).unwrap());
}
