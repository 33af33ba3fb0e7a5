#![allow(dead_code)]

type Kilometers = i32;
type Thunk = Box<dyn Fn() -> String>;
type Grid<T> = Vec<Vec<T>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
struct Id(u32);

#[allow(unused_variables)]
fn unused(x: i32) {}

#[inline]
fn double(k: Kilometers) -> Kilometers {
    k * 2
}

fn main() {
    let d: Kilometers = 5;
    println!("{}", double(d) + 1);
    let t: Thunk = Box::new(|| String::from("thunk"));
    println!("{}", t());
    let g: Grid<char> = vec![vec!['a'; 2]; 2];
    println!("{:?}", g);
    let mut ids = vec![Id(3), Id(1), Id::default()];
    ids.sort();
    println!("{:?}", ids);
    #[allow(unused_mut)]
    let mut z = 1;
    println!("{z}");
}
