#[derive(Debug)]
struct Number {
    value: i32,
}

impl From<i32> for Number {
    fn from(item: i32) -> Self {
        Number { value: item }
    }
}

#[derive(Debug)]
enum MyError {
    Parse(std::num::ParseIntError),
    Negative(i64),
}

impl From<std::num::ParseIntError> for MyError {
    fn from(e: std::num::ParseIntError) -> Self {
        MyError::Parse(e)
    }
}

fn parse_positive(s: &str) -> Result<i64, MyError> {
    let n: i64 = s.parse()?;
    if n < 0 {
        return Err(MyError::Negative(n));
    }
    Ok(n)
}

fn main() {
    let num = Number::from(30);
    println!("My number is {:?}", num);
    let int = 5;
    let num: Number = int.into();
    println!("My number is {:?}", num);
    let s: String = "hello".into();
    let s2 = String::from("world");
    println!("{s} {s2}");
    let big: i64 = i64::from(7i32);
    let f: f64 = 3u8.into();
    println!("{big} {f}");
    let v: Vec<u8> = "ab".into();
    println!("{:?}", v);
    println!("{:?}", parse_positive("12"));
    println!("{:?}", parse_positive("-3"));
    println!("{:?}", parse_positive("x1"));
    let c = char::from(65u8);
    println!("{c}");
    let n = u32::from('a');
    println!("{n}");
    let r: Result<u8, _> = u8::try_from(300i32);
    println!("{:?}", r.is_err());
    let ok: u8 = u8::try_from(200i32).unwrap();
    println!("{ok}");
}
