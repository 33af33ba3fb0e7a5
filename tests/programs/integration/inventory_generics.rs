use std::collections::BTreeMap;
use std::fmt::{self, Display};

#[derive(Debug, Clone, PartialEq)]
struct Item {
    name: String,
    price_cents: u64,
    qty: u32,
}

struct Labeled<'a, T> {
    label: &'a str,
    value: T,
}

impl<T: Display> Display for Labeled<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.value)
    }
}

struct Money(u64);

impl Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}.{:02}", self.0 / 100, self.0 % 100)
    }
}

trait Priced {
    fn total_cents(&self) -> u64;
}

impl Priced for Item {
    fn total_cents(&self) -> u64 {
        self.price_cents * self.qty as u64
    }
}

fn grand_total<T: Priced>(items: &[T]) -> u64 {
    items.iter().map(Priced::total_cents).sum()
}

fn main() {
    let items = vec![
        Item { name: "widget".into(), price_cents: 250, qty: 4 },
        Item { name: "gadget".into(), price_cents: 1999, qty: 1 },
        Item { name: "doohickey".into(), price_cents: 5, qty: 120 },
    ];
    let mut by_cost: BTreeMap<u64, &str> = BTreeMap::new();
    for it in &items {
        by_cost.insert(it.total_cents(), &it.name);
    }
    for (cost, name) in &by_cost {
        println!("{}", Labeled { label: name, value: Money(*cost) });
    }
    println!("{}", Labeled { label: "total", value: Money(grand_total(&items)) });
    println!("{}", Labeled { label: "count", value: items.iter().map(|i| i.qty).sum::<u32>() });
    let cheapest = items.iter().min_by_key(|i| i.price_cents).map(|i| i.name.clone());
    println!("{:?}", cheapest);
}
