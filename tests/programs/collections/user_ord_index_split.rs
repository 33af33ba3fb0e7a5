// BTreeMap/BTreeSet with a hand-written `Ord`: `map[&k]` finds the key by `cmp`, and
// `split_off` (also on ordinary maps and sets) moves the keys `>=` the given one.
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rev(i32, &'static str);
impl Ord for Rev {
    fn cmp(&self, o: &Self) -> Ordering { o.0.cmp(&self.0) }
}
impl PartialOrd for Rev {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) }
}

fn main() {
    let mut m = BTreeMap::new();
    m.insert(Rev(1, "a"), "one");
    m.insert(Rev(3, "c"), "three");
    m.insert(Rev(2, "b"), "two");
    println!("{:?}", m);
    // Key found by cmp (the label differs).
    println!("{}", m[&Rev(3, "zzz")]);
    println!("{:?}", m.get(&Rev(2, "x")));
    // split_off
    let mut n: BTreeMap<i32, &str> = (1..=6).map(|i| (i, "x")).collect();
    let hi = n.split_off(&4);
    println!("{:?} {:?}", n, hi);
    let mut s: BTreeSet<i32> = (1..=5).collect();
    let t = s.split_off(&3);
    println!("{:?} {:?}", s, t);
    let mut m2 = m.clone();
    let low = m2.split_off(&Rev(2, "q"));
    println!("{:?} {:?}", m2, low);
    let mut us: BTreeSet<Rev> = [Rev(1, "a"), Rev(2, "b"), Rev(3, "c")].into_iter().collect();
    let u2 = us.split_off(&Rev(2, ""));
    println!("{:?} {:?}", us, u2);
}
