// `?` where the enclosing function, closure or async block does not return Result/Option.
use std::collections::HashMap;

fn parse(s: &str) -> i32 {
    let n: i32 = s.parse()?;
    n
}

fn lookup(m: &HashMap<String, i32>) {
    let v = m.get("k")?;
    println!("{v}");
}

async fn later() -> i32 {
    let v: Option<i32> = Some(1);
    v?
}

// These are fine: they return Result / Option.
fn ok_result(s: &str) -> Result<i32, std::num::ParseIntError> {
    let n: i32 = s.parse()?;
    let add = |t: &str| -> Result<i32, std::num::ParseIntError> { Ok(t.parse::<i32>()? + 1) };
    Ok(n + add("1")?)
}

fn ok_option(v: &[i32]) -> Option<i32> {
    let first = v.first()?;
    Some(*first)
}

fn main() {
    let c = |s: &str| {
        let n: i32 = s.parse()?;
        n + 1
    };
    let b = async {
        let v: Option<i32> = None;
        v?;
    };
    let _ = b;
    let _ = later();
    println!("{} {:?} {:?}", parse("1") + c("2"), ok_result("3"), ok_option(&[4]));
    let m = HashMap::new();
    lookup(&m);
    let x: Option<i32> = Some(5);
    println!("{}", x?);
}
