fn main() {
    let factor = 3;
    let f = |x: i32| x * factr;
    println!("{}", f(factor));
}
