fn grade(score: u32) -> char {
    match score {
        90..=100 => 'A',
        80..=89 => 'B',
        70..=79 => 'C',
        0..=69 => 'F',
        _ => '?',
    }
}

fn kind(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        '0'..='9' => "digit",
        _ => "other",
    }
}

fn main() {
    for s in [95, 85, 72, 10, 101] {
        print!("{} ", grade(s));
    }
    println!();
    for c in ['e', 'x', '5', '#'] {
        println!("{c}: {}", kind(c));
    }
    let x = -5i64;
    let desc = match x {
        i64::MIN..=-1 => "neg",
        0 => "zero",
        1.. => "pos",
    };
    println!("{desc}");
    let s = "hello";
    match s {
        "hi" => println!("short"),
        "hello" => println!("long greeting"),
        _ => println!("unknown"),
    }
    let b = true;
    match b {
        true => println!("yes"),
        false => println!("no"),
    }
}
