use std::rc::Rc;
use std::thread;

fn main() {
    let pair = (1, Rc::new(2));
    thread::scope(|s| {
        s.spawn(move || {
            println!("{} {}", pair.0, pair.1);
        });
    });
}
