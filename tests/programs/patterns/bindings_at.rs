enum Message {
    Hello { id: i32 },
}

fn main() {
    for id in [5, 11, 42] {
        let msg = Message::Hello { id };
        match msg {
            Message::Hello { id: id_variable @ 3..=7 } => println!("Found an id in range: {id_variable}"),
            Message::Hello { id: 10..=12 } => println!("Found an id in another range"),
            Message::Hello { id } => println!("Found some other id: {id}"),
        }
    }
    let n = 15;
    match n {
        small @ 0..=9 => println!("small {small}"),
        teen @ (13 | 14 | 15 | 16 | 17 | 18 | 19) => println!("teen {teen}"),
        other => println!("other {other}"),
    }
    let v = Some(vec![1, 2, 3]);
    if let Some(ref inner) = v {
        println!("len {}", inner.len());
    }
    println!("{:?}", v);
    let mut pair = (1, 2);
    let (ref mut a, _) = pair;
    *a += 100;
    println!("{:?}", pair);
    let whole @ (x, y) = (3, 4);
    println!("{:?} {x} {y}", whole);
}
