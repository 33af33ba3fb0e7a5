fn classify(n: i32) -> &'static str {
    if n < 0 {
        "negative"
    } else if n == 0 {
        "zero"
    } else if n % 2 == 0 {
        "even"
    } else {
        "odd"
    }
}

fn main() {
    for n in [-3, 0, 4, 7] {
        println!("{n} is {}", classify(n));
    }
    let condition = true;
    let number = if condition { 5 } else { 6 };
    println!("{number}");
    let abs = |x: i32| if x < 0 { -x } else { x };
    println!("{}", abs(-9));
    let msg = if number > 3 { String::from("big") } else { String::from("small") };
    println!("{msg}");
    let unit = if false { };
    println!("{:?}", unit);
}
