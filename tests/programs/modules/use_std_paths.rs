use std::cmp::{max, min, Ordering};
use std::collections::HashMap;
use std::collections::*;
use std::fmt::{self, Display};
use std::mem;

struct W(i32);

impl Display for W {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "W{}", self.0)
    }
}

fn main() {
    println!("{} {}", max(3, 7), min(3, 7));
    println!("{:?}", 1.cmp(&2) == Ordering::Less);
    let mut m: HashMap<i32, i32> = HashMap::new();
    m.insert(1, 2);
    println!("{:?}", m);
    let s: BTreeSet<i32> = [3, 1].into_iter().collect();
    println!("{:?}", s);
    let d: VecDeque<i32> = VecDeque::new();
    println!("{}", d.len());
    println!("{}", W(5));
    let mut a = 1;
    let mut b = 2;
    mem::swap(&mut a, &mut b);
    println!("{a}{b}");
    let v = std::vec::Vec::from([1]);
    println!("{:?} {}", v, std::cmp::max(1.5f64 as i32, 0));
}
