use std::cmp::Reverse;
use std::iter;
fn main() {
    let s: String = std::iter::repeat("ab").take(3).collect();
    println!("{s}");
    let mut v = vec![3, 1, 2];
    v.sort_by_key(|x| Reverse(*x));
    println!("{:?}", v);
    v.sort_by_key(|x| std::cmp::Reverse(*x + 0));
    println!("{:?}", v);
    let o: Vec<i32> = iter::once(5).chain(iter::empty()).collect();
    println!("{:?}", o);
    let mut n = 0;
    let f: Vec<i32> = std::iter::from_fn(|| { n += 1; if n < 4 { Some(n) } else { None } }).collect();
    println!("{:?}", f);
    let p: Vec<u32> = iter::successors(Some(1u32), |x| if *x < 100 { Some(x * 3) } else { None }).collect();
    println!("{:?}", p);
    println!("{}", Reverse(1) < Reverse(2));
    let mut h = std::collections::BinaryHeap::new();
    h.push(Reverse(3)); h.push(Reverse(1));
    println!("{:?}", h.peek());
}
