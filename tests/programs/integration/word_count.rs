use std::collections::HashMap;

fn main() {
    let text = "It was the best of times, it was the worst of times, it was the age of wisdom, \
                it was the age of foolishness";
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    let mut entries: Vec<(String, usize)> = counts.into_iter().collect();
    entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("{:<12}|{:>6}", "word", "count");
    println!("{}", "-".repeat(19));
    for (word, n) in entries.iter().take(6) {
        println!("{:<12}|{:>6}", word, n);
    }
    let total: usize = entries.iter().map(|(_, n)| n).sum();
    println!("{} distinct, {} total", entries.len(), total);
    let longest = entries.iter().map(|(w, _)| w).max_by_key(|w| w.len()).unwrap();
    println!("longest: {longest}");
}
