// The `Option`s `HashMap::get` and `insert` answer (built by the VM's plain twins, whose
// `Some` objects of plain payloads are reused once their last handle is gone): kept alive
// across later calls, stored, compared, nested, with plain and non-plain payloads, keys of
// several types, present and missing keys.
use std::collections::HashMap;

fn main() {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut olds: Vec<Option<usize>> = Vec::new();
    for i in 0..20usize {
        let key = format!("k{}", i % 6);
        let c = match counts.get(&key) {
            Some(c) => *c,
            None => 0,
        };
        let old = counts.insert(key, c + i);
        if i % 4 == 0 {
            olds.push(old);
        }
    }
    println!("{:?}", olds);
    let a = counts.get("k1");
    let b = counts.get("k2");
    let missing = counts.get("zz");
    println!("{:?} {:?} {:?} {}", a, b, missing, a == b);
    let a = a.copied();
    let b2 = counts.insert("k2".to_string(), 1000);
    let b3 = counts.insert("k2".to_string(), 2000);
    println!("{:?} {:?} {:?} {:?}", a, b2, b3, counts.get("k2"));

    let mut by_num: HashMap<u64, char> = HashMap::new();
    for n in 0..10u64 {
        let prev = by_num.insert(n % 4, (b'a' + n as u8) as char);
        let got = by_num.get(&(n % 3));
        println!("{n}: {:?} {:?}", prev, got);
    }

    let mut grid: HashMap<(i32, i32), bool> = HashMap::new();
    grid.insert((0, 1), true);
    let p = grid.insert((0, 1), false);
    let q = grid.insert((1, 0), true);
    println!("{:?} {:?} {:?} {:?}", p, q, grid.get(&(0, 1)), grid.get(&(2, 2)));

    let mut names: HashMap<i32, String> = HashMap::new();
    names.insert(1, "one".to_string());
    let r = names.insert(1, "uno".to_string());
    let s = names.get(&1).cloned();
    println!("{:?} {:?} {:?}", r, s, names.get(&2));

    let mut nested: HashMap<&str, Option<i64>> = HashMap::new();
    nested.insert("x", Some(-5));
    nested.insert("y", None);
    let nx = nested.insert("x", None);
    println!("{:?} {:?} {:?}", nx, nested.get("y"), nested.get("x"));

    let mut total = 0usize;
    let mut keep = Vec::new();
    for i in 0..8usize {
        let k = format!("t{}", i % 3);
        if let Some(v) = counts.get(&k) {
            total += *v;
        }
        keep.push(counts.get("k0").copied());
        counts.insert(k, i);
    }
    println!("{total} {:?}", keep);
}
