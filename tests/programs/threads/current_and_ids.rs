// `thread::current()`: names, `ThreadId`s (main is ThreadId(1), then spawn order), Debug.
use std::thread;

fn main() {
    let main_id = thread::current().id();
    println!("{:?}", main_id);
    println!("{:?}", thread::current());
    let a = thread::spawn(|| thread::current().id());
    let b = thread::spawn(|| thread::current().id());
    let ida = a.join().unwrap();
    let idb = b.join().unwrap();
    println!("{:?} {:?}", ida, idb);
    println!("distinct: {}", ida != idb && ida != main_id);
    let h = thread::Builder::new().name("named".into()).spawn(|| {
        let t = thread::current();
        (t.name().map(String::from), t.id())
    }).unwrap();
    let t = h.thread().clone();
    let (name, id) = h.join().unwrap();
    println!("{:?} {:?} same: {}", name, id, t.id() == id);
    println!("{:?}", t);
}
