// not-rust
// crossbeam-channel's after(), tick() and never() on OS threads: timers of the run, with no
// helper thread (the first thread spawned afterwards is ThreadId(2)); a tick is seen by a
// loop polling try_recv; after() stays connected and silent once it delivered.
use crossbeam_channel::{after, never, select, tick, unbounded, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let start = Instant::now();
    let timeout = after(Duration::from_millis(60));
    let ticker = tick(Duration::from_millis(20));
    let nothing = never::<i32>();
    let id = thread::spawn(|| thread::current().id()).join().unwrap();
    println!("first spawned thread: {:?}", id);

    let (_tx, rx) = unbounded::<i32>();
    select! {
        recv(rx) -> m => println!("unexpected {:?}", m),
        recv(timeout) -> t => println!("after() fired: {}", t.is_ok() && start.elapsed() >= Duration::from_millis(60)),
    }
    match timeout.try_recv() {
        Err(TryRecvError::Empty) => println!("after() delivered once and stays connected"),
        other => println!("unexpected {:?}", other.is_ok()),
    }

    let mut polls = 0u64;
    loop {
        match ticker.try_recv() {
            Ok(t) => {
                println!("polled a tick: {}", t <= Instant::now());
                break;
            }
            Err(_) => {
                polls += 1;
                std::hint::spin_loop();
            }
        }
    }
    let _ = polls;
    let a = ticker.recv().unwrap();
    let b = ticker.recv().unwrap();
    println!("ticks apart: {}", b - a >= Duration::from_millis(19));

    select! {
        recv(nothing) -> _ => println!("never ready"),
        default(Duration::from_millis(30)) => println!("never() stayed silent"),
    }
    println!("total at least 100 ms: {}", start.elapsed() >= Duration::from_millis(100));
}
