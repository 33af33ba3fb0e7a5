// not-rust
// A State effect (get/put) handled by a handler that keeps the state in a local.

effect State {
    fn get() -> i64;
    fn put(x: i64);
}

fn count_down() -> i64 {
    let mut steps = 0;
    while State::get() > 0 {
        let n = State::get();
        put(n - 1);
        steps += 1;
    }
    steps
}

fn main() {
    let mut cell = 5;
    handler state for State {
        get() resume => resume(cell),
        put(x) resume => {
            cell = x;
            resume(())
        }
    }
    let steps = handle { count_down() } with state;
    println!("steps = {steps}, final state = {cell}");
}
