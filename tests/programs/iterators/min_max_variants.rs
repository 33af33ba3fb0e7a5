#[derive(Debug)]
struct City {
    name: &'static str,
    pop: u32,
    area: f64,
}

fn main() {
    let v = [3, 9, -2, 9, 4];
    println!("{:?} {:?}", v.iter().min(), v.iter().max());
    let cities = vec![
        City { name: "a", pop: 500, area: 12.5 },
        City { name: "b", pop: 1500, area: 3.0 },
        City { name: "c", pop: 1500, area: 40.0 },
        City { name: "d", pop: 20, area: 40.0 },
    ];
    println!("{}", cities.iter().max_by_key(|c| c.pop).unwrap().name);
    println!("{}", cities.iter().min_by_key(|c| c.pop).unwrap().name);
    println!("{}", cities.iter().max_by(|a, b| a.area.partial_cmp(&b.area).unwrap()).unwrap().name);
    println!("{}", cities.iter().min_by(|a, b| a.area.partial_cmp(&b.area).unwrap()).unwrap().name);
    let words = ["hello", "hi", "greetings", "hey"];
    println!("{:?}", words.iter().max_by_key(|w| w.len()));
    println!("{:?}", words.iter().min_by_key(|w| w.len()));
    println!("{:?}", words.iter().max());
    let fs = [2.5, -1.0, 7.25];
    println!("{:?}", fs.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
    let none: Vec<i32> = Vec::new();
    println!("{:?}", none.iter().max());
    println!("{:?}", [(1, 'b'), (1, 'a')].iter().min());
    println!("{:?}", v.iter().max_by(|a, b| a.cmp(b)));
    println!("{:?}", v.iter().enumerate().min_by_key(|&(_, x)| x));
}
