// not-rust
// The seed's channels (H-05): mpsc_channel(), mpmc_channel(capacity) with cloned receivers,
// spsc_channel(capacity), oneshot().
use std::sync::mpsc::Sender;
use std::thread;

fn produce(p: Sender<i32>) {
    for i in 0..5 {
        p.send(i).unwrap();
    }
}

fn main() {
    let (tx, rx) = mpsc_channel();
    let tx2 = tx.clone();
    tx.send(1).unwrap();
    tx2.send(2).unwrap();
    drop(tx);
    drop(tx2);
    let got: Vec<i32> = rx.iter().collect();
    println!("mpsc: {:?}", got);

    // mpmc: two consumers share the work; every job is handled exactly once.
    let (jobs, work) = mpmc_channel::<u32>(4);
    let (done_tx, done_rx) = mpsc_channel();
    let mut hs = Vec::new();
    for _ in 0..2 {
        let work = work.clone();
        let done = done_tx.clone();
        hs.push(thread::spawn(move || {
            for j in work.iter() {
                done.send(j * 10).unwrap();
            }
        }));
    }
    drop(work);
    drop(done_tx);
    for j in 1..=6 {
        jobs.send(j).unwrap();
    }
    drop(jobs);
    for h in hs {
        h.join().unwrap();
    }
    let mut results: Vec<u32> = done_rx.iter().collect();
    results.sort();
    println!("mpmc: {:?}", results);

    // spsc: one producer, one consumer, bounded.
    let (p, c) = spsc_channel(2);
    let h = thread::spawn(move || produce(p));
    let s: i32 = c.iter().sum();
    h.join().unwrap();
    println!("spsc sum: {s}");

    // oneshot: one value; a dropped sender makes recv fail.
    let (otx, orx) = oneshot();
    thread::spawn(move || otx.send(String::from("once")).unwrap());
    println!("oneshot: {:?}", orx.recv());
    let (otx, orx) = oneshot::<i32>();
    drop(otx);
    println!("oneshot after drop: {:?}", orx.recv());
}
