// File::create/open, write!/writeln! to a File, read_to_string, OpenOptions::append, BufReader lines and read_line, BufWriter, read/read_exact/read_to_end, io errors.
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, ErrorKind, Read, Write};

fn main() -> io::Result<()> {
    let dir = std::env::temp_dir().join(format!("teras_file_basic_{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let path = dir.join("a.txt");

    let mut f = File::create(&path)?;
    f.write_all(b"hello\n")?;
    write!(f, "{} + {} = {}\n", 1, 2, 1 + 2)?;
    writeln!(f, "third line")?;
    f.flush()?;
    drop(f);

    let mut s = String::new();
    File::open(&path)?.read_to_string(&mut s)?;
    print!("{}", s);
    println!("len {}", fs::metadata(&path)?.len());

    let mut f = OpenOptions::new().append(true).open(&path)?;
    writeln!(f, "appended")?;
    println!("file len {}", f.metadata()?.len());

    let reader = BufReader::new(File::open(&path)?);
    for (i, line) in reader.lines().enumerate() {
        println!("{}: {}", i, line?);
    }

    let mut r = BufReader::new(File::open(&path)?);
    let mut first = String::new();
    let n = r.read_line(&mut first)?;
    println!("read_line {} {:?}", n, first);
    let mut rest = Vec::new();
    r.read_to_end(&mut rest)?;
    println!("rest {} bytes", rest.len());

    {
        let mut w = BufWriter::new(File::create(&path)?);
        for i in 0..3 {
            writeln!(w, "row {}", i)?;
        }
        w.flush()?;
    }
    println!("{:?}", fs::read_to_string(&path)?);

    let mut buf = [0u8; 4];
    let mut f = File::open(&path)?;
    f.read_exact(&mut buf)?;
    println!("{:?}", buf);
    let n = f.read(&mut buf)?;
    println!("{} {:?}", n, &buf[..n]);
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes)?;
    println!("{}", String::from_utf8(bytes).unwrap());

    match File::open(dir.join("missing.txt")) {
        Ok(_) => println!("unexpected"),
        Err(e) => {
            println!("{}", e);
            println!("{:?}", e.kind());
            println!("{}", e.kind() == ErrorKind::NotFound);
        }
    }
    match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("{:?} {}", e.kind(), e),
    }

    fs::remove_file(&path)?;
    println!("exists {}", path.exists());
    fs::remove_dir(&dir)?;
    Ok(())
}
