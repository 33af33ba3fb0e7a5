use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();

    thread::spawn(move || {
        let greeting = String::from("hello");
        tx.send(greeting).unwrap();
        println!("sent {greeting}");
    });

    let received = rx.recv().unwrap();
    println!("Got: {received}");
}
