// `thread::park` / `Thread::unpark`: a token that is not lost when unpark comes first.
use std::thread;
use std::time::Duration;

fn main() {
    let parked = thread::spawn(|| {
        thread::park();
        "unparked"
    });
    thread::sleep(Duration::from_millis(20));
    parked.thread().unpark();
    println!("{}", parked.join().unwrap());

    // unpark before park: the token is kept, park returns at once.
    let t = thread::current();
    t.unpark();
    thread::park();
    println!("token consumed");

    // park_timeout returns after the timeout without a token.
    thread::park_timeout(Duration::from_millis(5));
    println!("timed out");

    // sleep and yield_now.
    let h = thread::spawn(|| {
        for _ in 0..3 {
            thread::yield_now();
        }
        thread::sleep(Duration::from_millis(2));
        5
    });
    println!("{}", h.join().unwrap());
    let n = thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("parallelism >= 1: {}", n >= 1);
}
