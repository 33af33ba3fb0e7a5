use std::collections::HashMap;

fn main() {
    let mut scores = HashMap::new();
    scores.insert(String::from("Blue"), 10);
    scores.insert(String::from("Yellow"), 50);
    let team_name = String::from("Blue");
    let score = scores.get(&team_name).copied().unwrap_or(0);
    println!("{score}");
    println!("{:?}", scores.get("Red"));
    println!("{}", scores.contains_key("Yellow"));
    println!("{:?}", scores.insert(String::from("Blue"), 25));
    println!("{}", scores["Blue"]);
    let mut pairs: Vec<(&String, &i32)> = scores.iter().collect();
    pairs.sort();
    for (key, value) in pairs {
        println!("{key}: {value}");
    }
    println!("{:?}", scores.remove("Yellow"));
    println!("{:?}", scores.remove("Yellow"));
    println!("{} {:?}", scores.len(), scores);
    if let Some(v) = scores.get_mut("Blue") {
        *v += 1;
    }
    println!("{:?}", scores);
    let m: HashMap<&str, i32> = [("a", 1), ("b", 2), ("c", 3)].into_iter().collect();
    let mut keys: Vec<_> = m.keys().collect();
    keys.sort();
    println!("{:?}", keys);
    let mut vals: Vec<i32> = m.values().cloned().collect();
    vals.sort();
    println!("{:?}", vals);
    let total: i32 = m.values().sum();
    println!("{total}");
    let mut m2 = m.clone();
    m2.retain(|_, v| *v > 1);
    let mut k2: Vec<_> = m2.into_iter().collect();
    k2.sort();
    println!("{:?}", k2);
    let empty: HashMap<i32, i32> = HashMap::new();
    println!("{:?} {}", empty, empty.is_empty());
}
