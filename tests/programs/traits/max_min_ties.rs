// Iterator::max gives the last of the greatest items and min the first of the least, under
// a hand-written Ord that ignores a field (and inside a tuple), as std does.
use std::cmp::Ordering;
#[derive(Debug, PartialEq, Eq)]
struct K(i32, &'static str);
impl PartialOrd for K { fn partial_cmp(&self, o: &K) -> Option<Ordering> { Some(self.cmp(o)) } }
impl Ord for K { fn cmp(&self, o: &K) -> Ordering { self.0.cmp(&o.0) } }
fn main() {
    let v = vec![K(1, "a"), K(3, "b"), K(1, "c"), K(3, "d")];
    println!("{:?} {:?}", v.iter().max(), v.iter().min());
    let w = vec![(K(2, "x"), 1), (K(2, "y"), 1), (K(0, "z"), 1), (K(0, "w"), 1)];
    println!("{:?} {:?}", w.iter().max(), w.iter().min());
    let e: Vec<i32> = vec![];
    println!("{:?} {:?} {:?}", e.iter().max(), [4, 9, 2].iter().max(), [4, 9, 2].iter().min());
}
