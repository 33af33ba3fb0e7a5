// Methods the program writes for BTreeMap/BTreeSet/BinaryHeap (trait impls and their default
// methods) still apply once a key with a hand-written Ord has entered the collection.
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rev(i32);
impl Ord for Rev { fn cmp(&self, o: &Self) -> Ordering { o.0.cmp(&self.0) } }
impl PartialOrd for Rev { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }
trait Summary { fn summary(&self) -> String; fn twice(&self) -> String { format!("{0}{0}", self.summary()) } }
impl<K: std::fmt::Debug, V> Summary for BTreeMap<K, V> {
    fn summary(&self) -> String { format!("{} keys, first {:?}", self.len(), self.keys().next()) }
}
impl<T: std::fmt::Debug> Summary for BTreeSet<T> {
    fn summary(&self) -> String { format!("set of {}", self.len()) }
}
impl<T: Ord + std::fmt::Debug> Summary for BinaryHeap<T> {
    fn summary(&self) -> String { format!("heap top {:?}", self.peek()) }
}
fn main() {
    let mut m = BTreeMap::new();
    m.insert(Rev(1), 'a');
    m.insert(Rev(2), 'b');
    println!("{} / {}", m.summary(), m.twice());
    let s: BTreeSet<Rev> = [Rev(4), Rev(5)].into_iter().collect();
    println!("{}", s.summary());
    let mut h = BinaryHeap::new();
    h.push(Rev(3)); h.push(Rev(1));
    println!("{}", h.summary());
    let plain: BTreeMap<i32, i32> = [(1, 2)].into_iter().collect();
    println!("{}", plain.summary());
}
