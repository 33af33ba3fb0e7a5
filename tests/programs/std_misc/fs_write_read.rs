use std::fs;

fn main() {
    let path = std::env::temp_dir().join(format!("teras_golden_fs_{}.txt", std::process::id()));
    fs::write(&path, "line one\nline two\n").unwrap();
    let text = fs::read_to_string(&path).unwrap();
    print!("{text}");
    println!("{} lines, {} bytes", text.lines().count(), text.len());
    let upper: String = text.to_uppercase();
    fs::write(&path, upper).unwrap();
    println!("{:?}", fs::read_to_string(&path).unwrap().lines().last());
    fs::remove_file(&path).unwrap();
    match fs::read_to_string(&path) {
        Ok(_) => println!("still there"),
        Err(e) => println!("gone: {:?}", e.kind()),
    }
}
