use std::cmp::Reverse;
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
struct Item { name: String, tags: Vec<&'static str>, price: Option<u32> }

fn total<const N: usize>(xs: [u32; N]) -> u32 { xs.iter().sum() }
fn show(items: impl IntoIterator<Item = impl std::fmt::Debug>) -> String { items.into_iter().map(|i| format!("{i:?}")).collect::<Vec<_>>().join("|") }
fn largest<T>(v: &[T]) -> Option<&T> where T: PartialOrd { let mut m = v.first()?; for x in v { if x > m { m = x; } } Some(m) }

fn main() {
    let items = vec![
        Item { name: "pen".into(), tags: vec!["office"], price: Some(3) },
        Item { name: "ink".into(), tags: vec![], price: None },
    ];
    println!("{:#?}", items[0]);
    println!("{:?}", items.iter().filter(|i| matches!(i.price, Some(p) if p > 2)).map(|i| &i.name).collect::<Vec<_>>());
    println!("{} {}", total([1, 2, 3]), total([10; 4]));
    println!("{}", show(vec![Some(1), None]));
    println!("{:?} {:?}", largest(&[3, 9, 2]), largest::<f64>(&[]));
    let mut v: Vec<i32> = (1..=10).collect();
    v.retain(|x| x % 3 != 0);
    let drained: Vec<i32> = v.drain(1..3).collect();
    v.extend_from_slice(&[100, 200]);
    v.sort_by_key(|&x| Reverse(x));
    let (l, r) = v.split_at(3);
    println!("{v:?} {drained:?} {l:?} {r:?}");
    for (i, c) in "abc".chars().rev().enumerate() { print!("{i}{c} "); }
    println!();
    let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    let bytes = b"hey";
    println!("{digits} {:?} {} {}", bytes, bytes[0] as char, (b'a' + 2) as char);
    let set: BTreeSet<char> = "mississippi".chars().collect();
    println!("{set:?} {:?}", set.range('j'..'q').collect::<Vec<_>>());
    let x = dbg!(2 * 21);
    println!("{x}");
    let s = String::from("line one\nline two\n\nline four");
    for (n, l) in s.lines().enumerate().filter(|(_, l)| !l.is_empty()) { println!("{n}: {l}"); }
    let csv = "name,age\nann,31\nbob,27";
    let rows: Vec<(String, u32)> = csv.lines().skip(1).filter_map(|l| { let mut p = l.split(','); Some((p.next()?.to_string(), p.next()?.parse().ok()?)) }).collect();
    println!("{rows:?}");
    let avg = rows.iter().map(|(_, a)| *a as f64).sum::<f64>() / rows.len() as f64;
    println!("{avg:.3} {:?}", std::env::var("TERAS_SURELY_UNSET").is_err());
    let mut arr = [[0u8; 3]; 2];
    arr[1][2] = 9;
    println!("{arr:?} {}", arr.len() * arr[0].len());
    let text = "a-b_c d";
    let parts: Vec<&str> = text.split(|c: char| c == '-' || c == '_' || c.is_whitespace()).collect();
    println!("{parts:?} {:?} {:?}", text.find('_'), text.rsplit_once(' '));
    let words = vec!["hello", "world"];
    let joined: String = words.iter().flat_map(|w| w.chars().take(2)).collect();
    println!("{joined} {}", words.concat());
    let mut it = (1..4).peekable();
    while let Some(x) = it.next() { if let Some(&nx) = it.peek() { print!("{x}<{nx} "); } }
    println!();
    let (small, big): (Vec<u32>, Vec<u32>) = [5, 50, 7, 70].iter().partition(|&&x| x < 10);
    println!("{small:?} {big:?} {:?}", [1, 2, 3].iter().zip("xyz".chars()).unzip::<&i32, char, Vec<&i32>, String>());
}
