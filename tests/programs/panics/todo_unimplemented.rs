fn later() -> i32 {
    todo!()
}

fn main() {
    let ok = false;
    if ok {
        println!("{}", later());
    }
    println!("skipped todo");
    let f = || -> i32 { unimplemented!("feature {}", "x") };
    println!("{}", f());
}
