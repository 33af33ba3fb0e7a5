// `Display` of what char's and str's case mappings and escapes return: their chars as they
// are (std writes them without the spec's padding).
fn main() {
    println!("{} {} {}", 'a'.to_uppercase(), 'ß'.to_uppercase(), 'Q'.to_lowercase());
    println!("[{:>6}] [{:<4}]", 'ǅ'.to_lowercase(), 'i'.to_uppercase());
    println!("{} {} {}", '\n'.escape_default(), '\''.escape_debug(), 'é'.escape_unicode());
    println!("{}", "tab\there \"q\"".escape_default());
    println!("{}", "é\u{301}".escape_debug());
    let title: Vec<String> = "hello wide world"
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => format!("{}{}", first.to_uppercase(), cs.as_str()),
                None => String::new(),
            }
        })
        .collect();
    println!("{}", title.join(" "));
    let s = 'ﬃ'.to_uppercase().to_string();
    println!("{} {}", s, s.len());
    let mut line = String::new();
    use std::fmt::Write;
    write!(line, "<{}>", 'Σ'.to_lowercase()).unwrap();
    println!("{line}");
}
