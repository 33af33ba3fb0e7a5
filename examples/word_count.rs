// Strings, iterators and collections: count words, print the most frequent.
use std::collections::HashMap;

fn main() {
    let text = "the quick brown fox jumps over the lazy dog the fox";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    let mut pairs: Vec<(&str, usize)> = counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (word, n) in pairs.iter().take(3) {
        println!("{word:>6}: {n}");
    }
    let longest = text.split(' ').max_by_key(|w| w.len()).unwrap_or("");
    println!("longest word: {longest} ({} letters)", longest.len());
    let caps: String = text.split(' ').map(|w| w.chars().next().unwrap().to_ascii_uppercase()).collect();
    println!("initials: {caps}");
}
