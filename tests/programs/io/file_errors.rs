// io::Error values from file operations: Display, Debug, kind(), and `?` in a function.
use std::fs::{self, File};
use std::io::{self, ErrorKind, Read};

fn read_config(path: &str) -> io::Result<String> {
    let mut s = String::new();
    File::open(path)?.read_to_string(&mut s)?;
    Ok(s)
}

// (Compared with `==`: a `match` on `e.kind()` is a known gap, LANGUAGE.md 9.2.)
fn describe(e: &io::Error) -> &'static str {
    let k = e.kind();
    if k == ErrorKind::NotFound {
        "not found"
    } else if k == ErrorKind::PermissionDenied {
        "permission denied"
    } else if k == ErrorKind::AlreadyExists {
        "already exists"
    } else {
        "other"
    }
}

fn main() {
    let missing = "/nonexistent/teras/config.toml";
    match read_config(missing) {
        Ok(_) => println!("read?"),
        Err(e) => {
            println!("Display: {}", e);
            println!("Debug: {:?}", e);
            println!("kind: {:?} ({})", e.kind(), describe(&e));
            println!("kind Display: {}", e.kind());
        }
    }
    let e = fs::remove_file(missing).unwrap_err();
    println!("remove_file: {}", e);
    let e = fs::read_dir(missing).unwrap_err();
    println!("read_dir: {:?}", e.kind());
    let e = File::create("/nonexistent/teras/out.txt").unwrap_err();
    println!("create: {}", describe(&e));
    let dir = std::env::temp_dir();
    let e = fs::create_dir(&dir).unwrap_err();
    println!("create_dir existing: {}", describe(&e));
    let e = File::open(&dir).and_then(|mut f| {
        let mut s = String::new();
        f.read_to_string(&mut s)
    });
    println!("read a directory: {:?}", e.as_ref().map_err(|e| e.kind()));
    println!("IsADirectory: {}", e.unwrap_err().kind() == ErrorKind::IsADirectory);
    let e = fs::metadata(missing).unwrap_err();
    println!("metadata: {}", e);
    let custom = io::Error::new(ErrorKind::Other, "custom failure");
    println!("{} / {:?}", custom, custom.kind());
    let r = File::open(missing);
    println!("is_err {}", r.is_err());
    r.unwrap();
}
