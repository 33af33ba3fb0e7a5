fn main() {
    let mut n: u8 = 3;
    for _ in 0..5 {
        n -= 1;
        println!("{n}");
    }
}
