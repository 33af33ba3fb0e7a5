// Std algorithms on aggregates (tuples, Option, arrays, Vec) holding a type with a
// hand-written Ord use that order, as rustc does: sort, binary_search, max/min (iterators,
// Ord methods, std::cmp), *_by_key, clamp, is_sorted, Iterator::cmp.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rev(i32);

impl Ord for Rev {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.cmp(&self.0)
    }
}
impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn main() {
    let mut v = vec![Rev(1), Rev(3), Rev(2)];
    v.sort();
    println!("plain sort {:?}", v);
    let mut t = vec![(Rev(1), 'a'), (Rev(3), 'b'), (Rev(2), 'c'), (Rev(3), 'a')];
    t.sort();
    println!("tuple sort {:?}", t);
    t.sort_unstable();
    println!("tuple sort_unstable {:?}", t);
    println!("tuple max {:?}", t.iter().max());
    println!("tuple min {:?}", t.iter().min());
    println!("tuple max_by_key {:?}", t.iter().max_by_key(|p| p.0));
    println!("tuple min_by_key {:?}", t.iter().min_by_key(|p| (p.0, p.1)));
    println!("binary_search {:?}", t.binary_search(&(Rev(2), 'c')));
    let mut o = vec![Some(Rev(1)), None, Some(Rev(5)), Some(Rev(2))];
    o.sort();
    println!("option sort {:?}", o);
    println!("option max {:?}", o.iter().max());
    println!("option into_iter min {:?}", o.clone().into_iter().min());
    let mut a = vec![[Rev(1), Rev(2)], [Rev(3), Rev(0)], [Rev(1), Rev(5)]];
    a.sort();
    println!("array sort {:?}", a);
    let s: &mut [(Rev, i32)] = &mut [(Rev(4), 1), (Rev(9), 2), (Rev(4), 0)];
    s.sort();
    println!("slice sort {:?}", s);
    println!("slice binary_search {:?}", s.binary_search(&(Rev(4), 1)));
    println!("max of pair {:?}", std::cmp::max((Rev(1), 0), (Rev(2), 0)));
    println!("min of pair {:?}", std::cmp::min((Rev(1), 0), (Rev(2), 0)));
    println!("Ord::max {:?}", (Rev(1), 0).max((Rev(2), 0)));
    println!("clamp {:?}", Some(Rev(9)).clamp(Some(Rev(5)), Some(Rev(1))));
    let mut vv = vec![vec![Rev(1)], vec![Rev(2), Rev(0)], vec![]];
    vv.sort();
    println!("vec of vec sort {:?}", vv);
    println!("is_sorted {}", [(Rev(3), 0), (Rev(2), 0)].is_sorted());
    println!("iter max_by {:?}", t.iter().max_by(|a, b| a.cmp(b)));
    let mut keyed = vec![(1, 'x'), (2, 'y'), (3, 'z')];
    keyed.sort_by_key(|p| (Rev(p.0), p.1));
    println!("sort_by_key tuple key {:?}", keyed);
    println!("tuple cmp {:?}", (Rev(1), 0).cmp(&(Rev(2), 0)));
    let mut o = vec![None, Some(Rev(1)), Some(Rev(5)), None, Some(Rev(2))];
    o.sort();
    println!("{:?}", o);
    let mut e = vec![vec![], vec![Rev(1)], vec![Rev(2)]];
    e.sort();
    println!("{:?}", e);
    println!("{:?}", [None, Some(Rev(1)), Some(Rev(3))].iter().max());
    let f = vec![1.0, f64::NAN, 2.0];
    println!("{}", f.is_sorted());
    println!("{}", [1, 2, 2].is_sorted());
    println!("{:?}", [3, 1, 2].iter().max());
    let mut w = vec![(2, 'b'), (1, 'a')];
    w.sort_by_key(|p| p.0);
    println!("{:?} {:?}", w, w.binary_search_by_key(&2, |p| p.0));
}
