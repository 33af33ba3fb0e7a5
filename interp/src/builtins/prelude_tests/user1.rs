use std::rc::Rc;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::HashMap;

struct Counter { n: u32 }
impl Iterator for Counter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n < 5 { self.n += 1; Some(self.n) } else { None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Suit { Clubs, Hearts }
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Card { rank: u8, suit: Suit }

#[derive(Debug, Default)]
struct Config { name: String, level: u32, tags: Vec<String> }

#[derive(Debug)]
struct Node { val: i32, children: Vec<Rc<RefCell<Node>>> }

#[derive(Debug, PartialEq, Eq)]
struct Version(u32, u32);
impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> { Some(self.cmp(other)) }
}
impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering { other.0.cmp(&self.0).then(self.1.cmp(&other.1)) }
}

fn main() {
    let s: u32 = Counter { n: 0 }.zip(Counter { n: 0 }.skip(1)).map(|(a, b)| a * b).filter(|x| x % 3 == 0).sum();
    println!("{}", s);
    for x in (Counter { n: 2 }) { print!("{} ", x); }
    println!();
    let v: Vec<u32> = Counter { n: 0 }.collect();
    println!("{:?}", v);
    let mut cards = vec![Card { rank: 3, suit: Suit::Hearts }, Card { rank: 3, suit: Suit::Clubs }, Card { rank: 1, suit: Suit::Hearts }];
    cards.sort();
    println!("{:?}", cards);
    println!("{:?}", cards.iter().max());
    println!("{:?}", Suit::Clubs < Suit::Hearts);
    let leaf = Rc::new(RefCell::new(Node { val: 3, children: vec![] }));
    let root = Rc::new(RefCell::new(Node { val: 1, children: vec![Rc::clone(&leaf)] }));
    leaf.borrow_mut().val += 10;
    println!("{} {}", root.borrow().children[0].borrow().val, Rc::strong_count(&leaf));
    let total: i32 = root.borrow().children.iter().map(|c| c.borrow().val).sum();
    println!("{}", total);
    let shared = Rc::new(Cell::new(5));
    let s2 = shared.clone();
    s2.set(s2.get() * 2);
    println!("{} {}", shared.get(), Rc::strong_count(&shared));
    let mut vs = vec![Version(1, 2), Version(2, 0), Version(1, 1)];
    vs.sort();
    println!("{:?}", vs);
    println!("{:?}", 3.cmp(&5).reverse());
    println!("{:?}", "b".cmp("a"));
    println!("{:?}", 1.5f64.partial_cmp(&2.0));
    println!("{:?}", (1, "z").cmp(&(1, "a")));
    let mut by_len: HashMap<usize, Vec<&str>> = HashMap::new();
    for w in ["aa", "b", "cc", "ddd"] { by_len.entry(w.len()).or_default().push(w); }
    let mut ks: Vec<_> = by_len.keys().copied().collect();
    ks.sort_unstable();
    println!("{:?} {:?}", ks, by_len[&2]);
    let x: i64 = 5i32.into();
    let st: String = "abc".into();
    println!("{} {}", x, st);
    let b: Box<dyn Fn(i32) -> i32> = Box::new(|x| x + 1);
    println!("{}", b(1));
    let words = vec!["apple", "banana", "cherry"];
    let lens: HashMap<&str, usize> = words.iter().map(|w| (*w, w.len())).collect();
    let mut e: Vec<_> = lens.into_iter().collect();
    e.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", e);
    let d = std::time::Duration::from_millis(1500);
    println!("{}", d.as_secs_f64());
    let nested = vec![Some(1), None, Some(3)];
    println!("{:?}", nested.iter().flatten().collect::<Vec<_>>());
    println!("{}", nested.iter().filter_map(|x| *x).max().unwrap_or(0));
}
