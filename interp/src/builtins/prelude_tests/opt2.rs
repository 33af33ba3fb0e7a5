use std::collections::HashMap;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Dir { N, E, S, W }
fn main() {
    let mut visits: HashMap<Dir, u32> = HashMap::new();
    for d in [Dir::N, Dir::E, Dir::N, Dir::W] { *visits.entry(d).or_insert(0) += 1; }
    let mut e: Vec<_> = visits.iter().map(|(k, v)| (*k, *v)).collect();
    e.sort();
    println!("{:?}", e);
    let x: Option<u32> = visits.get(&Dir::S).copied();
    println!("{:?} {}", x, x.unwrap_or_default());
    let name: Option<String> = Some("bob".into());
    println!("{:?} {}", name.as_deref(), name.as_ref().map(|s| s.len()).unwrap_or(0));
    let r: Result<u8, String> = "300".parse::<u8>().map_err(|e| e.to_string());
    println!("{:?}", r);
    let v = vec![Some(1), Some(2)];
    let all: Option<Vec<i32>> = v.into_iter().collect();
    println!("{:?}", all);
    let total: Option<i32> = [Some(1), Some(5)].into_iter().sum();
    println!("{:?}", total);
    let z = Some(1).zip(Some('a'));
    println!("{:?} {:?}", z, Some(4).xor(None::<i32>));
    let mut cache: Option<Vec<i32>> = None;
    cache.get_or_insert_with(Vec::new).push(3);
    println!("{:?}", cache);
    let s: Result<i32, String> = Ok(2);
    println!("{}", s.as_ref().map_or(0, |v| *v * 10));
    println!("{:?}", s.and_then(|v| if v > 1 { Err(format!("too big: {}", v)) } else { Ok(v) }));
    let words = ["a", "bb", "ccc"];
    let lookup: HashMap<usize, &str> = words.iter().map(|w| (w.len(), *w)).collect();
    println!("{}", lookup[&2]);
    let nested: Result<Option<i32>, String> = Ok(Some(3));
    println!("{:?}", nested.transpose());
    println!("{}", i64::MAX.checked_mul(2).is_none());
    println!("{:?}", "a-b-c".rsplitn(2, '-').collect::<Vec<_>>());
    println!("{:?}", "Mary had a lamb".match_indices('a').map(|(i, _)| i).collect::<Vec<_>>());
}
