fn prefix(s: &str, n: usize) -> &str {
    &s[..n]
}

fn main() {
    println!("{}", prefix("héllo", 1));
    println!("{}", prefix("héllo", 2));
}
