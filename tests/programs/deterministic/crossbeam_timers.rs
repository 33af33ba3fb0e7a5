// not-rust
// crossbeam-channel's after(), tick() and never() on virtual time (TERAS_SEED in .env): a
// worker's messages race a deadline; ticks arrive every 100 ms; never() is never ready.
use crossbeam_channel::{after, never, select, tick, unbounded};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let start = Instant::now();
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for i in 0..3 {
            thread::sleep(Duration::from_millis(150));
            tx.send(i).unwrap();
        }
    });
    let deadline = after(Duration::from_millis(400));
    loop {
        select! {
            recv(rx) -> msg => println!("message {:?}", msg),
            recv(deadline) -> _ => {
                println!("deadline after {} ms", start.elapsed().as_millis() / 100 * 100);
                break;
            }
        }
    }

    let ticker = tick(Duration::from_millis(100));
    for _ in 0..3 {
        let t = ticker.recv().unwrap();
        println!("tick at about {} ms", (t - start).as_millis() / 100 * 100);
    }

    let nothing = never::<i32>();
    select! {
        recv(nothing) -> _ => println!("never ready"),
        default(Duration::from_millis(50)) => println!("never() stayed silent"),
    }
}
