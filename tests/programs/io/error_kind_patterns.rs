// Runtime objects in patterns: io::ErrorKind variants and a Duration constant match as `==` does.
use std::io::ErrorKind;
use std::time::Duration;
fn main() {
    let e = std::fs::read_to_string("/definitely/not/here").unwrap_err();
    match e.kind() {
        ErrorKind::PermissionDenied => println!("denied"),
        ErrorKind::NotFound => println!("not found"),
        other => println!("other {:?}", other),
    }
    let k = ErrorKind::InvalidInput;
    let name = match k {
        ErrorKind::NotFound => "nf",
        ErrorKind::InvalidInput => "invalid input",
        _ => "?",
    };
    println!("{name}");
    const SEC: Duration = Duration::from_secs(1);
    let d = Duration::from_millis(1000);
    match d {
        SEC => println!("one second"),
        _ => println!("something else"),
    }
    if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::PermissionDenied) {
        println!("matches! works");
    }
}
