// Writes through make_contiguous() reach the deque before it is read again by {:?}, ==,
// a for loop or a sum: through iter_mut, through a bound slice, through find on iter_mut.
use std::collections::VecDeque;
fn main() {
    let mut d: VecDeque<i32> = VecDeque::new();
    d.push_back(1); d.push_back(2); d.push_front(0);
    for x in d.make_contiguous().iter_mut() { *x += 10; }
    println!("{:?}", d);
    println!("{}", d == VecDeque::from(vec![10, 11, 12]));
    for x in &d { print!("{x} "); }
    println!();
    d.make_contiguous().iter_mut().for_each(|x| *x *= 2);
    println!("{:?}", d);
    let s = d.make_contiguous();
    s[0] = 99;
    s.reverse();
    println!("{:?}", d);
    let total: i32 = d.iter().sum();
    println!("{total}");
    if let Some(x) = d.make_contiguous().iter_mut().find(|x| **x == 99) { *x = 1; }
    println!("{:?}", d);
    let mut e: VecDeque<String> = ["b", "a", "c"].iter().map(|s| s.to_string()).collect();
    e.make_contiguous().sort();
    for s in e.make_contiguous().iter_mut() { s.push('!'); }
    println!("{:?}", e);
}
