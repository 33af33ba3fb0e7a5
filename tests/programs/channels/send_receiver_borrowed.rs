// A fused `tx.send(v).unwrap()` reads a local sender after its argument (no argument
// mentions it) and runs on it borrowed in its own register (`Instr::MovRecv`): the sender
// as the only handle to its object, shared with a clone, moved into a thread, blocked on a
// full channel; arguments that make temporaries (`format!`), carry a sender, or read the
// sender themselves (read first, as Rust does).
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<String>(1);
    let h = thread::spawn(move || {
        for i in 0..20 {
            tx.send(format!("m{}", i)).unwrap();
        }
        let tx2 = tx.clone();
        for i in 20..30 {
            tx.send(i.to_string()).unwrap();
            tx2.send(format!("c{}", i)).unwrap();
        }
        let mut tx3 = tx2.clone();
        for i in 30..35 {
            tx3.send(format!("d{}", i)).unwrap();
            tx3 = tx.clone();
        }
        tx3.send(String::from("last")).unwrap();
    });
    let mut total = 0;
    let mut count = 0;
    let mut last = String::new();
    for s in rx.iter() {
        total += s.len();
        count += 1;
        last = s;
    }
    h.join().unwrap();
    println!("{} messages, {} bytes, last {}", count, total, last);

    // Senders as messages: the sender sent is another handle of an end the loop uses.
    let (txs, rxs) = mpsc::channel::<mpsc::Sender<u64>>();
    let (tx, rx) = mpsc::channel::<u64>();
    for i in 0..3u64 {
        txs.send(tx.clone()).unwrap();
        tx.send(i).unwrap();
    }
    drop(txs);
    for (i, t) in rxs.iter().enumerate() {
        t.send(10 + i as u64).unwrap();
    }
    drop(tx);
    let got: Vec<u64> = rx.iter().collect();
    println!("{:?}", got);

    // An argument that reads the sender itself: the sender is read before it.
    let (tx, rx) = mpsc::channel::<usize>();
    let mut senders = vec![tx.clone()];
    tx.send({
        senders.push(tx.clone());
        senders.len()
    })
    .unwrap();
    drop(senders);
    tx.send(7).unwrap();
    drop(tx);
    println!("{:?}", rx.iter().collect::<Vec<_>>());
}
