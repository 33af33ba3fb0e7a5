use std::collections::HashMap;

fn main() {
    let text = "hello world wonderful world";
    let mut map = HashMap::new();
    for word in text.split_whitespace() {
        let count = map.entry(word).or_insert(0);
        *count += 1;
    }
    let mut counts: Vec<_> = map.iter().collect();
    counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{:?}", counts);
    let mut groups: HashMap<usize, Vec<&str>> = HashMap::new();
    for w in ["a", "bb", "cc", "d", "eee"] {
        groups.entry(w.len()).or_default().push(w);
    }
    let mut g: Vec<_> = groups.into_iter().collect();
    g.sort();
    println!("{:?}", g);
    let mut cache: HashMap<u32, String> = HashMap::new();
    cache.entry(1).or_insert_with(|| "one".to_string());
    cache.entry(1).or_insert_with(|| "uno".to_string());
    cache.entry(2).and_modify(|s| s.push('!')).or_insert("two".to_string());
    cache.entry(2).and_modify(|s| s.push('!')).or_insert("zwei".to_string());
    let mut c: Vec<_> = cache.iter().collect();
    c.sort();
    println!("{:?}", c);
    let v = cache.entry(3).or_insert_with_key(|k| format!("key{k}"));
    println!("{v}");
}
