fn main() {
    println!("{}", 42.to_string() + "!");
    println!("{}", (-1.5f64).to_string());
    println!("{}", 1.0f64.to_string());
    println!("{}", 'c'.to_string().repeat(3));
    println!("{}", true.to_string().len());
    println!("{}", String::from('x'));
    let s: String = std::iter::repeat("ab").take(3).collect();
    println!("{s}");
    let digits: String = (0..10).map(|d| char::from(b'0' + d)).collect();
    println!("{digits}");
    let n: u64 = digits.parse().unwrap();
    println!("{}", n + 1);
    let f: f32 = "3.25".parse().unwrap();
    println!("{}", f * 2.0);
    let bytes = "hey".bytes().rev().collect::<Vec<u8>>();
    println!("{:?} {}", bytes, String::from_utf8(bytes.clone()).unwrap());
    let mut letters: Vec<char> = "hello".chars().collect();
    letters.sort();
    letters.dedup();
    println!("{}", letters.iter().collect::<String>());
    println!("{}", format!("{:?}", "q").len());
    let parts = ["a", "b"].map(|s| s.to_uppercase());
    println!("{:?}", parts);
    let num_str = format!("{:05.1}|{:<4}|{:>+4}", 3.14159, 7, 7);
    println!("{num_str}");
    println!("{}", i64::MAX.to_string().len());
}
