// not-rust
// A panic in a handled computation is reported as the panic of the thread that runs the
// `handle` (here main), and ends it.

effect Ask {
    fn ask() -> i32;
}

fn main() {
    handler answer for Ask {
        ask() resume => resume(0),
    }
    println!("start");
    let r = handle {
        let d = Ask::ask();
        100 / d
    } with answer;
    println!("unreachable {r}");
}
