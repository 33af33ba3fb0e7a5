// A `move` closure owns a copy of each Copy variable it captures: assigning it inside the
// closure changes the closure's copy, never the enclosing variable. A closure whose captures
// are all Copy is itself Copy: a copy counts on from its own state.
fn make() -> impl FnMut() -> i32 {
    let mut n = 10;
    let mut inc = move || {
        n += 1;
        n
    };
    println!("inc {}", inc());
    println!("outer n {}", n);
    inc
}

fn call_twice<F: FnMut() -> i32>(mut f: F) -> i32 {
    f();
    f()
}

fn main() {
    let mut counter = 0;
    let mut inc = move || {
        counter += 1;
        counter
    };
    println!("{} {}", inc(), inc());
    println!("counter {}", counter);
    counter += 100;
    println!("{} counter {}", inc(), counter);

    // A non-move closure borrows: it changes the variable itself.
    let mut x = 1;
    let mut bump = || x += 1;
    bump();
    bump();
    println!("x {}", x);

    // The variable was borrowed mutably before; the move closure copies its value then.
    let mut y = 1;
    {
        let r = &mut y;
        *r = 2;
    }
    let c = move || y;
    y = 5;
    println!("c {} y {}", c(), y);

    // A Copy tuple.
    let mut t = (1, 2);
    let mut ct = move || {
        t.0 += 10;
        t
    };
    println!("{:?} {:?}", ct(), t);
    t.1 = 7;
    println!("{:?} {:?}", ct(), t);

    // An FnMut closure moved (copied) into another move closure keeps its own state.
    let mut k = 0;
    let mut f = move || {
        k += 1;
        k
    };
    let mut g = move || f();
    println!("g {} {}", g(), g());
    println!("f {}", f());
    println!("twice {} then f {}", call_twice(f), f());

    let mut m = make();
    println!("m {}", m());

    // A non-move closure inside a move closure borrows the move closure's copy.
    let mut z = 0;
    let mut outer = move || {
        let mut inner = || z += 1;
        inner();
        inner();
        z
    };
    println!("outer {} {} z {}", outer(), outer(), z);

    // A boxed variable (assigned by a non-move closure too) is still copied by a move one.
    let mut w = 0;
    let mut set = |v| w = v;
    set(3);
    let mut own = move || {
        w *= 10;
        w
    };
    println!("own {} w {}", own(), w);
    let mut set2 = |v| w = v;
    set2(4);
    println!("own {} w {}", own(), w);
}
