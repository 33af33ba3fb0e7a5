// The Book, 16.2: two producers by cloning the sender. The arrival order between the two
// threads is racy, so the received values are collected and printed sorted.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel();

    let tx1 = tx.clone();
    thread::spawn(move || {
        let vals = vec![
            String::from("hi"),
            String::from("from"),
            String::from("the"),
            String::from("thread"),
        ];

        for val in vals {
            tx1.send(val).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });

    thread::spawn(move || {
        let vals = vec![
            String::from("more"),
            String::from("messages"),
            String::from("for"),
            String::from("you"),
        ];

        for val in vals {
            tx.send(val).unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    });

    let mut got: Vec<String> = Vec::new();
    for received in rx {
        got.push(received);
    }
    got.sort();
    for g in &got {
        println!("Got: {g}");
    }
    println!("{} messages", got.len());
}
