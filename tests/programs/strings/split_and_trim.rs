fn main() {
    let line = "  alpha  beta\tgamma\n";
    println!("[{}]", line.trim());
    println!("[{}]", line.trim_start());
    println!("[{}]", line.trim_end());
    let words: Vec<&str> = line.split_whitespace().collect();
    println!("{:?}", words);
    let csv = "a,b,,c";
    println!("{:?}", csv.split(',').collect::<Vec<_>>());
    println!("{:?}", csv.splitn(2, ',').collect::<Vec<_>>());
    println!("{:?}", csv.rsplit(',').collect::<Vec<_>>());
    println!("{:?}", "a-b_c".split(|c| c == '-' || c == '_').collect::<Vec<_>>());
    println!("{:?}", "k=v=w".split_once('='));
    println!("{:?}", "k=v=w".rsplit_once('='));
    println!("{:?}", "none".split_once(':'));
    println!("{:?}", "a::b::c".split("::").collect::<Vec<_>>());
    println!("{:?}", "xxhixx".trim_matches('x'));
    println!("{:?}", "##tag".trim_start_matches('#'));
    println!("{:?}", "file.rs".strip_suffix(".rs"));
    println!("{:?}", "file.rs".strip_prefix("x"));
    println!("{:?}", "1 2 3".split(' ').map(|s| s.parse::<i32>().unwrap()).collect::<Vec<_>>());
    println!("{:?}", "abc".split("").collect::<Vec<_>>());
    println!("{:?}", "a\nb\r\nc".lines().collect::<Vec<_>>());
    println!("{:?}", "".split(',').collect::<Vec<_>>());
    println!("{:?}", "Mary had a lamb".split_terminator(' ').collect::<Vec<_>>());
    println!("{:?}", "abcXYZ".char_indices().filter(|(_, c)| c.is_uppercase()).map(|(i, _)| i).collect::<Vec<_>>());
}
