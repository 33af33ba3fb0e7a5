use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

fn main() {
    let v: Vec<i32> = (1..=5).collect();
    println!("{:?}", v);
    let s: String = vec!["ab", "cd"].into_iter().collect();
    println!("{s}");
    let s2: String = ['x', 'y', 'z'].iter().collect();
    println!("{s2}");
    let s3 = (1..4).map(|i| i.to_string()).collect::<Vec<String>>().join("+");
    println!("{s3}");
    let hm: HashMap<&str, usize> = ["aa", "b"].iter().map(|w| (*w, w.len())).collect();
    println!("{} {}", hm["aa"], hm["b"]);
    let bm: BTreeMap<i32, char> = vec![(2, 'b'), (1, 'a'), (2, 'c')].into_iter().collect();
    println!("{:?}", bm);
    let hs: HashSet<i32> = [1, 2, 2, 3, 3, 3].into_iter().collect();
    println!("{}", hs.len());
    let bs: BTreeSet<char> = "mississippi".chars().collect();
    println!("{:?}", bs);
    let dq: VecDeque<i32> = (0..3).collect();
    println!("{:?}", dq);
    let o: Option<Vec<i32>> = vec![Some(1), Some(2)].into_iter().collect();
    println!("{:?}", o);
    let n: Option<Vec<i32>> = vec![Some(1), None].into_iter().collect();
    println!("{:?}", n);
    let r: Result<Vec<i32>, String> = vec![Ok(1), Err("e1".to_string()), Err("e2".to_string())].into_iter().collect();
    println!("{:?}", r);
    let boxed: Box<[i32]> = (0..2).collect();
    println!("{:?}", boxed);
    let mut ext = vec![0];
    ext.extend((5..7).map(|x| x * 2));
    println!("{:?}", ext);
    let from_iter = Vec::from_iter(1..3);
    println!("{:?}", from_iter);
}
