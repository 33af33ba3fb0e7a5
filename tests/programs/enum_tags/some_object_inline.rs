// `Some` of a struct or enum object held inline (no `Some` object): every way a program
// can read, match, change, compare, hash, clone, format and drop such an `Option` must
// behave as the object form does (and as rustc's program does).
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Node {
    val: i32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct P {
    x: i32,
}

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle(f64),
    Square { side: f64 },
}

struct List {
    head: Option<Box<Cell>>,
}

struct Cell {
    v: i32,
    next: Option<Box<Cell>>,
}

fn leaf(v: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { val: v, left: None, right: None }))
}

fn build(d: i32, v: i32) -> Option<Box<Node>> {
    if d == 0 {
        return None;
    }
    Some(Box::new(Node { val: v, left: build(d - 1, 2 * v), right: build(d - 1, 2 * v + 1) }))
}

fn sum(n: &Option<Box<Node>>) -> i32 {
    match n {
        Some(b) => b.val + sum(&b.left) + sum(&b.right),
        None => 0,
    }
}

fn bump_all(n: &mut Option<Box<Node>>) {
    if let Some(b) = n {
        b.val += 100;
        bump_all(&mut b.left);
        bump_all(&mut b.right);
    }
}

fn replace_in(n: &mut Option<Box<Node>>) {
    if let Some(b) = n {
        *b = Box::new(Node { val: -1, left: None, right: None });
    }
}

fn first_left(n: &Node) -> Option<i32> {
    let l = n.left.as_ref()?;
    Some(l.val)
}

fn push(l: &mut List, v: i32) {
    let old = l.head.take();
    l.head = Some(Box::new(Cell { v, next: old }));
}

fn list_sum(l: &List) -> i32 {
    let mut cur = &l.head;
    let mut s = 0;
    while let Some(c) = cur {
        s += c.v;
        cur = &c.next;
    }
    s
}

fn main() {
    // Reading and matching.
    let t = build(3, 1);
    println!("sum {}", sum(&t));
    println!("{:?}", leaf(7));
    println!("{:#?}", leaf(8));
    let n = t.as_ref().unwrap();
    println!("first_left {:?} {:?}", first_left(n), first_left(n.left.as_ref().unwrap().left.as_ref().unwrap()));
    println!("is_some {} is_none {}", n.right.is_some(), n.right.is_none());
    println!("map {:?}", n.left.as_ref().map(|b| b.val * 10));
    println!("matches {}", matches!(&n.left, Some(b) if b.val == 2));

    // Changing through `&mut`.
    let mut t2 = build(2, 1);
    bump_all(&mut t2);
    println!("bumped {}", sum(&t2));
    if let Some(root) = &mut t2 {
        replace_in(&mut root.left);
        if let Some(r) = root.right.as_mut() {
            r.val = 55;
        }
    }
    println!("{:?}", t2);
    let mut t3 = leaf(3);
    match t3 {
        Some(ref mut b) => b.val += 1,
        None => {}
    }
    if let Some(b) = &mut t3 {
        **b = Node { val: 40, left: leaf(41), right: None };
    }
    println!("{:?}", t3);

    // take / replace / insert / get_or_insert_with / mem.
    let mut o = leaf(1);
    let taken = o.take();
    println!("taken {:?} left {:?}", taken.map(|b| b.val), o);
    let old = o.replace(Box::new(Node { val: 2, left: None, right: None }));
    println!("old {:?} now {:?}", old, o.as_ref().map(|b| b.val));
    let g = o.get_or_insert_with(|| Box::new(Node { val: 9, left: None, right: None }));
    g.val += 1;
    println!("now {:?}", o.as_ref().map(|b| b.val));
    let mut a = leaf(10);
    let mut b = leaf(20);
    std::mem::swap(&mut a, &mut b);
    println!("swap {:?} {:?}", a.as_ref().map(|x| x.val), b.as_ref().map(|x| x.val));
    let prev = std::mem::replace(&mut a, None);
    println!("mem::replace {:?} {:?}", prev.map(|x| x.val), a);
    let mut tk = leaf(30);
    let got = std::mem::take(&mut tk);
    println!("mem::take {:?} {:?}", got.map(|x| x.val), tk);

    // A linked list through `Option<Box<_>>`.
    let mut l = List { head: None };
    for i in 1..=5 {
        push(&mut l, i);
    }
    println!("list {}", list_sum(&l));
    if let Some(h) = l.head.as_mut() {
        h.v = 100;
    }
    println!("list {}", list_sum(&l));

    // Comparing, hashing, cloning.
    let x = build(2, 1);
    let y = x.clone();
    println!("eq {} ne {}", x == y, x != leaf(1));
    println!("lt {} cmp {:?}", leaf(1) < leaf(2), leaf(3).cmp(&None));
    println!("none < some {}", None < leaf(0));
    let mut set = HashSet::new();
    set.insert(leaf(1));
    set.insert(leaf(1));
    set.insert(leaf(2));
    set.insert(None);
    println!("set {}", set.len());
    let mut m: HashMap<i32, Option<Box<Node>>> = HashMap::new();
    m.insert(1, leaf(5));
    m.insert(2, None);
    println!("map {:?} {:?}", m.get(&1).map(|o| o.as_ref().map(|b| b.val)), m[&2]);
    let mut yc = y.clone();
    if let Some(r) = &mut yc {
        r.val = 1000;
    }
    println!("clone is deep {} {}", sum(&y), sum(&yc));

    // In vectors and iterators.
    let v: Vec<Option<Box<Node>>> = vec![leaf(1), None, leaf(3)];
    let vals: Vec<i32> = v.iter().flatten().map(|b| b.val).collect();
    println!("{:?} {}", vals, v.iter().filter(|o| o.is_some()).count());
    for o in &v {
        if let Some(b) = o {
            print!("{} ", b.val);
        }
    }
    println!();
    let unwrapped: Vec<i32> = v.into_iter().map(|o| o.map_or(0, |b| b.val)).collect();
    println!("{:?}", unwrapped);
    let opt_iter: i32 = leaf(4).into_iter().map(|b| b.val).sum();
    println!("opt_iter {}", opt_iter);

    // Other payloads: enums, Copy structs (kept as objects), nested options.
    let s = Some(Shape::Square { side: 2.0 });
    let c = Some(Shape::Circle(1.0));
    println!("{:?} {:?} {}", s, c, s == c);
    let p = Some(P { x: 1 });
    let mut q = p;
    if let Some(pp) = &mut q {
        pp.x = 2;
    }
    println!("{:?} {:?}", p, q);
    let nested: Option<Option<Box<Node>>> = Some(leaf(6));
    match &nested {
        Some(Some(b)) => println!("nested {}", b.val),
        _ => println!("nested none"),
    }
    let flat = nested.flatten();
    println!("flat {:?}", flat.map(|b| b.val));
    let r: Result<i32, String> = leaf(8).ok_or("none".to_string()).map(|b| b.val);
    println!("{:?}", r);
    let z = leaf(9).and_then(|b| b.left).is_none();
    println!("and_then {}", z);
    let e = leaf(11).expect("there").val;
    println!("expect {}", e);
    let w = leaf(12).unwrap_or_else(|| Box::new(Node { val: 0, left: None, right: None }));
    println!("unwrap_or_else {}", w.val);
    let filt = leaf(13).filter(|b| b.val > 20);
    println!("filter {:?}", filt);
    let zipped = leaf(1).zip(leaf(2)).map(|(a, b)| a.val + b.val);
    println!("zip {:?}", zipped);
}
