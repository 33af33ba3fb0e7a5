// Inline field-less variants meet the objects natives build (`map.get` misses, `pop` on
// an empty vector), user iterators that start in a unit variant, nested Options, a linked
// list moved with `take`, and a user `PartialOrd` returning `Some(Ordering)`.
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Hearts,
}

enum Countdown {
    Start,
    At(u32),
    Over,
}

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        match *self {
            Countdown::Start => {
                *self = Countdown::At(3);
                Some(3)
            }
            Countdown::At(0) => {
                *self = Countdown::Over;
                None
            }
            Countdown::At(n) => {
                *self = Countdown::At(n - 1);
                Some(n - 1)
            }
            Countdown::Over => None,
        }
    }
}

struct Node {
    val: i32,
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
}

impl List {
    fn push(&mut self, v: i32) {
        let old = self.head.take();
        self.head = Some(Box::new(Node { val: v, next: old }));
    }
    fn pop(&mut self) -> Option<i32> {
        self.head.take().map(|n| {
            self.head = n.next;
            n.val
        })
    }
}

#[derive(Debug, PartialEq)]
struct Score(i32);

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(other.0.cmp(&self.0))
    }
}

#[derive(Debug, Default)]
struct Config {
    mode: Option<Suit>,
}

fn main() {
    let m: HashMap<&str, i32> = HashMap::new();
    let none_lit: Option<&i32> = None;
    println!("{} {:?}", m.get("x") == none_lit, m.get("x").or(none_lit));
    let mut empty: Vec<i32> = Vec::new();
    println!("{}", empty.pop() == None);

    let mut by_suit: HashMap<Option<Suit>, u32> = HashMap::new();
    *by_suit.entry(None).or_insert(0) += 1;
    *by_suit.entry([Some(Suit::Clubs), None][1]).or_insert(0) += 1;
    *by_suit.entry(Some(Suit::Hearts)).or_insert(0) += 1;
    let mut counts: Vec<_> = by_suit.into_iter().collect();
    counts.sort();
    println!("{:?}", counts);
    let mut tree = BTreeMap::new();
    tree.insert(Suit::Hearts, "h");
    tree.insert(Suit::Clubs, "c");
    println!("{:?}", tree);

    let v: Vec<u32> = Countdown::Start.collect();
    println!("{:?}", v);
    let mut cd = Countdown::Start;
    for x in &mut cd {
        print!("{} ", x);
    }
    println!("{}", matches!(cd, Countdown::Over));

    let mut l = List { head: None };
    for i in 0..4 {
        l.push(i);
    }
    print!("{:?} ", l.pop());
    print!("{:?} ", l.pop());
    l.push(9);
    while let Some(x) = l.pop() {
        print!("{} ", x);
    }
    println!("{:?}", l.pop());

    let mut nested: Option<Option<i32>> = Some(None);
    if let Some(inner) = nested.as_mut() {
        *inner = Some(3);
    }
    println!("{:?}", nested);
    let mut suits = [Some(Suit::Clubs), None];
    if let Some(s) = suits[1].as_mut() {
        *s = Suit::Hearts;
    }
    suits[1].get_or_insert(Suit::Hearts);
    println!("{:?}", suits);


    println!("{} {:?}", Score(1) < Score(2), Score(5).partial_cmp(&Score(5)));
    let c = Config::default();
    println!("{:?} {:#?}", c, Suit::Hearts);
    let t = (Suit::Clubs, None::<i32>);
    match t {
        (Suit::Clubs, None) => println!("clubs none"),
        _ => println!("other"),
    }
    let mut sorted = vec![Suit::Hearts, Suit::Clubs, Suit::Hearts];
    sorted.sort();
    sorted.dedup();
    println!("{:?} {}", sorted, sorted.contains(&Suit::Hearts));
    let x: Option<u8> = None;
    println!("{}", x.map_or(7, |v| v + 1));
}
