use std::sync::Mutex;
use std::thread;

fn main() {
    let m = Mutex::new(5);
    let guard = m.lock().unwrap();
    let h = thread::spawn(move || {
        println!("{}", *guard);
    });
    h.join().unwrap();
}
