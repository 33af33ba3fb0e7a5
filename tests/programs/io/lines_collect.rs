// stdin().lines() without importing BufRead (Stdin::lines is inherent), line endings \n and
// \r\n removed, a last line without a newline, and an empty line.
use std::collections::HashMap;
use std::io;

fn main() {
    let lines: Vec<String> = io::stdin().lines().map(|l| l.unwrap()).collect();
    println!("{} lines: {:?}", lines.len(), lines);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in &lines {
        for w in line.split_whitespace() {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    let mut words: Vec<_> = counts.into_iter().collect();
    words.sort();
    for (w, c) in words {
        println!("{w}: {c}");
    }
    let mut s = String::new();
    println!("{:?}", io::stdin().read_line(&mut s).map(|n| (n, s.len())));
}
