// A panicking initializer poisons a Once: a later call_once panics.
use std::sync::Once;
use std::thread;
static INIT: Once = Once::new();
fn main() {
    let r = thread::spawn(|| { INIT.call_once(|| panic!("boom")); }).join();
    println!("{}", r.is_err());
    INIT.call_once(|| println!("again"));
}
