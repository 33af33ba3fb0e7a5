use std::collections::{BTreeMap, HashMap, HashSet, VecDeque, BinaryHeap};
use std::cmp::Reverse;
use std::fmt::Display;
use std::rc::Rc;
use std::cell::RefCell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Dir { N, E, S, W }

impl Dir {
    fn turn(self) -> Dir { match self { Dir::N => Dir::E, Dir::E => Dir::S, Dir::S => Dir::W, Dir::W => Dir::N } }
}

trait Describe { fn describe(&self) -> String; }
impl<T: Display> Describe for Vec<T> {
    fn describe(&self) -> String { self.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",") }
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }
fn boxed(n: i32) -> Box<dyn FnMut() -> i32> { let mut c = 0; Box::new(move || { c += n; c }) }

fn dijkstra(adj: &HashMap<u32, Vec<(u32, u64)>>, start: u32) -> BTreeMap<u32, u64> {
    let mut dist = BTreeMap::new();
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0u64, start)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist.contains_key(&u) { continue; }
        dist.insert(u, d);
        if let Some(es) = adj.get(&u) {
            for &(v, w) in es {
                if !dist.contains_key(&v) { heap.push(Reverse((d + w, v))); }
            }
        }
    }
    dist
}

#[derive(Debug)]
struct Node { val: i32, children: Vec<Rc<RefCell<Node>>> }

fn sum(n: &Rc<RefCell<Node>>) -> i32 { let b = n.borrow(); b.val + b.children.iter().map(sum).sum::<i32>() }

fn main() {
    let mut d = Dir::N;
    let mut seen = HashSet::new();
    for _ in 0..6 { seen.insert(d); d = d.turn(); }
    let mut v: Vec<_> = seen.into_iter().collect();
    v.sort();
    println!("{:?} {}", v, vec![1.5, 2.25].describe());
    let add5 = make_adder(5);
    let f = compose(add5, |x| x * 2);
    let mut b = boxed(3);
    println!("{} {} {} {}", f(1), b(), b(), b());
    let mut adj: HashMap<u32, Vec<(u32, u64)>> = HashMap::new();
    for (a, b2, w) in [(1, 2, 7), (1, 3, 9), (1, 6, 14), (2, 3, 10), (2, 4, 15), (3, 4, 11), (3, 6, 2), (4, 5, 6), (5, 6, 9)] {
        adj.entry(a).or_default().push((b2, w));
        adj.entry(b2).or_default().push((a, w));
    }
    println!("{:?}", dijkstra(&adj, 1));
    let leaf = Rc::new(RefCell::new(Node { val: 3, children: vec![] }));
    let root = Rc::new(RefCell::new(Node { val: 1, children: vec![leaf.clone(), Rc::new(RefCell::new(Node { val: 5, children: vec![] }))] }));
    leaf.borrow_mut().val += 10;
    println!("sum {} rc {}", sum(&root), Rc::strong_count(&leaf));
    let mut q: VecDeque<i32> = (1..=5).collect();
    q.rotate_left(2);
    q.push_front(0);
    println!("{:?} {:?}", q, q.iter().rev().step_by(2).collect::<Vec<_>>());
    let words = ["apple", "bob", "kayak", "level", "rust"];
    let pals: Vec<&str> = words.iter().copied().filter(|w| w.chars().eq(w.chars().rev())).collect();
    println!("{pals:?}");
    let s = "Hello, Wörld! 123";
    println!("{} {} {:?}", s.to_lowercase(), s.chars().filter(|c| c.is_alphabetic()).count(), s.char_indices().nth(8));
    println!("{:>8.2}|{:<6}|{:^7}|{:+}|{:08.3}|{:#x}|{:#b}|{:e}", 3.14159, "ab", "mid", 5, -2.5, 255, 5, 1234.5);
    let nums = [3, 1, 4, 1, 5, 9, 2, 6];
    let mx = nums.iter().enumerate().max_by_key(|(_, &x)| x).unwrap();
    let chunks: Vec<i32> = nums.chunks(3).map(|c| c.iter().sum()).collect();
    let windows = nums.windows(2).filter(|w| w[0] < w[1]).count();
    println!("{mx:?} {chunks:?} {windows} {:?}", nums.iter().rposition(|&x| x == 1));
    let mut sorted = nums.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    println!("{:?} {:?}", sorted, sorted.binary_search_by(|p| 5.cmp(p)));
    let text = String::from("one two three");
    let caps: String = text.split(' ').map(|w| { let mut c = w.chars(); match c.next() { Some(f) => f.to_uppercase().collect::<String>() + c.as_str(), None => String::new() } }).collect::<Vec<_>>().join(" ");
    println!("{caps}");
    let opt: Option<&str> = None;
    println!("{}", opt.map_or("none".into(), |s| s.to_uppercase()));
    let r: Result<i32, String> = "42".parse::<i32>().map_err(|e| e.to_string()).and_then(|n| if n > 40 { Ok(n * 2) } else { Err("small".into()) });
    println!("{r:?}");
}
