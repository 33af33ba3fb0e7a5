// `escape_default`/`escape_debug`/`escape_unicode` return iterators over chars that also
// display as the escaped text: counted, iterated, collected, partly consumed, sized.
fn main() {
    let s = "tab\there \"quoted\"\n";
    println!("{}", s.escape_default());
    println!("{} chars", s.escape_default().count());
    let v: Vec<char> = "a\n".escape_debug().collect();
    println!("{:?}", v);
    let mut e = "xy\t".escape_default();
    e.next();
    println!("rest: {e}, left: {}", e.clone().count());
    for c in 'é'.escape_unicode() {
        print!("<{c}>");
    }
    println!();
    println!("{}", '\''.escape_default().len());
    let upper: String = "a\tb".escape_default().map(|c| c.to_ascii_uppercase()).collect();
    println!("{upper}");
    let shown = format!("[{:>8}]", "q\"".escape_debug().to_string());
    println!("{shown}");
    let n = "\u{7f}".escape_debug().filter(|c| c.is_ascii_hexdigit()).count();
    println!("{n}");
}
