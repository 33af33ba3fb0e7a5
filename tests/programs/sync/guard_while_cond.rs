// A while condition's temporary guard is dropped before the body runs (Rust drops the
// condition's temporaries at the end of the condition), so the body can lock again.
use std::sync::Mutex;

static LOG: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn main() {
    let mut n = 0;
    while LOG.lock().unwrap().is_empty() {
        println!("body: try_lock ok = {}", LOG.try_lock().is_ok());
        n += 1;
        if n == 2 {
            LOG.lock().unwrap().push("x");
        }
    }
    println!("{:?}", LOG.lock().unwrap());
}
