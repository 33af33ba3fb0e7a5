// OpenOptions flags, seek, try_clone, set_len: the file's state after each step.
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

fn contents(path: &std::path::Path) -> String {
    fs::read_to_string(path).unwrap()
}

fn main() {
    let path = std::env::temp_dir().join(format!("teras_open_options_{}.txt", std::process::id()));
    let _ = fs::remove_file(&path);

    // Opening a missing file without `create` fails.
    let e = OpenOptions::new().write(true).open(&path).unwrap_err();
    println!("no create: {:?}", e.kind());

    let mut f = OpenOptions::new().write(true).create(true).open(&path).unwrap();
    f.write_all(b"0123456789").unwrap();
    println!("created: {:?}", contents(&path));

    // Without truncate, writing at the start overwrites in place.
    let mut f = OpenOptions::new().write(true).open(&path).unwrap();
    f.write_all(b"ab").unwrap();
    println!("overwrite: {:?}", contents(&path));

    // append always writes at the end.
    let mut f = OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"XY").unwrap();
    println!("append: {:?}", contents(&path));

    // read + write, with seeks.
    let mut f = OpenOptions::new().read(true).write(true).open(&path).unwrap();
    let end = f.seek(SeekFrom::End(0)).unwrap();
    println!("end at {}", end);
    f.seek(SeekFrom::Start(4)).unwrap();
    let mut four = [0u8; 4];
    f.read_exact(&mut four).unwrap();
    println!("at 4: {:?}", std::str::from_utf8(&four).unwrap());
    let pos = f.seek(SeekFrom::Current(-2)).unwrap();
    println!("back to {}", pos);
    f.write_all(b"__").unwrap();
    println!("position {}", f.stream_position().unwrap());
    f.rewind().unwrap();
    let mut all = String::new();
    f.read_to_string(&mut all).unwrap();
    println!("after seeks: {:?}", all);

    // A clone shares the offset.
    let mut g = f.try_clone().unwrap();
    g.seek(SeekFrom::Start(1)).unwrap();
    let mut one = [0u8; 1];
    f.read_exact(&mut one).unwrap();
    println!("shared offset reads {:?}", one[0] as char);

    f.set_len(3).unwrap();
    println!("set_len: {:?} len {}", contents(&path), f.metadata().unwrap().len());

    // truncate empties the file.
    let f = OpenOptions::new().write(true).truncate(true).open(&path).unwrap();
    println!("truncate: {:?} {}", contents(&path), f.metadata().unwrap().len());

    // create_new refuses an existing file.
    let e = OpenOptions::new().write(true).create_new(true).open(&path).unwrap_err();
    println!("create_new: {:?}", e.kind());
    fs::remove_file(&path).unwrap();
    let f = File::create_new(&path);
    println!("create_new after remove: {}", f.is_ok());

    // Reading past the end: read gives 0, read_exact an UnexpectedEof error.
    let mut f = File::open(&path).unwrap();
    let mut buf = [7u8; 3];
    println!("read at end: {}", f.read(&mut buf).unwrap());
    let e = f.read_exact(&mut buf).unwrap_err();
    println!("read_exact at end: {:?} {}", e.kind(), e);

    // A file opened read-only cannot be written.
    let mut f = File::open(&path).unwrap();
    println!("write to read-only: {}", f.write_all(b"x").is_err());
    fs::remove_file(&path).unwrap();
    println!("removed: {}", !path.exists());
}
