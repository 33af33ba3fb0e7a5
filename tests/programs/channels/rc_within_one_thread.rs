// A channel used within one thread may carry a value that is not Send (rustc accepts it:
// only a channel end crossing into another thread must be Send).
use std::rc::Rc;
use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel();
    let v = vec![Rc::new(5)];
    println!("sending");
    tx.send(v).unwrap();
    let got = rx.recv().unwrap();
    println!("received {:?}, strong count {}", got, Rc::strong_count(&got[0]));
}
