fn main() {
    let mut r = 0..3;
    println!("{:?}", r.next());
    println!("{:?}", r.next());
    let mut q = 1..=5;
    println!("{:?} {:?}", q.next_back(), q.nth(1));
    println!("{:?}", q.next());
    println!("{:?}", q.next());
    let mut it = 10..20;
    while let Some(x) = it.next() {
        if x > 12 { break; }
        print!("{x} ");
    }
    println!();
    let rest: Vec<i32> = it.collect();
    println!("{:?}", rest);
    let mut e = 0..0;
    println!("{:?}", e.next());
}
