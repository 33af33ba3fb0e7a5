// A program with drop glue (an `impl Drop`) whose Options and Orderings come from std
// natives: `None` and `Ordering` values built by natives are taken, replaced, matched,
// stored in structs and vectors, and the droppable values around them still drop in order.

use std::cmp::Ordering;
use std::collections::HashMap;

struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Slot {
    name: Loud,
    seen: Option<char>,
    ord: Ordering,
}

fn main() {
    let mut m: HashMap<String, Loud> = HashMap::new();
    let old = m.insert("a".to_string(), Loud("first"));
    println!("old none: {}", old.is_none());
    let old = m.insert("a".to_string(), Loud("second"));
    println!("old some: {}", old.is_some());
    drop(old);
    let mut slots = Vec::new();
    for (i, name) in ["x", "y", "z"].iter().enumerate() {
        let mut seen = "ab".chars().nth(i);
        if i == 1 {
            let t = seen.take();
            println!("took {:?}", t);
        }
        if seen.is_none() {
            let _ = seen.insert('n');
        }
        slots.push(Slot { name: Loud(name), seen, ord: (i as i32).cmp(&1) });
    }
    for s in &mut slots {
        if s.ord == Ordering::Less {
            s.seen = None;
        }
        let prev = s.seen.replace('r');
        println!("{} {:?} {:?} {:?}", s.name.0, prev, s.seen, s.ord);
    }
    let gone = m.get("b");
    println!("{:?}", gone.map(|l| l.0));
    slots.truncate(1);
    println!("end");
}
