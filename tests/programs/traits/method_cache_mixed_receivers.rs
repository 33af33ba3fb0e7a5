// Method call sites whose receivers change type from one call to the next, next to sites of
// std methods on the same types: user trait impls for String, Vec, i32, HashMap and a user
// struct, a user struct whose inherent methods have std names (len, push_str, get, insert),
// and std natives returning None/Some/Ordering that flow into matches and other calls.

use std::cmp::Ordering;
use std::collections::HashMap;

trait Size {
    fn size(&self) -> usize;
    fn label(&self) -> String {
        format!("size {}", self.size())
    }
}

impl Size for String {
    fn size(&self) -> usize {
        self.len() * 10
    }
}

impl Size for Vec<i32> {
    fn size(&self) -> usize {
        self.len() * 100
    }
    fn label(&self) -> String {
        format!("vec of {}", self.len())
    }
}

impl Size for i32 {
    fn size(&self) -> usize {
        *self as usize
    }
}

impl Size for HashMap<String, usize> {
    fn size(&self) -> usize {
        self.len() + 1000
    }
}

struct Bag {
    items: Vec<usize>,
}

impl Bag {
    fn len(&self) -> usize {
        self.items.len() + 7
    }
    fn push_str(&mut self, s: &str) {
        self.items.push(s.len());
    }
    fn get(&self, i: usize) -> Option<usize> {
        self.items.get(i).map(|x| x * 2)
    }
    fn insert(&mut self, k: String, v: usize) -> Option<usize> {
        self.items.push(k.len() + v);
        None
    }
}

impl Size for Bag {
    fn size(&self) -> usize {
        self.len() * 3
    }
}

fn generic_size<T: Size>(x: &T) -> usize {
    x.size()
}

fn dyn_labels(xs: &[Box<dyn Size>]) -> Vec<String> {
    xs.iter().map(|x| x.label()).collect()
}

fn main() {
    let mut s = String::new();
    let mut v: Vec<i32> = Vec::new();
    let mut m: HashMap<String, usize> = HashMap::new();
    let mut bag = Bag { items: Vec::new() };
    let mut total = 0;
    for i in 0..12 {
        s.push_str("ab");
        bag.push_str("xyz");
        v.push(i);
        let key = format!("k{}", i % 4);
        let old = match m.get(&key) {
            Some(c) => *c,
            None => 0,
        };
        let prev = m.insert(key.clone(), old + 1);
        let bprev = bag.insert(key, i as usize);
        total += generic_size(&s) + generic_size(&v) + generic_size(&(i as i32)) + generic_size(&m) + generic_size(&bag);
        println!(
            "{} s.len={} bag.len={} m.len={} get={:?} bag.get={:?} prev={:?} bprev={:?} total={}",
            i,
            s.len(),
            bag.len(),
            m.len(),
            m.get("k1"),
            bag.get(i as usize),
            prev,
            bprev,
            total
        );
    }
    let boxes: Vec<Box<dyn Size>> = vec![
        Box::new(String::from("hello")),
        Box::new(vec![1, 2, 3]),
        Box::new(42),
        Box::new(m.clone()),
        Box::new(Bag { items: vec![1, 2] }),
    ];
    for round in 0..3 {
        println!("{} {:?}", round, dyn_labels(&boxes));
    }

    // None, Some and Ordering from std natives, matched and passed on.
    let mut nones = 0;
    let mut somes = 0;
    for i in 0..6 {
        let found = m.get(&format!("k{}", i));
        match found {
            Some(_) => somes += 1,
            None => nones += 1,
        }
        let mut opt = s.chars().nth(i * 5);
        let took = opt.take();
        let _ = opt.insert('z');
        let ord = (i as i32).cmp(&3);
        let word = match ord {
            Ordering::Less => "less",
            Ordering::Equal => "equal",
            Ordering::Greater => "greater",
        };
        println!("{} {:?} {:?} {:?} {} {:?}", i, took, opt, ord, word, ord.reverse());
    }
    let mut words: Vec<String> = m.keys().cloned().collect();
    words.sort_by(|a, b| b.cmp(a));
    println!("nones {} somes {} {:?} {:?}", nones, somes, words, v.iter().max());
    let empty: Vec<i32> = Vec::new();
    println!("{:?} {:?} {:?}", empty.first(), empty.iter().min(), "abc".find('z').is_none());
}
