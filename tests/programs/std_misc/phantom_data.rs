// `std::marker::PhantomData`: a zero-sized marker field that ties a type parameter to a
// struct (typed ids, units of measure), constructed by the value `PhantomData`.
use std::marker::PhantomData;

#[derive(Clone, Copy, PartialEq)]
struct Id<T> {
    raw: u32,
    kind: PhantomData<T>,
}

impl<T> Id<T> {
    fn new(raw: u32) -> Self {
        Id { raw, kind: PhantomData }
    }
}

#[derive(Clone, Copy, PartialEq)]
struct User;
struct Order;

struct Meters<U> {
    value: f64,
    _unit: PhantomData<U>,
}

fn total<U>(xs: &[Meters<U>]) -> f64 {
    xs.iter().map(|m| m.value).sum()
}

fn main() {
    let u: Id<User> = Id::new(7);
    let o: Id<Order> = Id::new(7);
    let u2 = u;
    println!("user {} order {} same user {}", u.raw, o.raw, u == u2);
    let legs = vec![
        Meters::<User> { value: 1.5, _unit: PhantomData },
        Meters { value: 2.25, _unit: PhantomData },
    ];
    println!("total {}", total(&legs));
    let p: PhantomData<String> = PhantomData;
    let q = p;
    println!("{}", p == q);
    println!("sizes {} {}", std::mem::size_of::<PhantomData<u64>>(), std::mem::size_of::<std::num::Wrapping<u16>>());
}
