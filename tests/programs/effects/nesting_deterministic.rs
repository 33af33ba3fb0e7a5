// not-rust
// nesting.rs under the deterministic scheduler (TERAS_SEED): handled bodies are fibers of
// the seeded scheduler, with the same output.

effect Log {
    fn log(msg: String);
}

effect Ask {
    fn ask() -> i32;
}

fn work() -> i32 {
    Log::log(format!("asking"));
    let a = Ask::ask();
    Log::log(format!("got {a}"));
    let b = ask();
    a * 10 + b
}

fn main() {
    let mut lines: Vec<String> = Vec::new();
    handler collect for Log {
        log(msg) resume => {
            lines.push(msg);
            resume(())
        }
    }
    handler outer_ask for Ask {
        ask() resume => {
            Log::log(format!("outer ask answers 7"));
            resume(7)
        }
    }
    handler inner_ask for Ask {
        ask() resume => {
            // Ask the enclosing handler of Ask and add one.
            let v = Ask::ask();
            resume(v + 1)
        }
    }
    let r = handle {
        handle {
            handle {
                let x = work();
                Log::log(format!("inner result {x}"));
                x
            } with inner_ask
        } with outer_ask
    } with collect;
    let total = handle {
        handle { work() } with outer_ask
    } with collect;
    println!("r = {r}, total = {total}");
    for l in &lines {
        println!("log: {l}");
    }
}
