fn classify(n: u8) -> &'static str {
    match n % 3 {
        0 => "fizz",
        1 => "one",
        2 => "two",
        _ => unreachable!(),
    }
}

fn check(n: i32) {
    if n > 0 {
        println!("positive {n}");
    } else {
        unreachable!("n was {}", n);
    }
}

fn main() {
    println!("{}", classify(7));
    check(1);
    check(-4);
}
