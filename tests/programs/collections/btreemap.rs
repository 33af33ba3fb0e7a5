use std::collections::BTreeMap;

fn main() {
    let mut m = BTreeMap::new();
    m.insert("delta", 4);
    m.insert("alpha", 1);
    m.insert("charlie", 3);
    m.insert("bravo", 2);
    println!("{:?}", m);
    for (k, v) in &m {
        println!("{k} -> {v}");
    }
    println!("{:?} {:?}", m.first_key_value(), m.last_key_value());
    println!("{:?}", m.get("charlie"));
    println!("{:?}", m.range("b".."d").collect::<Vec<_>>());
    println!("{:?}", m.keys().rev().collect::<Vec<_>>());
    println!("{:?}", m.values().collect::<Vec<_>>());
    *m.entry("alpha").or_insert(0) += 10;
    m.entry("echo").or_insert(5);
    println!("{:?}", m);
    println!("{:?}", m.remove("delta"));
    println!("{}", m.len());
    let mut nums: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for (n, w) in [(3, "c"), (1, "a"), (3, "cc"), (2, "b")] {
        nums.entry(n).or_default().push(w);
    }
    println!("{:?}", nums);
    println!("{:#?}", nums.range(2..).next());
    let mut it = nums.iter();
    println!("{:?}", it.next_back());
    println!("{:?}", nums.pop_first());
}
