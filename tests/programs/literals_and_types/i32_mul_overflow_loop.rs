fn main() {
    let mut x: i32 = 1;
    for i in 0..40 {
        x *= 3;
        println!("{i}: {x}");
    }
}
