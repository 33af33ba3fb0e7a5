fn main() {
    let a = 1;
    let b = a + missing_one;
    println!("{}", b + missing_two);
    undefined_fn(a);
}
