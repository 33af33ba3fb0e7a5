// Assignment through nested places: fields of fields, indexes of fields, fields of indexes.
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
struct Stats {
    hp: i32,
    pos: [i32; 2],
}

#[derive(Debug)]
struct Unit {
    name: String,
    stats: Stats,
    tags: Vec<String>,
}

#[derive(Debug)]
struct World {
    units: Vec<Unit>,
    grid: Vec<Vec<u8>>,
    counts: HashMap<String, u32>,
}

impl World {
    fn hurt(&mut self, i: usize, dmg: i32) {
        self.units[i].stats.hp -= dmg;
    }

    fn tag(&mut self, i: usize, t: &str) {
        self.units[i].tags.push(t.to_string());
        *self.counts.entry(t.to_string()).or_insert(0) += 1;
    }
}

fn main() {
    let mut w = World {
        units: vec![
            Unit { name: "a".into(), stats: Stats { hp: 10, pos: [0, 0] }, tags: vec![] },
            Unit { name: "b".into(), stats: Stats { hp: 20, pos: [5, 5] }, tags: vec![] },
        ],
        grid: vec![vec![0; 3]; 2],
        counts: HashMap::new(),
    };
    w.units[0].stats.pos[1] = 7;
    w.units[1].stats.pos[0] += 1;
    w.units[1].name.push_str("-two");
    w.grid[1][2] = 9;
    w.grid[0][0] += 4;
    w.hurt(0, 3);
    w.hurt(1, 25);
    w.tag(0, "fast");
    w.tag(1, "fast");
    w.tag(1, "big");
    if let Some(u) = w.units.last_mut() {
        u.stats.hp = u.stats.hp.max(0);
        u.tags[0].make_ascii_uppercase();
    }
    for u in w.units.iter_mut() {
        u.stats.pos[0] *= 10;
    }
    let s = &mut w.units[0].stats;
    s.hp += 100;
    s.pos = [1, 1];
    for u in &w.units {
        println!("{} {:?} {:?}", u.name, u.stats, u.tags);
    }
    println!("{:?}", w.grid);
    let mut counts: Vec<_> = w.counts.iter().collect();
    counts.sort();
    println!("{:?}", counts);
    if let Some(n) = w.counts.get_mut("fast") {
        *n *= 10;
    }
    println!("{}", w.counts["fast"]);
    let mut pairs = vec![(1, [0u8; 2]); 2];
    pairs[1].1[0] = 3;
    pairs[0].0 = -1;
    println!("{:?}", pairs);
}
