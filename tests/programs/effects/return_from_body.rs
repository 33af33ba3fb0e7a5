// not-rust
// `return` and `?` inside a handled body act on the enclosing function, as they would in a
// plain Rust block: the computation stops (its Drop impls run), a clause waiting in
// `resume` is abandoned (its code after `resume` does not run), and the function returns.
// A `return` inside a closure of the body still leaves only that closure.

effect Ask {
    fn ask() -> i32;
}

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

handler give for Ask {
    ask() k => k(7)
}

handler logged for Ask {
    ask() k => {
        println!("clause before resume");
        let r = k(5);
        println!("clause after resume");
        r
    }
}

fn first_big(limit: i32) -> i32 {
    let v = handle {
        let _g = Noisy("body guard");
        let a = Ask::ask();
        if a > limit {
            return a * 100;
        }
        a + 1
    } with give;
    println!("handle gave {v}");
    v
}

fn early(stop: bool) -> &'static str {
    let _f = Noisy("function guard");
    handle {
        let a = ask();
        if stop {
            return "returned from the body";
        }
        println!("body goes on with {a}");
    } with logged;
    "reached the end"
}

fn parse_plus(s: &str) -> Result<i32, std::num::ParseIntError> {
    let n = handle {
        let x: i32 = s.trim().parse()?;
        x + ask()
    } with give;
    Ok(n * 2)
}

fn plus_one(v: Option<i32>) -> Option<i32> {
    let n = handle { v? + ask() } with give;
    Some(n + 1)
}

fn main() {
    println!("{}", first_big(3));
    println!("{}", first_big(10));
    println!("{}", early(true));
    println!("{}", early(false));
    println!("{:?}", parse_plus(" 5"));
    println!("{:?}", parse_plus("x"));
    println!("{:?} {:?}", plus_one(Some(1)), plus_one(None));
    let r = handle {
        let f = |x: i32| {
            if x > 0 {
                return x * 2;
            }
            0
        };
        f(ask())
    } with give;
    println!("{r}");
}
