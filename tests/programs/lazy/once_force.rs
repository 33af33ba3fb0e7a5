// Once::call_once_force runs even after a panicking initializer poisoned the Once, and
// tells it through OnceState::is_poisoned; OnceLock::get_or_init.
use std::sync::{Once, OnceLock};
use std::thread;

static INIT: Once = Once::new();
static NAME: OnceLock<String> = OnceLock::new();

fn main() {
    let r = thread::spawn(|| {
        INIT.call_once(|| panic!("first initializer fails"));
    })
    .join();
    println!("first attempt panicked: {}", r.is_err());
    println!("poisoned: {}, completed: {}", INIT.is_completed() == false, INIT.is_completed());

    INIT.call_once_force(|state| {
        println!("forced run, poisoned = {}", state.is_poisoned());
    });
    println!("completed now: {}", INIT.is_completed());
    INIT.call_once_force(|_| println!("never printed"));
    INIT.call_once(|| println!("never printed either"));

    let fresh = Once::new();
    fresh.call_once_force(|state| println!("fresh once, poisoned = {}", state.is_poisoned()));

    let n = NAME.get_or_init(|| {
        println!("initializing NAME");
        String::from("teras")
    });
    println!("name = {}", n);
    println!("again = {}", NAME.get_or_init(|| String::from("other")));
    println!("get = {:?}", NAME.get());
}
