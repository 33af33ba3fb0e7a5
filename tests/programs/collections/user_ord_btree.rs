use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

// Ordered by length, then reverse alphabetical; equality by the same rule.
#[derive(Debug, Clone)]
struct Word(String);

impl PartialEq for Word {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Word {}
impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Word {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| other.0.cmp(&self.0))
    }
}

// Ordered by priority only (names ignored by cmp, but not by ==).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Job {
    prio: u32,
    name: &'static str,
}
impl Ord for Job {
    fn cmp(&self, other: &Self) -> Ordering {
        self.prio.cmp(&other.prio)
    }
}
impl PartialOrd for Job {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn w(s: &str) -> Word {
    Word(s.to_string())
}

fn main() {
    let mut set = BTreeSet::new();
    for s in ["pear", "fig", "banana", "kiwi", "apple", "fig", "date"] {
        let fresh = set.insert(w(s));
        println!("insert {s}: {fresh}");
    }
    println!("{:?}", set);
    println!("len {} first {:?} last {:?}", set.len(), set.first(), set.last());
    println!("contains kiwi {} contains plum {}", set.contains(&w("kiwi")), set.contains(&w("plum")));
    let r: Vec<&Word> = set.range(w("pear")..w("apple")).collect();
    println!("range {:?}", r);
    println!("remove date {} {:?}", set.remove(&w("date")), set);
    set.retain(|x| x.0.len() != 4);
    println!("retain {:?}", set);
    println!("pop_first {:?} pop_last {:?}", set.pop_first(), set.pop_last());
    for x in &set {
        print!("{} ", x.0);
    }
    println!();

    let other: BTreeSet<Word> = ["fig", "zz", "apple", "aaa"].iter().map(|s| w(s)).collect();
    println!("collected {:?}", other);
    let more: BTreeSet<Word> = vec![w("ab"), w("cd"), w("xyz")].into_iter().collect();
    println!("union {:?}", more.union(&other).collect::<Vec<_>>());
    println!("inter {:?}", more.intersection(&other).collect::<Vec<_>>());
    println!("diff {:?}", other.difference(&more).collect::<Vec<_>>());
    println!("sym {:?}", other.symmetric_difference(&more).collect::<Vec<_>>());

    // BTreeMap keyed by a user order; equal-by-cmp keys share an entry.
    let mut jobs: BTreeMap<Job, Vec<&str>> = BTreeMap::new();
    for (p, n) in [(3, "build"), (1, "lint"), (3, "test"), (2, "doc"), (1, "fmt")] {
        jobs.entry(Job { prio: p, name: n }).or_insert_with(Vec::new).push(n);
    }
    println!("{:?}", jobs);
    for (k, v) in &jobs {
        println!("{} {} -> {:?}", k.prio, k.name, v);
    }
    println!("get {:?}", jobs.get(&Job { prio: 2, name: "?" }));
    if let Some(v) = jobs.get_mut(&Job { prio: 1, name: "?" }) {
        v.push("extra");
    }
    let old = jobs.insert(Job { prio: 3, name: "new" }, vec!["replaced"]);
    println!("insert old {:?}", old);
    println!("keys {:?}", jobs.keys().map(|j| j.name).collect::<Vec<_>>());
    println!("values {:?}", jobs.values().collect::<Vec<_>>());
    println!("first {:?}", jobs.first_key_value());
    println!("last {:?}", jobs.last_key_value());
    println!("range {:?}", jobs.range(Job { prio: 2, name: "" }..).map(|(k, _)| k.prio).collect::<Vec<_>>());
    println!("remove {:?}", jobs.remove(&Job { prio: 2, name: "" }));
    println!("contains {}", jobs.contains_key(&Job { prio: 2, name: "" }));
    for v in jobs.values_mut() {
        v.sort();
    }
    println!("{:?}", jobs);

    // Counting with entry().or_insert on a user-ordered key.
    let mut counts: BTreeMap<Word, usize> = BTreeMap::new();
    for s in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *counts.entry(w(s)).or_insert(0) += 1;
    }
    for (k, v) in &counts {
        println!("{:>6} {}", k.0, v);
    }
    *counts.entry(w("the")).or_default() += 10;
    counts.retain(|_, v| *v > 1);
    println!("{:?}", counts);

    // from/collect keep the last of equal keys; insert keeps the first.
    let m = BTreeMap::from([(Job { prio: 1, name: "a" }, 1), (Job { prio: 1, name: "b" }, 2)]);
    println!("{:?}", m);
    let mut m2 = BTreeMap::new();
    m2.insert(Job { prio: 1, name: "a" }, 1);
    m2.insert(Job { prio: 1, name: "b" }, 2);
    println!("{:?}", m2);
    let s = BTreeSet::from([Job { prio: 5, name: "x" }, Job { prio: 4, name: "y" }, Job { prio: 5, name: "z" }]);
    println!("{:?}", s);

    // Tuples holding user-ordered values.
    let mut pairs = BTreeSet::new();
    pairs.insert((w("bb"), 1));
    pairs.insert((w("a"), 2));
    pairs.insert((w("zz"), 0));
    pairs.insert((w("a"), 1));
    println!("{:?}", pairs);
    let mut ext: BTreeSet<Word> = BTreeSet::new();
    ext.extend(vec![w("ccc"), w("b"), w("aaa")]);
    println!("{:?}", ext);
    let cloned = ext.clone();
    println!("{}", cloned == ext);
}
