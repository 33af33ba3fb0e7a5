// recv_timeout: Timeout while nothing arrives, the value once it does, Disconnected at the
// end.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel();
    println!("{:?}", rx.recv_timeout(Duration::from_millis(10)));
    let h = thread::spawn(move || {
        thread::sleep(Duration::from_millis(30));
        tx.send(42).unwrap();
    });
    loop {
        match rx.recv_timeout(Duration::from_millis(5)) {
            Ok(v) => {
                println!("got {v}");
                break;
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                println!("disconnected early");
                break;
            }
        }
    }
    h.join().unwrap();
    let e = rx.recv_timeout(Duration::from_millis(10)).unwrap_err();
    println!("{:?}: {}", e, e);
    println!("{}", RecvTimeoutError::Timeout);
}
