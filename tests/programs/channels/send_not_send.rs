// not-rust
// A message that is not Send (an Rc) cannot cross a channel.
use std::rc::Rc;
use std::sync::mpsc;

fn main() {
    let (tx, _rx) = mpsc::channel();
    let v = vec![Rc::new(5)];
    println!("sending");
    tx.send(v).unwrap();
    println!("not reached");
}
