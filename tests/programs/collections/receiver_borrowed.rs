// Method calls whose local receiver is read after the arguments and lent to a native's plain
// twin (no handle copied): strings, vectors and maps at warm sites, receivers the arguments
// mention (read first, as Rust does: `x.max({ x = 5; x })`, shadowing, `v.push(v.len())`),
// results kept, assigned over the receiver's own variable, and receivers the twins leave
// to their natives (a user method, a `&str`, a parameter `&mut String`).
use std::collections::HashMap;

struct Acc {
    n: u64,
}

impl Acc {
    fn add(&mut self, k: u64) -> u64 {
        self.n += k;
        self.n
    }
}

fn append(s: &mut String, t: &str) {
    for _ in 0..3 {
        s.push_str(t);
    }
    s.push('!');
}

fn main() {
    let parts = vec!["ab", "cd", "ef"];
    let mut s = String::new();
    for i in 0..7 {
        s.push_str(parts[i % 3]);
        s.push(if i % 2 == 0 { '-' } else { '+' });
    }
    println!("{} {}", s, s.len());

    // Receivers the arguments mention are read first.
    let mut x = 3;
    let m = x.max({
        x = 1;
        x
    });
    println!("max {} x {}", m, x);
    let mut t = String::from("out");
    t.push_str({
        let t = "in";
        t
    });
    println!("{}", t);
    let mut v: Vec<usize> = Vec::new();
    for _ in 0..4 {
        v.push(v.len() * 10);
    }
    println!("{:?}", v);
    let mut w = String::from("w");
    for _ in 0..3 {
        w.push_str(&w.clone());
    }
    println!("{} {}", w, w.len());

    // Two strings feeding each other.
    let mut a = String::from("a");
    let mut b = String::from("b");
    for _ in 0..3 {
        a.push_str(&b);
        b.push_str(&a);
    }
    println!("{} {}", a, b);

    // Maps: results kept, matched, moved.
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut olds = Vec::new();
    for i in 0..20 {
        let key = format!("k{}", i % 6);
        let c = match counts.get(&key) {
            Some(c) => *c,
            None => 0,
        };
        let old = counts.insert(key, c + 1);
        olds.push(old);
    }
    let mut keys: Vec<_> = counts.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
    keys.sort();
    println!("{:?}", keys);
    println!("{:?}", &olds[..8]);
    let got = counts.get("k1");
    println!("{:?} {}", got, counts.contains_key("k9"));

    // The result written over the receiver's own variable.
    let mut n = vec![1, 2, 3];
    for i in 0..3 {
        n.push(i);
    }
    let n = n.len();
    println!("n {}", n);

    // Receivers the twins do not cover: a user method, a `&str`, a `&mut String` parameter.
    let mut acc = Acc { n: 1 };
    let mut last = 0;
    for k in 0..4 {
        last = acc.add(k);
    }
    println!("acc {} {}", acc.n, last);
    let word: &str = "hello world";
    let mut found = 0;
    for p in ["wor", "xyz", "o"] {
        if word.contains(p) {
            found += 1;
        }
    }
    println!("found {} {}", found, word.len());
    let mut out = String::from(">");
    append(&mut out, "ab");
    append(&mut out, "c");
    println!("{}", out);
}
