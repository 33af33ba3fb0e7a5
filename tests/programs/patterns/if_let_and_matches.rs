#[derive(Debug)]
enum Token {
    Num(i64),
    Op(char),
    Space,
}

fn main() {
    let favorite_color: Option<&str> = None;
    let is_tuesday = false;
    let age: Result<u8, _> = "34".parse();
    if let Some(color) = favorite_color {
        println!("Using your favorite color, {color}, as the background");
    } else if is_tuesday {
        println!("Tuesday is green day!");
    } else if let Ok(age) = age {
        if age > 30 {
            println!("Using purple as the background color");
        } else {
            println!("Using orange as the background color");
        }
    } else {
        println!("Using blue as the background color");
    }
    let tokens = vec![Token::Num(3), Token::Space, Token::Op('+'), Token::Num(4)];
    let nums = tokens.iter().filter(|t| matches!(t, Token::Num(_))).count();
    println!("{nums} numbers");
    let big = tokens.iter().any(|t| matches!(t, Token::Num(n) if *n > 3));
    println!("{big}");
    println!("{}", matches!('x', 'a'..='z'));
    println!("{}", matches!(Some(5), Some(1 | 2)));
    for t in &tokens {
        if let Token::Op(c) = t {
            println!("op {c}");
        } else {
            println!("not op: {:?}", t);
        }
    }
}
