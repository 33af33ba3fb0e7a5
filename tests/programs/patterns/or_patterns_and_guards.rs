fn main() {
    let x = 4;
    let y = false;
    match x {
        4 | 5 | 6 if y => println!("yes"),
        _ => println!("no"),
    }
    let num = Some(4);
    match num {
        Some(x) if x % 2 == 0 => println!("The number {x} is even"),
        Some(x) => println!("The number {x} is odd"),
        None => (),
    }
    let pairs = [(0, 1), (2, 2), (3, 7), (-1, 0)];
    for &(a, b) in pairs.iter() {
        let s = match (a, b) {
            (0, _) | (_, 0) => "has zero",
            (a, b) if a == b => "equal",
            (a, b) if a + b > 5 => "big sum",
            _ => "other",
        };
        println!("({a},{b}) {s}");
    }
    let r: Result<i32, i32> = Err(3);
    match r {
        Ok(n) | Err(n) => println!("n = {n}"),
    }
    let v = vec![1, 2, 3];
    match v.len() {
        0 => println!("empty"),
        1 | 2 => println!("small"),
        len if len > 2 => println!("large {len}"),
        _ => unreachable!(),
    }
}
