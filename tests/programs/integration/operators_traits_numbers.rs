use std::ops::{Add, Mul, Neg, Index, IndexMut, AddAssign};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V2 { x: f64, y: f64 }
impl Add for V2 { type Output = V2; fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } } }
impl Mul<f64> for V2 { type Output = V2; fn mul(self, k: f64) -> V2 { V2 { x: self.x * k, y: self.y * k } } }
impl Neg for V2 { type Output = V2; fn neg(self) -> V2 { V2 { x: -self.x, y: -self.y } } }
impl AddAssign for V2 { fn add_assign(&mut self, o: V2) { self.x += o.x; self.y += o.y; } }
impl fmt::Display for V2 { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "({:.1}, {:.1})", self.x, self.y) } }

struct Grid { w: usize, cells: Vec<u8> }
impl Index<(usize, usize)> for Grid { type Output = u8; fn index(&self, (r, c): (usize, usize)) -> &u8 { &self.cells[r * self.w + c] } }
impl IndexMut<(usize, usize)> for Grid { fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut u8 { &mut self.cells[r * self.w + c] } }

trait Animal { fn name(&self) -> &str; fn speak(&self) -> String { format!("{} makes a sound", self.name()) } }
#[derive(Default)] struct Dog { name: String }
struct Cat;
impl Animal for Dog { fn name(&self) -> &str { &self.name } fn speak(&self) -> String { format!("{} barks", self.name) } }
impl Animal for Cat { fn name(&self) -> &str { "cat" } }

fn loudest<T: Animal + ?Sized>(a: &T) -> String { a.speak().to_uppercase() }

struct Fib { a: u64, b: u64 }
impl Iterator for Fib { type Item = u64; fn next(&mut self) -> Option<u64> { let r = self.a; self.a = self.b; self.b += r; Some(r) } }

trait Container { type Item; fn get(&self, i: usize) -> Option<&Self::Item>; fn first(&self) -> Option<&Self::Item> { self.get(0) } }
struct Stack<T> { items: Vec<T> }
impl<T> Container for Stack<T> { type Item = T; fn get(&self, i: usize) -> Option<&T> { self.items.get(i) } }

#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy, PartialOrd, Ord)]
enum Suit { Hearts, Spades }
#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy, PartialOrd, Ord)]
struct Card { rank: u8, suit: Suit }

fn classify(v: &[i32]) -> String {
    match v {
        [] => "empty".into(),
        [x] => format!("one {x}"),
        [first, .., last] if first == last => format!("same ends {first}"),
        [first, rest @ ..] => format!("first {first} then {} more", rest.len()),
    }
}

fn main() {
    let mut p = V2 { x: 1.0, y: 2.0 } + V2 { x: 0.5, y: -1.0 } * 2.0;
    p += -V2 { x: 1.0, y: 1.0 };
    println!("{p} {:?} {}", V2::default(), p == V2 { x: 1.0, y: -1.0 });
    let mut g = Grid { w: 3, cells: vec![0; 9] };
    g[(1, 2)] = 7; g[(2, 0)] += 3;
    println!("{} {} {:?}", g[(1, 2)], g[(2, 0)], g.cells);
    let zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog { name: "Rex".into() }), Box::new(Cat)];
    for a in &zoo { println!("{} / {}", a.speak(), loudest(a.as_ref())); }
    let d = Dog::default();
    println!("[{}]", d.name());
    let f: Vec<u64> = Fib { a: 0, b: 1 }.skip(5).step_by(2).take_while(|&x| x < 500).collect();
    println!("{f:?} {}", Fib { a: 0, b: 1 }.take(10).filter(|x| x % 2 == 0).sum::<u64>());
    let s = Stack { items: vec!['a', 'b'] };
    println!("{:?} {:?}", s.first(), s.get(5));
    let mut hand = vec![Card { rank: 10, suit: Suit::Spades }, Card { rank: 3, suit: Suit::Hearts }, Card { rank: 10, suit: Suit::Hearts }];
    hand.sort();
    let mut counts: HashMap<Suit, Vec<u8>> = HashMap::new();
    for c in &hand { counts.entry(c.suit).or_insert_with(Vec::new).push(c.rank); }
    let mut keys: Vec<_> = counts.keys().copied().collect(); keys.sort();
    println!("{:?} {:?} {:?}", hand[0], keys, counts[&Suit::Hearts]);
    for v in [vec![], vec![4], vec![1, 2, 1], vec![1, 2, 3]] { println!("{}", classify(&v)); }
    let grid = vec![vec![1, 2, 3], vec![4, 5, 6]];
    let found = 'outer: loop {
        for (r, row) in grid.iter().enumerate() {
            for (c, &v) in row.iter().enumerate() { if v == 5 { break 'outer Some((r, c)); } }
        }
        break None;
    };
    println!("{found:?}");
    let x = 5; let x = x * 2; { let x = "inner"; println!("{x}"); } println!("{x}");
    let a: i32 = -17;
    println!("{} {} {} {} {}", a / 5, a % 5, a.rem_euclid(5), a.div_euclid(5), (a as u8));
    println!("{} {} {:?} {}", 255u8.wrapping_add(3), 200u8.saturating_add(100), 250u8.checked_mul(2), i32::MIN.wrapping_abs());
    println!("{} {} {} {}", 1e21, 1.0e-7, 0.1 + 0.2, f64::NAN.max(1.0));
    println!("{:?} {:?} {} {}", 1.0f64, 0.30000000000000004, 100000000.0f32, 1.5e300 * 1e10);
    println!("{}", i64::MAX as f64);
    let t = (1, "two", 3.0);
    let (a1, b1, c1) = t;
    println!("{a1} {b1} {c1} {:?}", t);
}
