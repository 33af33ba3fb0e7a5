use std::collections::VecDeque;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Job {
    prio: u32,
    name: String,
}

fn main() {
    // Integers, wrapped around the ring: push_front and push_back.
    let mut d: VecDeque<i32> = VecDeque::new();
    for x in [5, 3, 9] {
        d.push_back(x);
    }
    for x in [7, 1] {
        d.push_front(x);
    }
    d.make_contiguous().sort();
    println!("{:?}", d);
    d.make_contiguous().reverse();
    println!("{:?} front={:?} back={:?}", d, d.front(), d.back());

    // Sorting by a closure, then using the deque again.
    d.make_contiguous().sort_by(|a, b| (a % 3).cmp(&(b % 3)).then(a.cmp(b)));
    println!("{:?}", d);
    d.push_back(100);
    println!("{:?} len={}", d, d.len());

    // Through a binding: the slice is the deque's content.
    let s = d.make_contiguous();
    s[0] = -1;
    s.swap(1, 2);
    println!("slice {:?}", s);
    println!("deque {:?}", d.iter().collect::<Vec<_>>());
    println!("d[0]={} d[1]={}", d[0], d[1]);

    // Strings and structs.
    let mut w: VecDeque<String> = ["pear", "fig", "apple"].iter().map(|s| s.to_string()).collect();
    w.push_front("kiwi".to_string());
    w.make_contiguous().sort();
    println!("{:?}", w);
    let mut jobs: VecDeque<Job> = VecDeque::new();
    jobs.push_back(Job { prio: 2, name: "b".into() });
    jobs.push_front(Job { prio: 9, name: "z".into() });
    jobs.push_back(Job { prio: 1, name: "a".into() });
    jobs.make_contiguous().sort_by_key(|j| j.prio);
    let names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
    println!("{:?}", names);
    while let Some(j) = jobs.pop_front() {
        println!("{} {}", j.prio, j.name);
    }

    // The returned slice's own view.
    let mut e: VecDeque<u8> = VecDeque::from(vec![3, 1, 2]);
    e.push_front(4);
    let first = e.make_contiguous().first().copied();
    println!("{:?} {:?}", first, e);
    println!("{}", e.make_contiguous().len());
    e.make_contiguous().sort_unstable();
    println!("{:?}", e);
    // Indexing through the slice, then popping the deque.
    e.make_contiguous()[0] = 42;
    println!("{:?} {:?}", e.pop_front(), e);
}
