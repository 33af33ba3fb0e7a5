use std::collections::HashSet;

fn sorted<T: Ord + Clone>(s: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = s.collect();
    v.sort();
    v
}

fn main() {
    let a: HashSet<i32> = [1, 2, 3, 4].into_iter().collect();
    let b: HashSet<i32> = [3, 4, 5].iter().cloned().collect();
    println!("{:?}", sorted(a.union(&b).copied()));
    println!("{:?}", sorted(a.intersection(&b).copied()));
    println!("{:?}", sorted(a.difference(&b).copied()));
    println!("{:?}", sorted(a.symmetric_difference(&b).copied()));
    println!("{} {}", a.contains(&2), b.contains(&2));
    let mut s = HashSet::new();
    println!("{}", s.insert("x"));
    println!("{}", s.insert("x"));
    println!("{} {:?}", s.len(), s);
    println!("{}", s.remove("x"));
    println!("{}", s.is_empty());
    let small: HashSet<i32> = [3, 4].into();
    println!("{} {}", small.is_subset(&a), a.is_superset(&small));
    println!("{}", a.is_disjoint(&HashSet::from([9])));
    let words = vec!["apple", "bob", "apple", "cat", "bob"];
    let unique: HashSet<&str> = words.iter().copied().collect();
    println!("{}", unique.len());
    println!("{:?}", sorted(unique.into_iter()));
}
