fn main() {
    let count = 1;
    println!("{}", cnt + count);
}
