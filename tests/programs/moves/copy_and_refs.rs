// Copy values, references and by-reference uses are never moves.
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone, Copy)]
enum Dir {
    Up,
    Down,
}

fn show(p: Point) -> i32 {
    p.x + p.y
}

fn takes_ref(v: &Vec<String>) -> usize {
    v.len()
}

fn push_one(v: &mut Vec<i32>) {
    v.push(1);
}

fn main() {
    let p = Point { x: 1, y: 2 };
    let q = p;
    println!("{} {} {:?}", show(p), show(q), p);

    let d = Dir::Up;
    let e = d;
    println!("{:?} {:?} {:?}", d, e, Dir::Down);

    let n = 5;
    let m = n;
    let t = (1, 'c', true);
    let u = t;
    let arr = [1u8, 2, 3];
    let arr2 = arr;
    println!("{n} {m} {:?} {:?} {:?} {:?}", t, u, arr, arr2);

    let maybe: Option<i32> = Some(3);
    let a = maybe.unwrap();
    let b = maybe.unwrap_or(0);
    println!("{a} {b} {:?}", maybe);

    let names = vec![String::from("a"), String::from("b")];
    let r = &names;
    let r2 = r;
    println!("{} {} {}", r.len(), r2.len(), takes_ref(&names));
    let first = names.first();
    println!("{:?} {:?}", first.unwrap(), first.unwrap());
    for s in &names {
        println!("{s}");
    }
    for s in names.iter() {
        println!("{}", s.len());
    }
    println!("{:?}", names);

    let mut nums = vec![3, 1, 2];
    let rm = &mut nums;
    push_one(rm);
    push_one(rm);
    nums.sort();
    println!("{:?}", nums);

    let text = String::from("hello");
    let len = || text.len();
    println!("{} {}", len(), len());
    println!("{text}");

    let mut counts: HashMap<String, i32> = HashMap::new();
    let key = String::from("k");
    *counts.entry(key.clone()).or_insert(0) += 1;
    println!("{} {:?}", key, counts.get(&key));

    let opt = Some(String::from("inside"));
    if let Some(s) = &opt {
        println!("{s}");
    }
    match &opt {
        Some(s) => println!("again {s}"),
        None => {}
    }
    match opt {
        Some(ref s) => println!("ref {s}"),
        None => {}
    }
    println!("{:?}", opt);

    let f: Box<dyn Fn(i32) -> i32> = Box::new(|x| x + 1);
    println!("{} {}", f(1), f(2));

    let words = vec!["a", "b"];
    let joined = words.join("-");
    println!("{joined} {:?}", words);

    let owned = String::from("abc");
    let cloned = owned.clone();
    drop(owned);
    println!("{cloned}");

    let taken = std::mem::take(&mut nums);
    println!("{:?} {:?}", taken, nums);
}
