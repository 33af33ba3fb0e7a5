use std::cmp::Ordering;

#[derive(Debug)]
struct Person {
    name: String,
    age: u32,
}

impl PartialEq for Person {
    fn eq(&self, other: &Self) -> bool {
        self.age == other.age
    }
}

impl PartialOrd for Person {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.age.partial_cmp(&other.age)
    }
}

fn main() {
    let a = Person { name: "a".to_string(), age: 30 };
    let b = Person { name: "b".to_string(), age: 25 };
    let c = Person { name: "c".to_string(), age: 30 };
    println!("{} {} {}", a == c, a > b, a <= b);
    println!("{:?}", a.partial_cmp(&b));
    let mut people = vec![a, b, c];
    people.sort_by(|x, y| x.partial_cmp(y).unwrap());
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    println!("{:?}", names);
    println!("{:?}", 3.cmp(&5));
    println!("{:?}", "b".cmp("a"));
    println!("{:?}", 2.0f64.partial_cmp(&f64::NAN));
    match 10.cmp(&10) {
        Ordering::Less => println!("less"),
        Ordering::Equal => println!("equal"),
        Ordering::Greater => println!("greater"),
    }
    println!("{:?}", Ordering::Less.reverse());
}
