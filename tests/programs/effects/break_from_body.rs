// not-rust
// `break` and `continue` inside a handled body act on the loops around the `handle` (labeled
// or not, `break value` of a `loop` too), while those of a loop inside the body stay there.
effect Ask {
    fn ask() -> i32;
}

handler give for Ask {
    ask() k => k(3)
}

fn main() {
    let mut seen = Vec::new();
    for i in 0..10 {
        handle {
            if i % 2 == 0 {
                continue;
            }
            if i > 6 {
                break;
            }
            for j in 0..100 {
                if j == 1 {
                    break;
                }
                seen.push(i * 100 + j + ask());
            }
        } with give;
    }
    println!("{seen:?}");
    let v = loop {
        handle {
            break ask() * 2;
        } with give;
    };
    println!("{v}");
    'outer: for a in 0..3 {
        for b in 0..3 {
            handle {
                if b == 1 {
                    continue 'outer;
                }
                println!("{a} {b} {}", ask());
            } with give;
        }
    }
}
