// Comparing tuples, arrays, Vecs and Options that hold a type with a hand-written order goes
// element by element through the user's `cmp` / `partial_cmp`.
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rev(i32, &'static str);

impl Ord for Rev {
    fn cmp(&self, o: &Self) -> Ordering {
        o.0.cmp(&self.0)
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

fn main() {
    let a = (Rev(1, "a"), 0);
    let b = (Rev(2, "b"), 0);
    println!("{} {} {} {}", a < b, a <= b, a > b, a >= b);
    if a > b {
        println!("a after b");
    }
    println!("{:?}", (Rev(1, "a"), 5).cmp(&(Rev(1, "z"), 4)));
    println!("{:?}", (Rev(1, "a"), 5).partial_cmp(&(Rev(1, "z"), 6)));
    println!("{}", vec![Rev(1, "a")] < vec![Rev(2, "a")]);
    println!("{}", [Rev(3, "x"), Rev(1, "y")] > [Rev(3, "x"), Rev(2, "y")]);
    println!("{:?}", Some(Rev(5, "a")).partial_cmp(&Some(Rev(4, "a"))));
    println!("{}", Some(Rev(5, "a")) < None);
    let t = (1, Rev(7, "q"));
    let u = (1, Rev(9, "r"));
    println!("{:?} {}", t.cmp(&u), t == u);
    // Plain tuples are unaffected.
    println!("{} {:?}", (1, 2) < (1, 3), (2, "a").cmp(&(1, "b")));
}
