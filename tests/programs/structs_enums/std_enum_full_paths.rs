// Option, Result and Ordering named by their full std (or core) paths, in expressions,
// casts, method calls and patterns.
fn sign(o: std::cmp::Ordering) -> &'static str {
    match o {
        std::cmp::Ordering::Less => "less",
        core::cmp::Ordering::Equal => "equal",
        std::cmp::Ordering::Greater => "greater",
    }
}

fn half(n: i32) -> std::result::Result<i32, String> {
    if n % 2 == 0 {
        std::result::Result::Ok(n / 2)
    } else {
        core::result::Result::Err(format!("{n} is odd"))
    }
}

fn main() {
    println!("{}", std::cmp::Ordering::Less as i8);
    println!("{:?}", std::cmp::Ordering::Greater.reverse());
    println!("{}", sign(3.cmp(&3)));
    println!("{}", sign(core::cmp::Ordering::Greater));
    let a = std::option::Option::Some(3);
    let b: Option<i32> = core::option::Option::None;
    println!("{:?} {:?}", a.map(|x| x * 2), b);
    match a {
        std::option::Option::Some(v) if v > 2 => println!("big {v}"),
        std::option::Option::Some(v) => println!("small {v}"),
        std::option::Option::None => println!("none"),
    }
    for n in [4, 7] {
        match half(n) {
            std::result::Result::Ok(h) => println!("half {h}"),
            std::result::Result::Err(e) => println!("error: {e}"),
        }
    }
    let all: Vec<Option<u8>> = vec![std::option::Option::Some(1), std::option::Option::None];
    println!("{:?}", all);
}
