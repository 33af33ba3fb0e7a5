fn main() {
    let s = "Hello, World";
    println!("{}", s.to_uppercase());
    println!("{}", s.to_lowercase());
    println!("{}", "straße".to_uppercase());
    println!("{}", s.replace("l", "L"));
    println!("{}", s.replacen('l', "_", 2));
    println!("{:?}", s.find("World"));
    println!("{:?}", s.find('z'));
    println!("{:?}", s.rfind('o'));
    println!("{:?}", s.find(|c: char| c.is_whitespace()));
    println!("{}", s.starts_with("Hell"));
    println!("{}", s.ends_with('d'));
    println!("{}", s.contains("lo, W"));
    println!("{}", s.contains(char::is_numeric));
    println!("{:?}", s.matches('l').count());
    println!("{}", "Abc".eq_ignore_ascii_case("aBC"));
    println!("{}", "abc" < "abd");
    println!("{:?}", "a".cmp("B"));
    println!("{}", "ab".to_ascii_uppercase());
    let title: String = "hello world"
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    println!("{title}");
    println!("{}", "x".is_empty());
    println!("{:?}", "tic-tac".char_indices().find(|&(_, c)| c == '-'));
}
