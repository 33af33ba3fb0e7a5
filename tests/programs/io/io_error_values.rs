// io::Error values: raw_os_error, to_string, io::Error::from(kind), Error::new/other Display and Debug.
use std::io::{self, ErrorKind};
fn main() {
    let e = std::fs::File::open("/nope").unwrap_err();
    println!("{:?}", e.raw_os_error());
    println!("{}", e.to_string());
    let f = io::Error::from(ErrorKind::NotFound);
    println!("{} {:?}", f, f);
    let g = io::Error::from(ErrorKind::PermissionDenied);
    println!("{} {:?}", g, g.kind());
    let h = io::Error::new(ErrorKind::InvalidData, "bad");
    println!("{} {:?} {:?}", h, h, h.kind());
    let o = io::Error::other("x");
    println!("{:?}", o);
}
