use std::collections::{HashMap, HashSet};
fn main() {
    let (a, b): (Vec<i32>, String) = vec![(1, 'x'), (2, 'y')].into_iter().unzip();
    println!("{a:?} {b:?}");
    let (m, s): (HashMap<i32, i32>, HashSet<char>) = vec![((1, 2), 'x'), ((3, 4), 'x')].into_iter().unzip();
    let mut mv: Vec<_> = m.into_iter().collect(); mv.sort();
    println!("{mv:?} {s:?}");
    let (p, q) = [1, 2, 3].iter().map(|&x| (x, x * x)).unzip::<i32, i32, Vec<i32>, Vec<i32>>();
    println!("{p:?} {q:?}");
    let (c, d) = [(1u8, 'a')].into_iter().unzip::<u8, char, Vec<u8>, String>();
    println!("{c:?} {d:?}");
}
