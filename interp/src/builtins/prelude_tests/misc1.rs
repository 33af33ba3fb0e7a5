use std::collections::{BTreeMap, BTreeSet, VecDeque, HashSet, BinaryHeap};
use std::rc::{Rc, Weak};
use std::cell::RefCell;
fn divide(a: i32, b: i32) -> Result<i32, String> {
    if b == 0 { return Err("div by zero".to_string()); }
    Ok(a / b)
}
fn compute(a: i32, b: i32) -> Result<i32, String> {
    let q = divide(a, b)?;
    Ok(q * 2)
}
fn parse_sum(s: &str) -> Result<i32, std::num::ParseIntError> {
    let mut t = 0;
    for p in s.split(',') { t += p.trim().parse::<i32>()?; }
    Ok(t)
}
fn main() {
    println!("{:?} {:?}", compute(10, 2), compute(1, 0));
    println!("{:?}", parse_sum("1, 2, 3"));
    println!("{}", parse_sum("1,x").is_err());
    let mut bm = BTreeMap::new();
    for i in 0..10 { bm.insert(i, i * i); }
    println!("{:?}", bm.range(3..6).collect::<Vec<_>>());
    println!("{:?}", bm.range(..=2).map(|(k, _)| *k).collect::<Vec<_>>());
    println!("{:?} {:?}", bm.pop_first(), bm.last_key_value());
    println!("{:?}", bm.values().rev().take(2).collect::<Vec<_>>());
    let bs: BTreeSet<i32> = [5, 1, 9, 3].iter().cloned().collect();
    println!("{:?} {:?} {:?}", bs.iter().next(), bs.first(), bs.range(2..).next());
    let mut dq: VecDeque<i32> = (1..=5).collect();
    dq.rotate_left(2);
    println!("{:?} {:?} {:?}", dq, dq.front(), dq.back());
    println!("{}", dq.iter().map(|x| x * 2).sum::<i32>());
    dq.retain(|x| x % 2 == 1);
    println!("{:?} {}", dq, dq.contains(&3));
    let a: HashSet<i32> = (1..6).collect();
    let b: HashSet<i32> = (4..9).collect();
    let mut u: Vec<_> = a.union(&b).copied().collect(); u.sort();
    let mut d: Vec<_> = a.difference(&b).copied().collect(); d.sort();
    let mut sd: Vec<_> = a.symmetric_difference(&b).copied().collect(); sd.sort();
    println!("{:?} {:?} {:?} {}", u, d, sd, a.is_subset(&b));
    let mut heap: BinaryHeap<(u32, &str)> = BinaryHeap::new();
    heap.push((2, "b")); heap.push((5, "e")); heap.push((1, "a"));
    println!("{:?}", heap.pop());
    println!("{}", heap.len());
    let strong = Rc::new(RefCell::new(vec![1]));
    let weak: Weak<RefCell<Vec<i32>>> = Rc::downgrade(&strong);
    let up = weak.upgrade().unwrap();
    up.borrow_mut().push(2);
    println!("{:?} {} {}", strong.borrow(), Rc::strong_count(&strong), Rc::weak_count(&strong));
    let v = vec![10, 20, 30];
    println!("{:?} {:?}", v.get(1), v.get(5));
    println!("{:?}", v.iter().rev().enumerate().map(|(i, x)| i as i32 * x).collect::<Vec<_>>());
    let mut v2 = v.clone();
    v2.insert(1, 15);
    v2.swap(0, 3);
    println!("{:?} {:?}", v2, v2.iter().rposition(|&x| x > 12));
    let mut v3: Vec<String> = vec!["b".into(), "a".into()];
    v3.sort_unstable_by_key(|s| s.clone());
    println!("{:?}", v3);
    let arr = [3, 1, 2];
    let mut sorted = arr;
    sorted.sort();
    println!("{:?} {:?} {}", arr, sorted, arr.len());
    let total: u64 = (1..=20u64).product();
    println!("{}", total);
    let avg = [1.0, 2.0, 4.0].iter().sum::<f64>() / 3.0;
    println!("{:.3}", avg);
    let m = [[1, 2], [3, 4]];
    println!("{}", m.iter().map(|r| r.iter().sum::<i32>()).max().unwrap());
    println!("{:?}", (0..20).step_by(5).collect::<Vec<_>>());
    println!("{:?}", (0..5).map(|x| x * x).rev().collect::<Vec<_>>());
    let text = "the quick brown fox jumps over the lazy dog";
    let longest = text.split_whitespace().max_by_key(|w| w.len()).unwrap();
    println!("{}", longest);
    let caps: String = text.split(' ').map(|w| { let mut c = w.chars(); match c.next() { Some(f) => f.to_uppercase().collect::<String>() + c.as_str(), None => String::new() } }).collect::<Vec<_>>().join(" ");
    println!("{}", caps);
}
