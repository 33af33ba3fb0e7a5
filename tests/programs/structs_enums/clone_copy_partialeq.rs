#[derive(Debug, Clone, PartialEq)]
struct Team {
    name: String,
    members: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 {
    x: f64,
    y: f64,
}

fn main() {
    let a = Team { name: "red".to_string(), members: vec!["ann".to_string()] };
    let mut b = a.clone();
    b.members.push("bo".to_string());
    println!("{:?}", a);
    println!("{:?}", b);
    println!("{} {}", a == b, a != b);
    let c = a.clone();
    println!("{}", a == c);
    let p = V2 { x: 1.0, y: 2.0 };
    let mut q = p;
    q.x = 10.0;
    println!("{:?} {:?}", p, q);
    let arr = [p, q];
    let mut arr2 = arr;
    arr2[0].y = -1.0;
    println!("{:?}", arr);
    println!("{:?}", arr2);
    let t = (1, String::from("s"));
    let t2 = t.clone();
    println!("{:?} {}", t2, t == t2);
    println!("{}", V2 { x: f64::NAN, y: 0.0 } == V2 { x: f64::NAN, y: 0.0 });
}
