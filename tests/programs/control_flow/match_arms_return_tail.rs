// Match arms and `if` branches that end by falling to the function's tail value: the jumps to
// the tail's copy-and-return become returns themselves (peephole `returns`), and an addition
// just before such a jump returns with it (`AddRet`). Tails of an integer, a Copy struct, a
// float, a string (moved, not copied), with `None`/`Some` arms, a guard, an `if` without
// `else`, and an overflow in the fused addition (a panic at its line).

#[derive(Clone, Copy, Debug)]
struct P {
    x: i32,
    y: i32,
}

fn count(o: &Option<Box<i64>>, base: i64) -> i64 {
    let mut total = base;
    match o {
        Some(v) => total += **v,
        None => {}
    }
    total
}

fn shift(o: Option<i32>, p: P) -> P {
    let mut q = p;
    match o {
        Some(d) if d > 100 => q.x += 100,
        Some(d) => q.x += d,
        None => q.y -= 1,
    }
    q
}

fn half(f: f64, big: bool) -> f64 {
    let mut r = f;
    if big {
        r /= 2.0;
    }
    r
}

fn label(n: i64) -> String {
    let mut s = String::from("n");
    match n % 3 {
        0 => s.push_str("-zero"),
        1 => s.push_str("-one"),
        _ => {}
    }
    s
}

fn add_to(acc: i64, o: Option<i64>) -> i64 {
    let mut t = acc;
    match o {
        Some(v) => t += v,
        None => {}
    }
    t
}

fn main() {
    println!("{} {}", count(&Some(Box::new(5)), 1), count(&None, 1));
    let p = P { x: 1, y: 2 };
    println!("{:?} {:?} {:?} {:?}", shift(Some(3), p), shift(Some(300), p), shift(None, p), p);
    println!("{} {}", half(3.0, true), half(3.0, false));
    println!("{} {} {}", label(3), label(4), label(5));
    let mut acc = 0;
    for i in 0..10 {
        acc = add_to(acc, if i % 2 == 0 { Some(i) } else { None });
    }
    println!("acc {}", acc);
    println!("{}", add_to(i64::MAX - 1, Some(1)));
    println!("{}", add_to(i64::MAX, Some(1)));
}
