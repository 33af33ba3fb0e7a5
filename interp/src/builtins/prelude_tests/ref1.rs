use std::collections::HashMap;
fn main() {
    let mut m: HashMap<char, usize> = HashMap::new();
    m.insert('l', 3);
    if let Some(x) = m.get_mut(&'l') { *x += 100; }
    println!("{}", m[&'l']);
    let x = m.get_mut(&'l').unwrap();
    *x += 1;
    println!("{}", m[&'l']);
    let mut v = vec![1, 2, 3];
    if let Some(f) = v.first_mut() { *f = 10; }
    for x in v.iter_mut() { *x += 1; }
    println!("{:?}", v);
    let mut o = Some(3);
    if let Some(x) = o.as_mut() { *x += 1; }
    println!("{:?}", o);
    let mut s = String::from("ab");
    let t = std::mem::take(&mut s);
    println!("{:?} {:?}", s, t);
    let mut a = 1; let mut b = 2;
    std::mem::swap(&mut a, &mut b);
    println!("{} {}", a, b);
    let mut o2 = Some(5);
    let t2 = o2.take();
    println!("{:?} {:?}", o2, t2);
    let mut o3: Option<String> = Some("x".to_string());
    let t3 = o3.take();
    println!("{:?} {:?}", o3, t3);
    let r = o3.get_or_insert_with(|| "new".to_string());
    r.push('!');
    println!("{:?}", o3);
}
