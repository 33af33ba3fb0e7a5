fn main() {
    let s = String::from("abc");
    let n = s.len() + 1;
    println!("{}", &s[..2]);
    println!("{}", &s[..n]);
}
