// not-rust
// An Exception-like effect: the clause does not resume, so the handled computation is
// abandoned (its values are dropped) and the clause's value is the handle's value.

effect Fail {
    fn fail(msg: String) -> i32;
}

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

handler to_result for Fail {
    fail(msg) resume => Err(msg),
}

fn parse_all(items: &[&str]) -> Result<i32, String> {
    let _g = Guard("parse_all");
    let mut total = 0;
    for s in items {
        let n = match s.parse::<i32>() {
            Ok(n) => n,
            Err(_) => Fail::fail(format!("not a number: {s}")),
        };
        println!("parsed {n}");
        total += n;
    }
    Ok(total)
}

fn main() {
    let ok = handle { parse_all(&["1", "2", "3"]) } with to_result;
    println!("{ok:?}");
    let bad = handle { parse_all(&["4", "x", "6"]) } with to_result;
    println!("{bad:?}");
    println!("after");
}
