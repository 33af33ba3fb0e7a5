// u8's ASCII methods, as used on `bytes()` and byte strings.
fn main() {
    let text = "Hello, World! 42 ~\tx";
    let upper: String = text.bytes().filter(|b| b.is_ascii_uppercase()).map(|b| b as char).collect();
    println!("{upper}");
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    println!("{:?}", digits);
    for b in b"aZ9 ,\t~\x7f" {
        println!(
            "{:3} alpha {} alnum {} lower {} punct {} space {} hex {} graphic {} ascii {}",
            b,
            b.is_ascii_alphabetic(),
            b.is_ascii_alphanumeric(),
            b.is_ascii_lowercase(),
            b.is_ascii_punctuation(),
            b.is_ascii_whitespace(),
            b.is_ascii_hexdigit(),
            b.is_ascii_graphic(),
            b.is_ascii()
        );
    }
    let shout: Vec<u8> = b"mixed Case".iter().map(|b| b.to_ascii_uppercase()).collect();
    let quiet: Vec<u8> = shout.iter().map(u8::to_ascii_lowercase).collect();
    println!("{:?} {:?}", String::from_utf8(shout).unwrap(), String::from_utf8(quiet).unwrap());
    println!("{} {} {}", b'q'.eq_ignore_ascii_case(&b'Q'), b'q'.eq_ignore_ascii_case(&b'r'), 200u8.is_ascii());
}
