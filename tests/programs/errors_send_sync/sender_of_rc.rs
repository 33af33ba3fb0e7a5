use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Rc<i32>>();
    let h = thread::spawn(move || {
        tx.send(Rc::new(1)).unwrap();
    });
    h.join().unwrap();
    println!("{}", rx.recv().unwrap());
}
