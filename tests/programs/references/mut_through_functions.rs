fn add_one(num: &mut i32) {
    *num += 1;
}

fn append(v: &mut Vec<String>, s: &str) {
    v.push(s.to_string());
}

fn largest_mut(v: &mut [i32]) -> &mut i32 {
    let mut idx = 0;
    for i in 0..v.len() {
        if v[i] > v[idx] {
            idx = i;
        }
    }
    &mut v[idx]
}

struct Counter {
    n: u32,
}

fn bump(c: &mut Counter) {
    c.n += 1;
}

fn main() {
    let mut x = 5;
    add_one(&mut x);
    add_one(&mut x);
    println!("{x}");
    let r = &mut x;
    *r *= 10;
    println!("{x}");
    let mut names = Vec::new();
    append(&mut names, "a");
    append(&mut names, "b");
    println!("{:?}", names);
    let mut nums = vec![3, 9, 2];
    *largest_mut(&mut nums) = 0;
    println!("{:?}", nums);
    let mut c = Counter { n: 0 };
    bump(&mut c);
    bump(&mut c);
    println!("{}", c.n);
    let mut s = String::from("hi");
    let rs = &mut s;
    rs.push_str(" there");
    println!("{s}");
    let mut arr = [1, 2, 3];
    let first = &mut arr[0];
    *first = 100;
    println!("{:?}", arr);
}
