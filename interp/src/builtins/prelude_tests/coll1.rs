use std::collections::{HashMap, BTreeMap, HashSet, BTreeSet, VecDeque, BinaryHeap};
use std::cmp::Reverse;
#[derive(Debug, Clone, PartialEq)]
struct P { name: String, age: u32 }
fn main() {
    let mut v = vec![5, 3, 8, 1, 9, 2];
    v.sort_by(|a, b| b.cmp(a));
    println!("{:?}", v);
    v.sort_by_key(|x| (*x as i32 - 5).abs());
    println!("{:?}", v);
    v.retain(|x| x % 3 != 0);
    println!("{:?}", v);
    v.sort();
    println!("{:?} {:?}", v.binary_search(&5), v.binary_search_by(|p| p.cmp(&4)));
    let mut people = vec![P { name: "b".into(), age: 30 }, P { name: "a".into(), age: 25 }, P { name: "c".into(), age: 30 }];
    people.sort_by(|x, y| y.age.cmp(&x.age).then_with(|| x.name.cmp(&y.name)));
    println!("{:?}", people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
    people.sort_by_key(|p| p.name.clone());
    println!("{:?}", people[0]);
    let mut counts: HashMap<char, usize> = HashMap::new();
    for c in "hello world".chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    let mut keys: Vec<_> = counts.iter().collect();
    keys.sort();
    println!("{:?}", keys);
    let mut words: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, w) in "a b a c b a".split(' ').enumerate() {
        words.entry(w).or_insert_with(Vec::new).push(i);
    }
    println!("{:?}", words);
    let mut m2: HashMap<String, i32> = HashMap::new();
    m2.insert("x".to_string(), 1);
    *m2.entry("x".to_string()).or_default() += 5;
    *m2.entry("y".to_string()).or_default() += 2;
    m2.entry("x".to_string()).and_modify(|v| *v *= 10).or_insert(0);
    let mut pairs: Vec<(String, i32)> = m2.into_iter().collect();
    pairs.sort();
    println!("{:?}", pairs);
    let mut bm: BTreeMap<i32, &str> = BTreeMap::new();
    bm.insert(3, "c"); bm.insert(1, "a"); bm.insert(2, "b");
    bm.retain(|k, _| *k != 2);
    println!("{:?} {:?}", bm, bm.first_key_value());
    for (k, v) in &bm { print!("{}={} ", k, v); }
    println!();
    let hs: HashSet<i32> = [1, 2, 3].into_iter().collect();
    let hs2: HashSet<i32> = [2, 3, 4].into_iter().collect();
    let mut inter: Vec<_> = hs.intersection(&hs2).cloned().collect();
    inter.sort();
    println!("{:?} {}", inter, hs.contains(&2));
    let bs: BTreeSet<char> = "mississippi".chars().collect();
    println!("{:?}", bs);
    let mut dq: VecDeque<i32> = VecDeque::new();
    dq.push_back(1); dq.push_back(2); dq.push_front(0);
    let pf = dq.pop_front();
    println!("{:?} {:?} {}", dq, pf, dq.len());
    let mut heap = BinaryHeap::new();
    heap.push(Reverse(5)); heap.push(Reverse(1)); heap.push(Reverse(3));
    while let Some(Reverse(x)) = heap.pop() { print!("{} ", x); }
    println!();
    let mut h2: BinaryHeap<i32> = vec![3, 1, 4, 1, 5].into_iter().collect();
    println!("{:?} {}", h2.peek(), h2.len());
    h2.pop();
    println!("{:?}", h2.into_sorted_vec());
    let mut d = vec![1, 1, 2, 3, 3, 3, 1];
    d.dedup();
    println!("{:?}", d);
    let mut e = vec!["a", "A", "b", "B"];
    e.dedup_by_key(|s| s.to_lowercase());
    println!("{:?}", e);
    let mut f = vec![1, 2, 3, 4, 5];
    f.extend(vec![6, 7].iter());
    f.extend((8..10).map(|x| x * 1));
    println!("{:?} {:?}", f, f.iter().rev().take(2).collect::<Vec<_>>());
    println!("{:?}", f.chunks(4).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("{:?}", f.windows(3).filter(|w| w[1] % 2 == 0).count());
    let (l, r) = f.split_at(3);
    println!("{:?} {:?} {:?} {:?}", l, r, f.first(), f.last());
    println!("{}", f.contains(&7));
    println!("{:?}", f.iter().position(|&x| x == 7));
}
