fn main() {
    let c = 'z';
    println!("{c} {:?}", c);
    println!("{}", c.is_alphabetic());
    println!("{}", '7'.is_ascii_digit());
    println!("{:?}", '7'.to_digit(10));
    println!("{:?}", 'f'.to_digit(16));
    println!("{:?}", std::char::from_digit(7, 10));
    println!("{}", 'a'.to_ascii_uppercase());
    println!("{}", 'ß'.is_lowercase());
    println!("{}", ' '.is_whitespace());
    println!("{}", 'é'.len_utf8());
    println!("{:?}", char::from_u32(0x41));
    println!("{:?}", '\n');
    println!("{:?}", '\'');
    println!("{:?}", "tab\there \"quoted\" \\ back");
    println!("{}", ('a'..='e').collect::<String>());
    let t = true;
    let f = false;
    println!("{} {} {} {}", t && f, t || f, !t, t ^ f);
    println!("{:?} {}", t, f);
    println!("{}", 'b' > 'a');
    println!("{}", ('a' as u8 + 2) as char);
}
