use std::mem;

fn main() {
    let mut a = 1;
    let mut b = 2;
    mem::swap(&mut a, &mut b);
    println!("{a} {b}");
    let mut s1 = String::from("left");
    let mut s2 = String::from("right");
    std::mem::swap(&mut s1, &mut s2);
    println!("{s1} {s2}");
    let mut v = vec![1, 2, 3];
    let old = mem::replace(&mut v, vec![9]);
    println!("{:?} {:?}", old, v);
    let mut name = String::from("taken");
    let t = mem::take(&mut name);
    println!("{t:?} {name:?}");
    let mut arr = [5, 6, 7];
    arr.swap(0, 2);
    println!("{:?}", arr);
    let (mut x, mut y) = (10, 20);
    (x, y) = (y, x);
    println!("{x} {y}");
    let mut pair = (String::from("a"), String::from("b"));
    mem::swap(&mut pair.0, &mut pair.1);
    println!("{:?}", pair);
}
