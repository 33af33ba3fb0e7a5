// u128 arithmetic panics like a debug build when it leaves the type's range.
fn double(x: u128) -> u128 {
    x * 2
}

fn main() {
    let mut x: u128 = 1;
    for i in 0..130 {
        x = double(x);
        if i % 32 == 0 {
            println!("{i}: {x}");
        }
    }
    println!("unreachable {x}");
}
