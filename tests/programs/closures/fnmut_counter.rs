fn call_n_times<F: FnMut()>(n: usize, mut f: F) {
    for _ in 0..n {
        f();
    }
}

fn apply<F>(f: F, x: i32) -> i32
where
    F: Fn(i32) -> i32,
{
    f(x)
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn make_counter() -> impl FnMut() -> u32 {
    let mut count = 0;
    move || {
        count += 1;
        count
    }
}

fn main() {
    let mut hits = 0;
    call_n_times(4, || hits += 1);
    println!("hits {hits}");
    println!("{}", apply(|x| x * x, 7));
    let offset = 100;
    println!("{}", apply(|x| x + offset, 1));
    let s = String::from("owned");
    println!("{}", consume(move || s + "!"));
    let mut c1 = make_counter();
    let mut c2 = make_counter();
    println!("{} {} {}", c1(), c1(), c1());
    println!("{}", c2());
    let mut log = Vec::new();
    let mut record = |msg: &str| log.push(msg.to_uppercase());
    record("a");
    record("b");
    println!("{:?}", log);
}
