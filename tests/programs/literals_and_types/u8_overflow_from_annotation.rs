// `let x: u8 = 255` gives the literal type u8; adding 1 overflows in a debug build.
fn bump(x: u8) -> u8 {
    x + 1
}

fn main() {
    let x: u8 = 254;
    let y = bump(x);
    println!("{y}");
    let z = bump(y);
    println!("unreachable {z}");
}
