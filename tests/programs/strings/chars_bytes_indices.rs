fn main() {
    let s = "héllo, wörld";
    println!("{} {}", s.len(), s.chars().count());
    for c in "abc".chars() {
        print!("{} ", c);
    }
    println!();
    for b in "hé".bytes() {
        print!("{b} ");
    }
    println!();
    for (i, c) in s.char_indices().take(4) {
        print!("{i}:{c} ");
    }
    println!();
    println!("{:?}", s.chars().rev().collect::<String>());
    println!("{:?}", s.chars().nth(1));
    println!("{:?}", "abc".as_bytes());
    println!("{}", &s[0..1]);
    println!("{}", &s[1..3]);
    println!("{}", &s[7..]);
    println!("{:?}", s.get(1..2));
    println!("{}", s.is_char_boundary(2));
    let first_word_end = s.find(',').unwrap();
    println!("{}", &s[..first_word_end]);
    println!("{:?}", "abc".chars().last());
    let upper: String = "hello".chars().map(|c| c.to_ascii_uppercase()).collect();
    println!("{upper}");
    let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    println!("{digits}");
    println!("{}", String::from_utf8(vec![104, 105]).unwrap());
    println!("{}", String::from_utf8_lossy(&[72, 105]));
    println!("{:?}", std::str::from_utf8(&[0xff]).is_err());
}
