fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn main() {
    let add = |a: i32| move |b: i32| a + b;
    let add5 = add(5);
    println!("{}", add5(10));
    let inc_then_double = compose(|x: i32| x + 1, |x: i32| x * 2);
    println!("{}", inc_then_double(4));
    let to_str = compose(inc_then_double, |x: i32| format!("<{x}>"));
    println!("{}", to_str(0));
    let mut log = Vec::new();
    let mut run = |name: &str, f: &dyn Fn(i32) -> i32| {
        let r = f(3);
        log.push(format!("{name}={r}"));
    };
    run("sq", &|x| x * x);
    run("neg", &|x| -x);
    println!("{:?}", log);
    let counter = std::cell::Cell::new(0);
    let bump = || counter.set(counter.get() + 1);
    let twice = |f: &dyn Fn()| {
        f();
        f();
    };
    twice(&bump);
    twice(&bump);
    println!("{}", counter.get());
}
