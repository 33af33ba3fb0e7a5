// The hot natives' plain twins (String push_str/push/len, HashMap get/insert/contains_key,
// Vec push/len) at warm call sites, and the cases a twin leaves to its native: a slice at a
// site that saw vectors, a string at a site that saw vectors, a map whose `get` result is
// kept, moved or matched, `insert`'s old value used, a drop-tracked element pushed.
use std::collections::HashMap;
use std::rc::Rc;

fn count(v: &[i32]) -> usize {
    v.len()
}

fn size<T: Sized + Len>(x: &T) -> usize {
    x.size()
}

trait Len {
    fn size(&self) -> usize;
}

impl Len for Vec<u8> {
    fn size(&self) -> usize {
        self.len()
    }
}

impl Len for String {
    fn size(&self) -> usize {
        self.len()
    }
}

struct Noisy(u32);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop Noisy({})", self.0);
    }
}

fn main() {
    // Vec::len at one site: vectors, then slices of them.
    let v = vec![1, 2, 3, 4, 5];
    let mut total = 0;
    for i in 0..4 {
        total += count(&v);
        total += count(&v[i..]);
    }
    println!("total {}", total);
    println!("sizes {} {} {}", size(&vec![1u8, 2, 3]), size(&String::from("héllo")), size(&Vec::<u8>::new()));

    // String push_str / push / len, multibyte text.
    let parts = vec!["ka", "ló", "日本"];
    let mut s = String::new();
    for i in 0..9 {
        s.push_str(parts[i % 3]);
        s.push('·');
    }
    println!("{} {} {}", s, s.len(), s.chars().count());
    let copy = s.clone();
    s.push_str(&copy);
    println!("doubled {}", s.len());

    // HashMap get / insert / contains_key: results kept, moved, matched.
    let mut m: HashMap<String, Vec<i32>> = HashMap::new();
    for i in 0..12 {
        let k = format!("k{}", i % 4);
        let old = m.insert(k.clone(), vec![i]);
        if let Some(prev) = old {
            println!("{} replaced {:?}", k, prev);
        }
    }
    let kept = m.get("k1");
    let also = m.get("k9");
    println!("kept {:?} also {:?}", kept, also);
    let moved: Option<&Vec<i32>> = m.get("k2");
    let inner = moved.cloned().unwrap_or_default();
    println!("inner {:?} contains k3 {} k7 {}", inner, m.contains_key("k3"), m.contains_key("k7"));
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in ["a", "b", "a", "c", "a", "b"] {
        let c = match counts.get(w) {
            Some(c) => *c,
            None => 0,
        };
        counts.insert(w, c + 1);
    }
    let mut keys: Vec<_> = counts.iter().collect();
    keys.sort();
    println!("{:?}", keys);

    // Vec push of drop-tracked values and of shared handles.
    let mut noisy = Vec::new();
    for i in 0..3 {
        noisy.push(Noisy(i));
    }
    println!("noisy {}", noisy.len());
    drop(noisy);
    let shared = Rc::new(5);
    let mut rcs = Vec::new();
    for _ in 0..3 {
        rcs.push(Rc::clone(&shared));
    }
    println!("rc count {}", Rc::strong_count(&shared));
    rcs.clear();
    println!("rc count {}", Rc::strong_count(&shared));
}
