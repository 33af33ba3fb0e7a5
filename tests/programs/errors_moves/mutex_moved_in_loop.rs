use std::sync::Mutex;
use std::thread;

fn main() {
    let total = Mutex::new(0);
    let mut workers = vec![];
    for _ in 0..4 {
        let w = thread::spawn(move || {
            let mut n = total.lock().unwrap();
            *n += 2;
        });
        workers.push(w);
    }
    for w in workers {
        w.join().unwrap();
    }
    println!("total = {}", *total.lock().unwrap());
}
