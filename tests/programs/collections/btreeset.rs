use std::collections::BTreeSet;

fn main() {
    let mut s = BTreeSet::new();
    for x in [5, 1, 9, 3, 5, 1] {
        s.insert(x);
    }
    println!("{:?}", s);
    println!("{:?} {:?}", s.first(), s.last());
    println!("{}", s.contains(&9));
    let t: BTreeSet<i32> = (3..7).collect();
    println!("{:?}", s.intersection(&t).collect::<Vec<_>>());
    println!("{:?}", s.union(&t).cloned().collect::<Vec<_>>());
    println!("{:?}", s.difference(&t).collect::<Vec<_>>());
    println!("{:?}", s.range(2..=5).collect::<Vec<_>>());
    println!("{:?}", s.iter().rev().take(2).collect::<Vec<_>>());
    s.remove(&1);
    println!("{:?} {}", s, s.len());
    let words: BTreeSet<&str> = "the cat the dog a cat".split(' ').collect();
    println!("{:?}", words);
    println!("{:?}", s.pop_last());
}
