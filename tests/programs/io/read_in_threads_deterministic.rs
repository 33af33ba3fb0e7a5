// The same program under the deterministic scheduler (.env): a read of stdin blocks every fiber
// until the input is there; the output is the same.
// Reading stdin from a spawned thread, and from two threads one after the other (a channel
// orders them); the main thread prints after joining.
use std::io::{self, BufRead};
use std::sync::mpsc;
use std::thread;

fn main() {
    let first = thread::spawn(|| {
        let mut s = String::new();
        io::stdin().read_line(&mut s).unwrap();
        s.trim().to_uppercase()
    })
    .join()
    .unwrap();
    println!("first line: {}", first);

    let (tx, rx) = mpsc::channel();
    let reader = thread::spawn(move || {
        let mut n = 0;
        for line in io::stdin().lock().lines() {
            let line = line.unwrap();
            if line == "stop" {
                break;
            }
            n += line.len();
        }
        tx.send(n).unwrap();
    });
    let n = rx.recv().unwrap();
    reader.join().unwrap();
    let rest: Vec<String> = io::stdin().lines().map(|l| l.unwrap()).collect();
    println!("chars before stop: {}, after: {:?}", n, rest);
}
