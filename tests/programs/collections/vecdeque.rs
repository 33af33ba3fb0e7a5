use std::collections::VecDeque;

fn main() {
    let mut d: VecDeque<i32> = VecDeque::new();
    d.push_back(1);
    d.push_back(2);
    d.push_front(0);
    d.push_front(-1);
    println!("{:?} len={}", d, d.len());
    println!("{:?} {:?}", d.front(), d.back());
    println!("{:?} {:?}", d.pop_front(), d.pop_back());
    println!("{:?}", d);
    println!("{}", d[1]);
    d[0] = 10;
    println!("{:?}", d.iter().collect::<Vec<_>>());
    let mut q: VecDeque<_> = (1..=5).collect();
    q.rotate_left(2);
    println!("{:?}", q);
    println!("{}", q.contains(&3));
    let v: Vec<i32> = q.into_iter().rev().collect();
    println!("{:?}", v);
    let mut bfs = VecDeque::from(vec![1]);
    let mut order = Vec::new();
    while let Some(n) = bfs.pop_front() {
        order.push(n);
        if n < 8 {
            bfs.push_back(n * 2);
            bfs.push_back(n * 2 + 1);
        }
    }
    println!("{:?}", order);
    let mut e: VecDeque<&str> = VecDeque::with_capacity(2);
    println!("{} {:?}", e.is_empty(), e.pop_front());
    e.extend(["a", "b"]);
    println!("{:?}", e);
}
