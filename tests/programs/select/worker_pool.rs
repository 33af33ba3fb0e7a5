// not-rust
// A select! loop over a work channel and a quit channel from several threads; the results
// are collected and printed in order.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (work_tx, work_rx) = mpsc::channel::<u64>();
    let (quit_tx, quit_rx) = mpsc::channel::<()>();
    let (out_tx, out_rx) = mpsc::channel::<u64>();
    let h = thread::spawn(move || {
        let mut handled = 0;
        loop {
            select! {
                recv(work_rx) -> job => match job {
                    Ok(n) => {
                        out_tx.send(n * n).unwrap();
                        handled += 1;
                    }
                    Err(_) => break,
                },
                recv(quit_rx) -> _q => break,
            }
        }
        handled
    });
    for n in 1..=5 {
        work_tx.send(n).unwrap();
    }
    let mut squares: Vec<u64> = (0..5).map(|_| out_rx.recv().unwrap()).collect();
    squares.sort();
    quit_tx.send(()).unwrap();
    println!("handled {}", h.join().unwrap());
    println!("{:?}", squares);
}
