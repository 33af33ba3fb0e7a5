fn check(n: i32) {
    if n > 2 {
        println!("done at {n}");
        std::process::exit(0);
    }
}

fn main() {
    for i in 0..10 {
        println!("step {i}");
        check(i);
    }
    println!("never printed");
}
