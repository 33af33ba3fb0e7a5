// `str::escape_debug`/`escape_default`/`escape_unicode` and the same on `char`.
fn main() {
    let s = "tab\there \"q\" 'a' \u{e9} \u{1b}\n\\";
    println!("{}", s.escape_debug());
    println!("{}", s.escape_default());
    println!("{}", "ab".escape_unicode());
    let collected: String = "a'b\\".escape_default().collect();
    println!("{} {}", collected, "x\ty".escape_debug().to_string());
    println!("{} {} {}", '\n'.escape_default(), '\''.escape_debug(), 'é'.escape_unicode());
    let line = format!("[{}]", "line\r\n".escape_default());
    println!("{} {}", line, line.len());
}
