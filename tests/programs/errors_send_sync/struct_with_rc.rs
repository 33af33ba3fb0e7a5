use std::rc::Rc;
use std::thread;

struct Config {
    name: String,
    shared: Rc<String>,
}

fn main() {
    let cfg = Config { name: String::from("a"), shared: Rc::new(String::from("b")) };
    let h = thread::spawn(move || {
        let c = cfg;
        println!("{} {}", c.name, c.shared);
    });
    h.join().unwrap();
}
