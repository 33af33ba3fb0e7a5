// The panic location is inside the standard library under rustc, so only the message is expected.
fn main() {
    let v: Vec<u8> = vec![100, 100, 100];
    let small: u8 = v[..2].iter().sum();
    println!("{small}");
    let total: u8 = v.iter().sum();
    println!("{total}");
}
