// `match &x.f { Some(y) => .. }` on a struct field: the peephole pass fuses the field read, the
// variant test and the payload read (`GetFieldMatch`). Every kind of value such a field may
// hold: an inline `Some` of a boxed node, `None`, `Some` of a Copy type, of a Copy struct, of a
// string, of a tuple; another enum's variant with a payload; a field the code reads again
// after the match (not fused), a guard that tests the same scrutinee twice, a field read
// through a `&mut self` method that then changes the struct, and a binding that outlives the
// match.

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
    val: i64,
}

fn tree(d: i64) -> Option<Box<Node>> {
    if d == 0 {
        None
    } else {
        Some(Box::new(Node { left: tree(d - 1), right: tree(d - 1), val: d }))
    }
}

fn sum(n: &Node) -> i64 {
    let mut t = n.val;
    match &n.left {
        Some(l) => t += sum(l),
        None => {}
    }
    if let Some(r) = &n.right {
        t += sum(r);
    }
    t
}

#[derive(Clone, Copy, Debug)]
struct P {
    x: i32,
    y: i32,
}

enum Shape {
    Circle(Box<Node>),
    Empty,
}

struct Mixed {
    n: Option<i64>,
    p: Option<P>,
    s: Option<String>,
    t: Option<(i32, String)>,
    shape: Shape,
    v: Option<Vec<i64>>,
}

impl Mixed {
    fn bump(&mut self) -> i64 {
        let got = match &self.n {
            Some(k) => *k,
            None => -1,
        };
        self.n = Some(got + 1);
        got
    }
}

fn describe(m: &Mixed) -> String {
    let mut out = String::new();
    match &m.n {
        Some(k) => out.push_str(&format!("n={} ", k)),
        None => out.push_str("n=none "),
    }
    match &m.p {
        Some(p) => out.push_str(&format!("p={:?} ", p)),
        None => out.push_str("p=none "),
    }
    match &m.s {
        Some(s) => out.push_str(&format!("s={} ", s)),
        None => out.push_str("s=none "),
    }
    match &m.t {
        Some(t) => out.push_str(&format!("t={}/{} ", t.0, t.1)),
        None => out.push_str("t=none "),
    }
    match &m.shape {
        Shape::Circle(n) => out.push_str(&format!("circle={} ", sum(n))),
        Shape::Empty => out.push_str("empty "),
    }
    match &m.v {
        Some(v) => out.push_str(&format!("v={:?}", v)),
        None => out.push_str("v=none"),
    }
    out
}

fn guarded(n: &Node) -> &'static str {
    match &n.left {
        Some(l) if l.val > 2 => "big left",
        Some(_) => "small left",
        None => "no left",
    }
}

fn reread(n: &Node) -> i64 {
    // The field's register is read again after the payload: not fused.
    let a = match &n.left {
        Some(l) => l.val,
        None => 0,
    };
    let b = match &n.left {
        Some(l) => l.val * 10,
        None => 0,
    };
    a + b
}

fn main() {
    let t = tree(4).unwrap();
    println!("sum {}", sum(&t));
    println!("{} / {}", guarded(&t), guarded(t.left.as_ref().unwrap().left.as_ref().unwrap().left.as_ref().unwrap()));
    println!("reread {}", reread(&t));

    let mut a = Mixed { n: Some(7), p: Some(P { x: 1, y: 2 }), s: Some("hi".to_string()), t: Some((3, "x".to_string())), shape: Shape::Circle(Box::new(Node { left: None, right: None, val: 9 })), v: Some(vec![1, 2]) };
    let b = Mixed { n: None, p: None, s: None, t: None, shape: Shape::Empty, v: None };
    println!("{}", describe(&a));
    println!("{}", describe(&b));
    println!("bump {} {} {}", a.bump(), a.bump(), a.bump());
    println!("{}", describe(&a));

    // A binding that outlives the match, in a loop that reuses the registers.
    let mut kept: Vec<i64> = Vec::new();
    let mut cur: Option<&Node> = Some(&t);
    while let Some(n) = cur {
        kept.push(n.val);
        cur = match &n.left {
            Some(l) => Some(l),
            None => None,
        };
    }
    println!("spine {:?}", kept);

    // Walk and rebuild: the payload handle is shared with the tree, which stays intact.
    let mut total = 0;
    for _ in 0..3 {
        total += sum(&t);
    }
    println!("total {} root {}", total, t.val);
}
