// BufReader / BufWriter over files, read_dir, metadata and path helpers.
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

fn write_table(path: &Path, rows: usize) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    writeln!(w, "id,name,score")?;
    for i in 0..rows {
        write!(w, "{},", i)?;
        w.write_all(format!("item{}", i).as_bytes())?;
        writeln!(w, ",{}", i * i % 7)?;
    }
    w.flush()
}

fn sum_scores(path: &Path) -> io::Result<u32> {
    let reader = BufReader::new(File::open(path)?);
    let mut total = 0;
    for line in reader.lines().skip(1) {
        let line = line?;
        let score: u32 = line.rsplit(',').next().unwrap().parse().unwrap();
        total += score;
    }
    Ok(total)
}

fn main() -> io::Result<()> {
    let dir: PathBuf = std::env::temp_dir().join(format!("teras_file_buffered_{}", std::process::id()));
    fs::create_dir_all(dir.join("sub"))?;
    let table = dir.join("table.csv");
    write_table(&table, 10)?;
    println!("total score {}", sum_scores(&table)?);

    let mut reader = BufReader::new(File::open(&table)?);
    let mut line = String::new();
    let mut count = 0;
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        if n == 0 {
            break;
        }
        count += 1;
        if count <= 2 {
            print!("line {}: {}", count, line);
        }
    }
    println!("{} lines", count);

    let lines: Vec<String> = BufReader::new(File::open(&table)?).lines().collect::<Result<_, _>>()?;
    println!("last: {}", lines[lines.len() - 1]);

    fs::write(dir.join("notes.txt"), "no newline at end")?;
    fs::write(dir.join("crlf.txt"), "a\r\nb\r\n")?;
    for name in ["notes.txt", "crlf.txt"] {
        let r = BufReader::new(File::open(dir.join(name))?);
        let got: Vec<String> = r.lines().map(|l| l.unwrap()).collect();
        println!("{}: {:?}", name, got);
    }

    let meta = fs::metadata(&table)?;
    println!("table: {} bytes, file {}, dir {}", meta.len(), meta.is_file(), meta.is_dir());
    println!("dir is_dir {}", fs::metadata(&dir)?.is_dir());

    let mut names: Vec<String> = fs::read_dir(&dir)?
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    println!("entries: {:?}", names);

    let p = dir.join("table.csv");
    println!("name {:?}", p.file_name().unwrap().to_str().unwrap());
    println!("ext {:?}", p.extension().unwrap().to_str().unwrap());
    println!("stem {:?}", p.file_stem().unwrap().to_str().unwrap());
    println!("parent is dir {}", p.parent().unwrap().is_dir());
    println!("with_extension {:?}", p.with_extension("txt").file_name().unwrap().to_str().unwrap());
    println!("is_file {} exists {}", p.is_file(), Path::new("/definitely/not/here").exists());

    fs::rename(dir.join("notes.txt"), dir.join("renamed.txt"))?;
    let copied = fs::copy(dir.join("renamed.txt"), dir.join("sub").join("copy.txt"))?;
    println!("copied {} bytes: {:?}", copied, fs::read_to_string(dir.join("sub").join("copy.txt"))?);

    fs::remove_dir_all(&dir)?;
    println!("cleaned up: {}", !dir.exists());
    Ok(())
}
