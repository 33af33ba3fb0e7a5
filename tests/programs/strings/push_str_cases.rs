// `s.push_str(t)` on a local receiver (the dispatch loop's in-place path) with every kind of
// argument: a literal, a `&str` from a `Vec<&str>`, a `String` from a `Vec<String>`, a
// borrowed `String`, a clone of the receiver, an empty string, a `&mut String` parameter; and
// receivers the in-place path does not take (a field, an element).

struct Doc {
    text: String,
}

fn add(s: &mut String, t: &str) {
    s.push_str(t);
    s.push_str("|");
}

fn build(n: usize, parts: &Vec<&str>) -> String {
    let mut w = String::new();
    let mut k = n + 1;
    while k > 0 {
        w.push_str(parts[k % 4]);
        k /= 4;
    }
    w
}

fn main() {
    let parts = vec!["ka", "", "lo", "mi"];
    let owned: Vec<String> = parts.iter().map(|p| p.to_uppercase()).collect();
    let mut s = String::new();
    for i in 0..6 {
        s.push_str(parts[i % 4]);
        s.push_str(&owned[i % 4]);
        let tmp = format!("<{}>", i);
        s.push_str(&tmp);
        s.push_str(tmp.as_str());
    }
    println!("{s} {}", s.len());
    let copy = s.clone();
    s.push_str(&copy);
    println!("{}", s.len());
    let mut e = String::new();
    e.push_str("");
    e.push_str(&String::new());
    println!("[{e}] {}", e.is_empty());
    add(&mut e, "x");
    add(&mut e, &owned[2]);
    println!("{e}");
    let mut d = Doc { text: String::from("d:") };
    d.text.push_str("one");
    let mut v = vec![String::from("v:")];
    v[0].push_str("two");
    println!("{} {}", d.text, v[0]);
    let words: Vec<String> = (0..12).map(|i| build(i * 37, &parts)).collect();
    println!("{}", words.join(","));
    let mut text = String::new();
    for w in &words {
        text.push_str(w);
        text.push(' ');
    }
    println!("{} {}", text.trim_end(), text.len());
    let u: &str = "ünï";
    let mut m = String::from("ç");
    m.push_str(u);
    m.push_str(&m.clone());
    println!("{m} {} {}", m.len(), m.chars().count());
}
