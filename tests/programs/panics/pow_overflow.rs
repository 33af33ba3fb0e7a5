// The panic location is inside the standard library under rustc, so only the message is expected.
fn main() {
    let mut e = 28;
    while e < 40 {
        println!("{}", 2i32.pow(e));
        e += 1;
    }
}
