fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.push(5);
    v.push(6);
    v.extend([7, 8]);
    v.extend_from_slice(&[9]);
    println!("{:?} len={} cap>=len:{}", v, v.len(), v.capacity() >= v.len());
    let third: &i32 = &v[2];
    println!("third {third}");
    match v.get(2) {
        Some(t) => println!("get {t}"),
        None => println!("none"),
    }
    println!("{:?}", v.get(100));
    println!("{:?} {:?}", v.first(), v.last());
    v.insert(1, 100);
    println!("{:?}", v);
    println!("{}", v.remove(0));
    println!("{}", v.swap_remove(0));
    println!("{:?}", v);
    v.truncate(2);
    println!("{:?}", v);
    println!("{:?}", v.pop());
    v.clear();
    println!("{} {:?}", v.is_empty(), v.pop());
    let w = vec![0; 4];
    println!("{:?}", w);
    let mut x = vec![1, 2, 3, 4, 5];
    x.reverse();
    println!("{:?}", x);
    x.swap(0, 4);
    println!("{:?}", x);
    let tail = x.split_off(3);
    println!("{:?} {:?}", x, tail);
    let mut y = vec![9];
    y.append(&mut x);
    println!("{:?} {:?}", y, x);
    let drained: Vec<i32> = y.drain(1..).collect();
    println!("{:?} {:?}", y, drained);
    let mut z = vec![1, 2];
    z.resize(4, 0);
    println!("{:?}", z);
    println!("{}", z.iter().rev().map(|n| n.to_string()).collect::<Vec<_>>().join(""));
    let v2: Vec<i32> = Vec::from([3, 1, 2]);
    println!("{:?} {}", v2, v2.contains(&1));
    println!("{}", vec![1, 2] == [1, 2]);
    println!("{:?}", [[1, 2], [3, 4]].concat());
    println!("{:?}", vec![1, 2, 3].repeat(2));
    let (left, right) = [1, 2, 3, 4, 5].split_at(2);
    println!("{:?} {:?}", left, right);
    println!("{:?}", [5, 6, 7].iter().rev().collect::<Vec<_>>());
}
