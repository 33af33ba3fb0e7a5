#[derive(Debug)]
struct Shoe {
    size: u32,
    style: String,
}

fn shoes_in_size(shoes: Vec<Shoe>, shoe_size: u32) -> Vec<Shoe> {
    shoes.into_iter().filter(|s| s.size == shoe_size).collect()
}

fn main() {
    let shoes = vec![
        Shoe { size: 10, style: String::from("sneaker") },
        Shoe { size: 13, style: String::from("sandal") },
        Shoe { size: 10, style: String::from("boot") },
    ];
    let in_my_size = shoes_in_size(shoes, 10);
    println!("{:?}", in_my_size);
    let threshold = 2;
    let v = vec![1, 2, 3, 4];
    let above: Vec<_> = v.iter().filter(|&&x| x > threshold).collect();
    println!("{:?}", above);
    let mut sort_operations = vec![];
    let mut list = [(10, 'a'), (3, 'b'), (7, 'c')];
    list.sort_by_key(|r| {
        sort_operations.push(r.0);
        r.0
    });
    println!("{:?}", list);
    println!("{}", sort_operations.len() > 0);
    let square = |x: i64| -> i64 { x * x };
    println!("{}", (1..=4).map(square).sum::<i64>());
    let add = |a, b| a + b;
    println!("{}", add(1.5, 2.0));
    let make_greeting = |name: &str| format!("hi {name}");
    let names = ["a", "b"];
    println!("{:?}", names.iter().map(|n| make_greeting(n)).collect::<Vec<_>>());
}
