// Field-less enum variants (`None`, `Ordering::Less`, unit variants) are held inline by
// teras; every `&mut self` method on them must still change the caller's place: a local,
// a struct field, a vector element, a tuple element, a capture, a `&mut` parameter.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Light {
    Red,
    Yellow,
    Green,
}

impl Light {
    fn advance(&mut self) {
        *self = match self {
            Light::Red => Light::Green,
            Light::Green => Light::Yellow,
            Light::Yellow => Light::Red,
        };
    }
    fn reset(&mut self) -> Light {
        std::mem::replace(self, Light::Red)
    }
}

#[derive(Debug)]
enum State {
    Idle,
    Running(u32),
    Done,
}

impl State {
    fn step(&mut self) {
        match self {
            State::Idle => *self = State::Running(0),
            State::Running(n) if *n >= 2 => *self = State::Done,
            State::Running(n) => *n += 1,
            State::Done => {}
        }
    }
}

#[derive(Debug)]
struct Holder {
    slot: Option<i32>,
    light: Light,
    pair: (Option<String>, Light),
}

fn fill(o: &mut Option<i32>, v: i32) {
    o.get_or_insert(v);
}

fn main() {
    // Locals.
    let mut a: Option<i32> = None;
    let got = *a.insert(5);
    println!("{:?} {:?}", got, a);
    let mut b: Option<i32> = None;
    *b.get_or_insert_with(|| 7) += 1;
    println!("{:?}", b);
    println!("{:?}", b.take());
    println!("{:?}", b);
    let mut c: Option<i32> = None;
    println!("{:?} {:?}", c.replace(3), c);
    let mut l = Light::Red;
    l.advance();
    l.advance();
    print!("{:?} ", l);
    let was = l.reset();
    println!("{:?} {:?}", was, l);
    let mut s = State::Idle;
    for _ in 0..5 {
        s.step();
        print!("{:?} ", s);
    }
    println!();

    // Fields and tuple elements.
    let mut h = Holder { slot: None, light: Light::Green, pair: (None, Light::Yellow) };
    let _ = h.slot.insert(1);
    h.light.advance();
    h.pair.0.get_or_insert_with(|| String::from("x")).push('y');
    h.pair.1.advance();
    println!("{:?}", h);
    if let Some(x) = h.slot.as_mut() {
        *x += 10;
    }
    let t = h.slot.take();
    println!("{:?} {:?}", t, h);

    // Vector elements, by index and through iter_mut.
    let mut v: Vec<Option<i32>> = vec![None, Some(1), None];
    let _ = v[0].insert(9);
    for (i, o) in v.iter_mut().enumerate() {
        o.get_or_insert(i as i32 * 100);
    }
    println!("{:?}", v);
    let mut lights = vec![Light::Red; 3];
    lights[1].advance();
    for x in lights.iter_mut() {
        x.advance();
    }
    println!("{:?}", lights);

    // A `&mut` parameter, a closure capture, mem::take/replace on a field.
    let mut p: Option<i32> = None;
    fill(&mut p, 4);
    fill(&mut p, 5);
    println!("{:?}", p);
    let mut q: Option<i32> = None;
    let mut set = || {
        let _ = q.insert(11);
    };
    set();
    println!("{:?}", q);
    let mut h2 = Holder { slot: None, light: Light::Red, pair: (None, Light::Red) };
    let old = std::mem::replace(&mut h2.slot, Some(2));
    let taken = std::mem::take(&mut h2.pair.0);
    println!("{:?} {:?} {:?}", old, taken, h2);

    // Comparison, hashing, ordering and Debug of the inline form and of objects alike.
    let o1: Option<i32> = None;
    let o2 = Some(1).filter(|x| *x > 5);
    println!("{} {} {:?}", o1 == o2, o1 < Some(0), o1.cmp(&o2));
    let mut set = std::collections::HashSet::new();
    set.insert(Light::Red);
    set.insert(Light::Red);
    set.insert(Light::Green);
    let mut all: Vec<Light> = set.into_iter().collect();
    all.sort();
    println!("{:?} {:?}", all, Light::Yellow.max(Light::Green));
    let ord = 3.cmp(&4);
    println!("{:?} {} {:?}", ord, ord == Ordering::Less, ord.reverse());
    println!("{} {}", Light::Green as i32, matches!(l, Light::Red));
}
