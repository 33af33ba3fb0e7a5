use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Pos {
    x: i32,
    y: i32,
}

#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy)]
enum Kind {
    Wall,
    Floor,
}

fn main() {
    let mut grid: HashMap<Pos, Kind> = HashMap::new();
    grid.insert(Pos { x: 0, y: 0 }, Kind::Wall);
    grid.insert(Pos { x: 1, y: 0 }, Kind::Floor);
    grid.insert(Pos { x: 0, y: 0 }, Kind::Floor);
    println!("{}", grid.len());
    println!("{:?}", grid.get(&Pos { x: 0, y: 0 }));
    println!("{:?}", grid.get(&Pos { x: 5, y: 5 }));
    let mut keys: Vec<_> = grid.keys().copied().collect();
    keys.sort();
    println!("{:?}", keys);
    let mut seen = HashSet::new();
    for p in [Pos { x: 1, y: 1 }, Pos { x: 2, y: 2 }, Pos { x: 1, y: 1 }] {
        if !seen.insert(p) {
            println!("duplicate {:?}", p);
        }
    }
    let mut counts: HashMap<Kind, u32> = HashMap::new();
    for k in [Kind::Wall, Kind::Floor, Kind::Wall] {
        *counts.entry(k).or_insert(0) += 1;
    }
    println!("{} {}", counts[&Kind::Wall], counts[&Kind::Floor]);
    let mut by_tuple: HashMap<(i32, &str), f64> = HashMap::new();
    by_tuple.insert((1, "a"), 0.5);
    println!("{:?}", by_tuple);
}
