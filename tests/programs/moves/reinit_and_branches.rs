// Programs rustc accepts: moves followed by re-initialization, moves on paths that leave
// the function or the loop, moves of Copy values.
fn consume(v: Vec<i32>) -> usize {
    v.len()
}

fn consume_s(s: String) -> usize {
    s.len()
}

fn early(v: Vec<i32>, flag: bool) -> usize {
    if flag {
        let n = consume(v);
        return n + 100;
    }
    v.len()
}

fn main() {
    // Re-initialized after the move.
    let mut s = String::from("first");
    println!("{}", consume_s(s));
    s = String::from("second");
    println!("{s}");

    // Moved in a branch that returns.
    println!("{} {}", early(vec![1, 2], true), early(vec![1, 2, 3], false));

    // Moved in a loop, then the loop is left.
    let v = vec![1, 2, 3];
    loop {
        println!("loop {}", consume(v));
        break;
    }

    // Moved and re-initialized in every iteration.
    let mut w = vec![0];
    for i in 0..3 {
        println!("iter {} {}", i, consume(w));
        w = vec![i; 2];
    }
    println!("{:?}", w);

    // Re-initialized on the `continue` path too.
    let mut acc = vec![1];
    for i in 0..4 {
        if i % 2 == 0 {
            acc = vec![i];
            continue;
        }
        println!("odd {} {}", i, consume(acc));
        acc = Vec::new();
    }
    println!("{:?}", acc);

    // A fresh variable each iteration.
    for i in 0..3 {
        let label = format!("item{i}");
        println!("{}", consume_s(label));
    }

    // Moved in both branches, re-initialized in both.
    let mut t = String::from("t");
    if acc.is_empty() {
        consume_s(t);
        t = String::from("a");
    } else {
        consume_s(t);
        t = String::from("b");
    }
    println!("{t}");

    // `let _ = x` does not move.
    let keep = vec![7, 8];
    let _ = keep;
    println!("{:?}", keep);

    // Shadowing: a new variable with the old name.
    let name = String::from("old");
    let moved = name;
    let name = String::from("new");
    println!("{moved} {name}");

    // Moving out of a block.
    let data = vec![4, 5];
    let out = {
        let inner = data;
        inner
    };
    println!("{:?}", out);

    // Labelled break out of nested loops after the move.
    let items = vec![String::from("x")];
    'outer: for i in 0..3 {
        for j in 0..3 {
            if i == 1 && j == 2 {
                let gone = items;
                println!("gone {:?}", gone);
                break 'outer;
            }
        }
    }

    // A move in a `match` arm that returns from a closure.
    let pick = |n: i32, v: Vec<i32>| -> usize {
        match n {
            0 => return consume(v),
            _ => {}
        }
        v.len() * 10
    };
    println!("{} {}", pick(0, vec![1]), pick(1, vec![1, 2]));
}
