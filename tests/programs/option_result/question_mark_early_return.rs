use std::num::ParseIntError;

fn add_strs(a: &str, b: &str) -> Result<i32, ParseIntError> {
    println!("parsing {a:?}");
    let x = a.parse::<i32>()?;
    println!("parsing {b:?}");
    let y = b.parse::<i32>()?;
    println!("adding");
    Ok(x + y)
}

fn first_char_upper(s: &str) -> Option<char> {
    let c = s.chars().next()?;
    let up = c.to_uppercase().next()?;
    Some(up)
}

fn last_digit_sum(words: &[&str]) -> Option<u32> {
    let mut sum = 0;
    for w in words {
        sum += w.chars().last()?.to_digit(10)?;
    }
    Some(sum)
}

fn main() {
    println!("{:?}", add_strs("1", "2"));
    println!("{:?}", add_strs("x", "2"));
    println!("{:?}", add_strs("1", "y"));
    println!("{:?} {:?}", first_char_upper("rust"), first_char_upper(""));
    println!("{:?}", last_digit_sum(&["a1", "b2", "c3"]));
    println!("{:?}", last_digit_sum(&["a1", "bb", "c3"]));
    match add_strs("99999999999", "1") {
        Ok(v) => println!("ok {v}"),
        Err(e) => println!("error: {e}"),
    }
}
