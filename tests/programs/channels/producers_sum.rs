// Several producers, each with its own clone of the sender; the main thread drops its own
// sender so that the loop ends when every producer is done.
use std::sync::mpsc::{self, Sender};
use std::thread;

fn producer(id: u64, tx: Sender<(u64, u64)>) {
    for i in 0..100 {
        tx.send((id, i)).unwrap();
    }
}

fn main() {
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for id in 0..4 {
        let tx = tx.clone();
        handles.push(thread::spawn(move || producer(id, tx)));
    }
    drop(tx);
    let mut count = 0;
    let mut sums = [0u64; 4];
    for (id, i) in rx.iter() {
        count += 1;
        sums[id as usize] += i;
    }
    for h in handles {
        h.join().unwrap();
    }
    println!("count = {count}");
    println!("sums = {:?}", sums);
}
