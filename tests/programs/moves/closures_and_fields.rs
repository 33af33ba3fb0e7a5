// Closures that borrow, partial moves of fields, methods by reference and by value.
#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

impl Person {
    fn greet(&self) -> String {
        format!("hi {}", self.name)
    }
    fn birthday(&mut self) {
        self.age += 1;
    }
    fn into_name(self) -> String {
        self.name
    }
}

struct Stack {
    items: Vec<i32>,
}

impl Stack {
    fn drain_all(self) -> Vec<i32> {
        let mut out = Vec::new();
        for x in self.items.into_iter() {
            out.push(x * 2);
        }
        out
    }
}

fn main() {
    let mut p = Person { name: String::from("Ann"), age: 30 };
    p.birthday();
    println!("{} {}", p.greet(), p.age);
    let name = p.into_name();
    println!("{name}");

    // A partial move, then another field.
    let q = Person { name: String::from("Bo"), age: 5 };
    let n = q.name;
    println!("{} {}", n, q.age);

    // Closures: by reference, by value of a clone, nested.
    let v = vec![1, 2, 3];
    let offset = 10;
    let shifted: Vec<i32> = v.iter().map(|x| x + offset).collect();
    println!("{:?} {:?} {offset}", shifted, v);
    let v2 = v.clone();
    let owner = move || v2.len();
    println!("{} {:?}", owner(), v);
    let outer = || {
        let inner = || v.len() as i32 + offset;
        inner() * 2
    };
    println!("{} {:?}", outer(), v);

    // A closure that moves its own argument.
    let measure = |s: String| {
        let t = s;
        t.len()
    };
    println!("{} {}", measure(String::from("ab")), measure(String::from("abc")));

    // Disjoint capture of a field by a move closure (edition 2021).
    let r = Person { name: String::from("Cy"), age: 9 };
    let get_name = move || r.name.len();
    println!("{} {}", get_name(), r.age);

    let s = Stack { items: vec![1, 2] };
    println!("{:?}", s.drain_all());

    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("top {top}");
    }
    stack.push(9);
    println!("{:?}", stack);

    let parts = vec![String::from("a"), String::from("b")];
    let total: usize = parts.iter().map(|s| s.len()).sum();
    let upper: Vec<String> = parts.iter().map(|s| s.to_uppercase()).collect();
    println!("{total} {:?} {:?}", upper, parts);
}
