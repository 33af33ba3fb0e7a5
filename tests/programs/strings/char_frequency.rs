use std::collections::BTreeMap;

fn main() {
    let text = "the quick brown fox jumps over the lazy dog";
    let mut freq: BTreeMap<char, usize> = BTreeMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        *freq.entry(c).or_insert(0) += 1;
    }
    let top: Vec<String> = freq.iter().filter(|(_, &n)| n > 2).map(|(c, n)| format!("{c}={n}")).collect();
    println!("{}", top.join(" "));
    let mut words: Vec<&str> = text.split(' ').collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    println!("{:?}", &words[..3]);
    words.dedup();
    println!("{}", words.len());
}
