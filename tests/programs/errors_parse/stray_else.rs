fn main() {
    let x = 3;
    else {
        println!("{x}");
    }
}
