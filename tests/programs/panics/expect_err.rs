fn main() {
    let n = "abc".parse::<u32>().expect("not a number");
    println!("{n}");
}
