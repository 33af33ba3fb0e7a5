fn main() {
    let x = 3;
    if x > 2 {
        break;
    }
    println!("{x}");
}
