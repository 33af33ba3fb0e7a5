use std::fmt;

struct Temp {
    celsius: f64,
    place: &'static str,
}

impl fmt::Debug for Temp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Temp").field("place", &self.place).field("c", &self.celsius).finish()
    }
}

struct Pair(i32, String);

impl fmt::Debug for Pair {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_tuple("Pair").field(&self.0).field(&self.1).finish()
    }
}

struct Bag(Vec<u8>);

impl fmt::Debug for Bag {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

struct Dict(Vec<(&'static str, i32)>);

impl fmt::Debug for Dict {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.0.iter().map(|(k, v)| (k, v))).finish()
    }
}

fn main() {
    let t = Temp { celsius: 21.5, place: "lab" };
    println!("{:?}", t);
    println!("{:#?}", t);
    println!("{:?}", Pair(1, "one".into()));
    println!("{:?}", Bag(vec![1, 2, 3]));
    println!("{:#?}", Bag(vec![4]));
    println!("{:?}", Dict(vec![("a", 1), ("b", 2)]));
    println!("{:#?}", Dict(vec![("k", 0)]));
    println!("{:?}", vec![Pair(2, "x".into())]);
}
