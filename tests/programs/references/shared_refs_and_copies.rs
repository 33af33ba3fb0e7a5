fn sum(v: &Vec<i32>) -> i32 {
    v.iter().sum()
}

fn len_of(s: &String) -> usize {
    s.len()
}

#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
}

fn main() {
    let v = vec![1, 2, 3];
    let r1 = &v;
    let r2 = &v;
    println!("{} {} {}", sum(r1), sum(r2), v.len());
    let s = String::from("hello");
    println!("{}", len_of(&s));
    let p = P { x: 1 };
    let mut q = p;
    q.x = 2;
    println!("{:?} {:?}", p, q);
    let rp = &p;
    println!("{}", rp.x + (*rp).x);
    let mut n = 5;
    let copy = n;
    n += 1;
    println!("{n} {copy}");
    let text = String::from("abc");
    let moved = text;
    let cloned = moved.clone();
    println!("{moved} {cloned}");
    let mut a = vec![1];
    let b = a.clone();
    a.push(2);
    println!("{:?} {:?}", a, b);
    let rr: &&i32 = &&7;
    println!("{}", **rr + 1);
}
