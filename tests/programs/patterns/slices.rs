fn describe(s: &[i32]) -> String {
    match s {
        [] => "empty".to_string(),
        [x] => format!("one: {x}"),
        [a, b] => format!("two: {a} {b}"),
        [first, .., last] if first == last => format!("same ends {first}"),
        [first, rest @ ..] => format!("first {first}, {} more", rest.len()),
    }
}

fn sum(s: &[i32]) -> i32 {
    match s {
        [] => 0,
        [head, tail @ ..] => head + sum(tail),
    }
}

fn main() {
    println!("{}", describe(&[]));
    println!("{}", describe(&[1]));
    println!("{}", describe(&[1, 2]));
    println!("{}", describe(&[7, 0, 7]));
    println!("{}", describe(&[1, 2, 3, 4]));
    println!("{}", sum(&[1, 2, 3, 4, 5]));
    let v = vec![10, 20, 30, 40];
    match v.as_slice() {
        [a, middle @ .., z] => println!("{a} {:?} {z}", middle),
        _ => {}
    }
    let arr = [1, 2, 3];
    let [x, y, z] = arr;
    println!("{x}{y}{z}");
    if let [.., penultimate, _] = v[..] {
        println!("penultimate {penultimate}");
    }
    let words = ["a", "b", "c"];
    match words {
        ["a", rest @ ..] => println!("starts with a, then {:?}", rest),
        _ => println!("no"),
    }
}
