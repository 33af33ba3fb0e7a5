fn main() {
    let c = 'ab';
    println!("{c}");
}
